/**
 * The add-in's bundles: what each page downloads (raw and gzip), whether ExcelJS stayed out of the
 * Office bundles, and how long the browser preview's pane takes to become usable in headless Chromium
 * (median of a few loads). Standalone: `npx tsx bench/bundles.ts`; bench/run.ts can append
 * `await bundleSection()` to its report.
 *
 * Times are context for the machine they were measured on (shared, noisy); no test asserts them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundles, entrySizes, ENTRIES, isXlsxOnly, type Build } from '../test/browser/support/bundles';
import { launchChromium } from '../test/browser/support/chromium';
import { loadPreview, median } from '../test/browser/support/paneLoad';
import { serveDirectory } from '../test/browser/support/staticServer';

/** Loads measured; the first (cold process, cold disk cache) is reported apart from the median. */
const LOADS = 7;

const PAGES: Record<(typeof ENTRIES)[number], string> = {
  taskpane: 'taskpane.html (task pane in Excel)',
  commands: 'commands.html (ribbon 评分)',
  preview: 'preview.html (browser preview)',
};

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export interface PaneLoad {
  samples: number[];
  first: number;
  median: number;
}

/** Serves the build on 127.0.0.1 and opens preview.html `LOADS` times, each in a fresh page. */
export async function measurePaneLoad(build: Build, loads = LOADS): Promise<PaneLoad> {
  const server = await serveDirectory(build.outputPath);
  // Closed whatever happens, Chromium missing included: an open server would keep the bench from exiting.
  try {
    const browser = await launchChromium();
    try {
      const samples: number[] = [];
      for (let i = 0; i < loads; i++) {
        const page = await browser.context.newPage();
        try {
          samples.push(await loadPreview(page, `${server.url}preview.html`));
        } finally {
          await page.close();
        }
      }
      const [first, ...rest] = samples;
      return { samples, first, median: median(rest.length > 0 ? rest : samples) };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

export async function bundleSection(): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'jixiao-bundles-'));
  try {
    const build = await buildBundles(join(work, 'dist'));
    const sizes = await entrySizes(build);
    const leaks = (['taskpane', 'commands'] as const).flatMap((entry) =>
      build.entries[entry].modules.filter(isXlsxOnly).map((m) => `${entry}: ${m}`),
    );
    const exceljsInOffice = leaks.some((l) => l.includes('node_modules/exceljs/'));
    const load = await measurePaneLoad(build);

    const lines = [
      '## Bundles and pane load',
      '',
      'Production build (`npm run build`, webpack 5, minified). Sizes are every JavaScript file the page loads,',
      'shared chunks included; gzip is node:zlib level 9.',
      '',
      '| page | files | raw | gzip |',
      '|---|---:|---:|---:|',
      ...sizes.map((s) => `| ${PAGES[s.entry]} | ${s.files.length} | ${kib(s.raw)} | ${kib(s.gzip)} |`),
      '',
      exceljsInOffice
        ? '**ExcelJS is in the Office bundles** (taskpane/commands) — it belongs to the preview only.'
        : 'ExcelJS is not in the taskpane or commands bundles (only in the preview).',
    ];
    if (leaks.length > 0) {
      lines.push('', `Modules from src/hosts/xlsx or exceljs in the Office bundles: ${leaks.map((l) => `\`${l}\``).join(', ')}.`);
    }
    lines.push(
      '',
      `Pane load in headless Chromium (navigation start → 评分 button enabled, preview.html with the 昆明 sample, ` +
        `served from 127.0.0.1): median **${Math.round(load.median)} ms** of ${load.samples.length - 1} warm loads; ` +
        `first load ${Math.round(load.first)} ms. Samples: ${load.samples.map((s) => Math.round(s)).join(', ')} ms.`,
    );
    return `${lines.join('\n')}\n`;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  bundleSection().then(
    (section) => process.stdout.write(section),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
