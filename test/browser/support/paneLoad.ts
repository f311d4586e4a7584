/**
 * The pane's load time as a person sees it: from the start of navigation to preview.html until the
 * 评分 button can be pressed (the sample fetched, ExcelJS has read it, the pane is drawn). Measured in
 * the page with `performance.now()`, whose zero is the navigation start.
 */
import type { Page } from 'playwright-core';

export const SCORE_BUTTON = '评分';

/** True in the page once a button named exactly 评分 exists and is enabled. */
function scoreButtonReadyAt(name: string): number | false {
  const buttons = Array.from(document.querySelectorAll('button'));
  const ready = buttons.find(
    (b) => b.textContent?.trim() === name && !b.disabled && b.getAttribute('aria-disabled') !== 'true',
  );
  return ready ? performance.now() : false;
}

/** Navigates to `url` and returns milliseconds from navigation start to an enabled 评分 button. */
export async function loadPreview(page: Page, url: string, timeoutMs = 60_000): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(scoreButtonReadyAt, SCORE_BUTTON, { polling: 'raf', timeout: timeoutMs });
  return Number(await handle.jsonValue());
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
