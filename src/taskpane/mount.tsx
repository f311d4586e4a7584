/**
 * Puts the pane into a page element. The Office entry and the browser preview both mount through here;
 * `render` re-renders with new props (the preview passes a new host when the user opens another file).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type AppProps } from './App';

export interface MountedTaskpane {
  render(props: AppProps): void;
  unmount(): void;
}

export function mountTaskpane(element: Element, props: AppProps): MountedTaskpane {
  const root = createRoot(element);
  const render = (p: AppProps) =>
    root.render(
      <StrictMode>
        <App {...p} />
      </StrictMode>,
    );
  render(props);
  return { render, unmount: () => root.unmount() };
}
