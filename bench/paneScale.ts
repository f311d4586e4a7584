/**
 * Writes the "Pane at scale" section of BENCHMARKS.md (issue 15, item 9) from the figures the browser
 * test measured (out/e2e/timings.json, written by test/browser/preview.e2e.test.ts): a 350 px pane
 * scoring a generated 增城 ledger with 10,003 findings in headless Chromium, the pipeline in its Web
 * Worker. Measured, never asserted. Run `npx jest test/browser -t "10,003"` first, then
 * `npm run bench:pane`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeSection } from './benchmarksFile';

const file = resolve(__dirname, '..', 'out', 'e2e', 'timings.json');
const t = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number | string>;
const need = ['manyFindingsScoreMs', 'manyFindingsFirstScreenMs', 'manyFindingsFilterOffMs', 'manyFindingsFilterOnMs', 'manyFindingsLongestFrameMs'];
const missing = need.filter((k) => typeof t[k] !== 'number');
if (missing.length > 0) {
  console.error(`${file} has no ${missing.join(', ')}: run \`npx jest test/browser -t "10,003"\` first.`);
  process.exit(2);
}
const ms = (k: string) => `${t[k]} ms`;
const met = (k: string, target: number) => (Number(t[k]) <= target ? `**MET** (${ms(k)})` : `**NOT MET** (${ms(k)})`);

writeSection('Pane at scale (issue 15)', [
  '## Pane at scale (issue 15)',
  '',
  `Headless Chromium (${t.chromium}), preview.html?view=pane at 350 × 900, measured ${t.measuredAt} by`,
  'test/browser/preview.e2e.test.ts and written here by `npm run bench:pane`. The workbook: 增城 2023 with a',
  'generated 发放明细 of 10,000 季度救助 payments of 700 元 to 10,000 people (test/support/manyFindingsLedger.ts),',
  'checked with gz-zengcheng-2023: 10,003 findings. The pipeline runs in its Web Worker; the host (ExcelJS in',
  'the page, as Office.js would be) reads and writes on the page.',
  '',
  `- 评分 click → results: ${ms('manyFindingsScoreMs')} (read, detect and score of 10,000 rows, write of the highlights and 异常清单).`,
  `- Longest gap between two frames during that run: ${ms('manyFindingsLongestFrameMs')} (the page's own read and write; the pipeline no longer blocks it, so the progress bar moves and 取消 answers).`,
  `- The list's first screen after the results are in the page (≤ 300 ms): ${met('manyFindingsFirstScreenMs', 300)}. Groups are folded with their counts, so the first screen is a few headings whatever the count.`,
  `- A filter toggle redrawn (违规 off, then on, with the 10,000-finding group open at its first 100 items; ≤ 100 ms): off ${met('manyFindingsFilterOffMs', 100)}, on ${met('manyFindingsFilterOnMs', 100)}.`,
].join('\n'));
console.log('BENCHMARKS.md: "Pane at scale (issue 15)" written.');
