/**
 * What Fluent UI v9 expects of a browser and jsdom lacks. Imported first by every pane test.
 * (The docblock's `customExportConditions: ["node"]` is for ExcelJS: under jsdom's default browser
 * conditions it would load uuid's ESM build, which jest cannot run.)
 */
import { configure } from '@testing-library/react';

// getByRole checks every ancestor's computed style to skip hidden elements; with Fluent's injected
// styles that costs jsdom seconds per query. The pane hides nothing it renders, so skip the check.
configure({ defaultHidden: true });

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined') {
  if (!('ResizeObserver' in window)) {
    Object.defineProperty(window, 'ResizeObserver', { value: NoopResizeObserver, writable: true, configurable: true });
  }
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      configurable: true,
      value: (query: string): MediaQueryList =>
        ({
          matches: false,
          media: query,
          onchange: null,
          addListener: () => {},
          removeListener: () => {},
          addEventListener: () => {},
          removeEventListener: () => {},
          dispatchEvent: () => false,
        }) as MediaQueryList,
    });
  }
}

export {};

// The docx package (生成报告) encodes its XML with TextEncoder, which every browser has and jsdom lacks.
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require('node:util') as typeof import('node:util');
  Object.defineProperty(globalThis, 'TextEncoder', { value: util.TextEncoder, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'TextDecoder', { value: util.TextDecoder, writable: true, configurable: true });
}
