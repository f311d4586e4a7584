/**
 * The browser preview end to end, in headless Debian Chromium: the production bundle is built with
 * webpack's Node API, served from 127.0.0.1, and driven as a person would — mouse and keyboard only.
 *
 * Screenshots of the pane's results and anomaly list go to out/e2e/*.png, and the pane's load time to
 * out/e2e/timings.json (recorded, never asserted: the team's rule is no timed assertions; the lead copies
 * it into BENCHMARKS.md via bench/bundles.ts).
 *
 * A missing /usr/bin/chromium fails this file with a message saying how to install it; it is never skipped.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildWuhua2023SeparateSheets } from '../../examples/workbooks/wuhua-2023-separate-sheets';
import { HIGHLIGHT_FILLS } from '../../src/core/patch';
import { buildBundles, isXlsxOnly, ROOT, type Build } from './support/bundles';
import { CHROMIUM_PATH, launchChromium, requireChromium, type Browser } from './support/chromium';
import { loadPreview, SCORE_BUTTON } from './support/paneLoad';
import { serveDirectory, type StaticServer } from './support/staticServer';

const OUT = join(ROOT, 'out', 'e2e');
const LEDGER = '发放明细';
const ERROR_FILL = `#${HIGHLIGHT_FILLS.error.slice(2)}`;

let work: string;
let build: Build;
let server: StaticServer;
let browser: Browser;
const timings: Record<string, number | string> = {};

beforeAll(async () => {
  // First, so a machine without Chromium fails in a second with the fix in the message.
  requireChromium();
  work = await mkdtemp(join(tmpdir(), 'jixiao-e2e-'));
  build = await buildBundles(join(work, 'dist'));
  server = await serveDirectory(build.outputPath);
  browser = await launchChromium({ downloadsPath: join(work, 'downloads') });
  await mkdir(OUT, { recursive: true });
}, 10 * 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (Object.keys(timings).length > 0) {
    await writeFile(join(OUT, 'timings.json'), `${JSON.stringify({ ...timings, chromium: CHROMIUM_PATH, measuredAt: new Date().toISOString() }, null, 2)}\n`);
  }
  if (work) await rm(work, { recursive: true, force: true });
});

interface OpenedPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught exceptions (a CSP violation shows up here). */
  errors: string[];
}

async function openPage(): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests, errors };
}

/** Nothing may leave the machine: only the page's own server, or data:/blob: URLs. */
function expectOnlyLocalRequests(requests: string[]): void {
  const outside = requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    const host = new URL(u).hostname;
    return host !== '127.0.0.1' && host !== 'localhost';
  });
  expect(outside).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
}

function previewUrl(): string {
  return `${server.url}preview.html`;
}

async function scoreButton(page: Page) {
  return page.getByRole('button', { name: SCORE_BUTTON, exact: true });
}

describe('the bundles', () => {
  test('the task pane and ribbon bundles carry neither ExcelJS nor the xlsx host; the preview does', () => {
    for (const entry of ['taskpane', 'commands'] as const) {
      const { modules } = build.entries[entry];
      expect(modules.length).toBeGreaterThan(10);
      expect({ entry, xlsxOnly: modules.filter(isXlsxOnly) }).toEqual({ entry, xlsxOnly: [] });
    }
    const preview = build.entries.preview.modules;
    expect(preview.some((m) => m.includes('node_modules/exceljs/'))).toBe(true);
    expect(preview.some((m) => m.includes('src/hosts/xlsx/'))).toBe(true);
  });

  test('Excel\'s pages load office.js from Microsoft; the preview page names no outside address at all', async () => {
    const html = async (name: string) => readFile(join(build.outputPath, name), 'utf8');
    for (const name of ['taskpane.html', 'commands.html']) {
      const page = await html(name);
      // Loaded first and synchronously, before the deferred bundles that call Office.onReady.
      const officeJs = page.search(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
      expect({ name, officeJs: officeJs >= 0 }).toEqual({ name, officeJs: true });
      expect(page.indexOf('<script defer')).toBeGreaterThan(officeJs);
    }
    const preview = await html('preview.html');
    expect(preview).not.toMatch(/https?:\/\//);
    expect(preview).toContain('Content-Security-Policy');
    const manifest = await html('manifest.xml');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain('https://jixiao.example.org/taskpane.html');
  });
});

describe('the browser preview', () => {
  test('an evaluator opens the preview, clicks 评分, and reads 97.54 优 for the 昆明 2019 sample', async () => {
    const { page, requests, errors } = await openPage();
    try {
      const loadMs = await loadPreview(page, previewUrl());
      timings.paneLoadMs = Math.round(loadMs);
      const started = Date.now();
      await (await scoreButton(page)).click();
      await expect(page.getByTestId('total-score').textContent()).resolves.toBe('97.54');
      timings.scoreClickToResultMs = Date.now() - started;
      await expect(page.getByTestId('grade').textContent()).resolves.toBe('优');

      // The viewer shows the sheet the run activated, as Excel would.
      await page.locator('[data-testid="sheet-viewer"][data-sheet="绩效目标"]').waitFor();
      await expect(page.getByRole('tab', { name: '绩效目标' }).getAttribute('aria-selected')).resolves.toBe('true');

      await page.getByTestId('results').screenshot({ path: join(OUT, 'results-kunming.png') });
      await page.screenshot({ path: join(OUT, 'preview-kunming.png') });
      expect(errors).toEqual([]);
      expectOnlyLocalRequests(requests);
    } finally {
      await page.close();
    }
  });

  test('a reviewer opens their own 五华 ledger, scores it under km-wuhua-2023 by keyboard alone, finds E8 (600) and E23 (400) highlighted in the sheet, and downloads the scored copy', async () => {
    const file = join(work, '五华2023-含异常.xlsx');
    const planted = buildWuhua2023SeparateSheets({ plantAmountAnomalies: true });
    await writeFile(file, new Uint8Array(await planted.xlsx.writeBuffer()));

    const { page, requests, errors } = await openPage();
    try {
      await loadPreview(page, previewUrl());
      // The file chooser's input: what the browser fills in when the person picks the file.
      await page.getByTestId('open-file').setInputFiles(file);
      await page.getByRole('tab', { name: LEDGER }).waitFor();

      // Keyboard only from here: focus, Space to tick the pack, Enter to press buttons.
      const pack = page.getByRole('checkbox', { name: /km-wuhua-2023/ });
      await pack.focus();
      await page.keyboard.press('Space');
      await expect(pack.isChecked()).resolves.toBe(true);
      await (await scoreButton(page)).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('total-score').textContent()).resolves.toBe('99.41');

      const item = (cell: string) => page.getByTestId('anomaly-item').filter({ hasText: new RegExp(`${LEDGER}!${cell}(?!\\d)`) });
      await expect(item('E8').count()).resolves.toBe(1);
      await expect(item('E23').count()).resolves.toBe(1);
      await page.getByTestId('anomalies').screenshot({ path: join(OUT, 'anomalies-wuhua.png') });

      // Going to the anomaly moves the sheet view to its cell, shown with the error fill and the note.
      await item('E23').focus();
      await page.keyboard.press('Enter');
      const viewer = page.locator(`[data-testid="sheet-viewer"][data-sheet="${LEDGER}"]`);
      const e23 = viewer.locator('td[data-cell="E23"][aria-current="true"]');
      await e23.waitFor();
      await expect(e23.textContent()).resolves.toBe('400');
      await expect(e23.getAttribute('data-flagged')).resolves.toBe('true');
      await expect(e23.getAttribute('data-fill')).resolves.toBe(ERROR_FILL);
      await expect(e23.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe('rgb(255, 199, 206)');
      await expect(e23.getAttribute('aria-description')).resolves.toContain('500');
      await expect(e23.isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(OUT, 'viewer-wuhua-E23.png') });

      // Of the payment rows, exactly these two are flagged.
      const flaggedRows = await viewer.locator('td[data-flagged="true"]').evaluateAll((tds) =>
        tds.map((td) => [td.getAttribute('data-cell'), td.textContent]).filter(([cell]) => Number(/\d+$/.exec(cell ?? '')?.[0]) >= 3),
      );
      expect(flaggedRows).toEqual([['E8', '600'], ['E23', '400']]);

      // The scored copy, as the browser saves it.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载评分后的文件' }).focus();
      await page.keyboard.press('Enter');
      const saved = await download;
      expect(saved.suggestedFilename()).toBe('五华2023-含异常-评分.xlsx');
      const copy = join(work, 'scored.xlsx');
      await saved.saveAs(copy);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(copy);
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(expect.arrayContaining(['绩效目标', '异常清单', LEDGER]));
      const e8 = wb.getWorksheet(LEDGER)!.getCell('E8');
      expect(e8.value).toBe(600);
      expect(e8.fill).toMatchObject({ type: 'pattern', fgColor: { argb: HIGHLIGHT_FILLS.error } });

      expect(errors).toEqual([]);
      expectOnlyLocalRequests(requests);
    } finally {
      await page.close();
    }
  });

  test('an officer opens their own 自评表 and 生成报告 downloads 原文件名-自评报告.docx with the figures of their workbook', async () => {
    const file = join(work, '昆明市总工会2019自评表.xlsx');
    await writeFile(file, await readFile(join(ROOT, 'examples', 'kunming-2019-self-evaluation.xlsx')));
    const { page, requests, errors } = await openPage();
    try {
      await loadPreview(page, previewUrl());
      await page.getByTestId('open-file').setInputFiles(file);
      // Opened: the sample list now says it is the officer's own file.
      await page.getByRole('option', { name: '（自己的文件）' }).waitFor({ state: 'attached' });
      await page.getByRole('tab', { name: '项目支出绩效自评表' }).waitFor();

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '生成报告' }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toBe('昆明市总工会2019自评表-自评报告.docx');
      // The pane wrote the same draft into the workbook, as it does in Excel.
      await page.getByRole('tab', { name: '自评报告（草稿）' }).waitFor();
      const copy = join(work, 'report.docx');
      await saved.saveAs(copy);
      const xml = strFromU8(unzipSync(new Uint8Array(await readFile(copy)))['word/document.xml']);
      const text = xml.replace(/<[^>]+>/g, '');
      expect(text).toContain('昆明市总工会送温暖专项资金绩效自评报告');
      expect(text).toContain('经评价，项目综合得分 97.54 分，评价等级为“优”。');
      expect(text).toContain('单位自评总得分 100 分，比按实际完成值计算的 97.54 分高 2.46 分。');
      expect(errors).toEqual([]);
      expectOnlyLocalRequests(requests);
    } finally {
      await page.close();
    }
  });

  test('switching to the 增城 sample opens its index system and ledger with gz-zengcheng-2023 already chosen', async () => {
    const { page, requests, errors } = await openPage();
    try {
      await loadPreview(page, previewUrl());
      await page.getByLabel('示例工作簿').selectOption('zengcheng-2023');
      await page.getByRole('tab', { name: LEDGER }).waitFor();
      await expect(page.getByRole('checkbox', { name: /gz-zengcheng-2023/ }).isChecked()).resolves.toBe(true);
      await (await scoreButton(page)).focus();
      await page.keyboard.press('Space');
      await expect(page.getByTestId('total-score').textContent()).resolves.toBe('90.00');
      await expect(page.getByTestId('grade').textContent()).resolves.toBe('优');
      await page.getByTestId('anomalies').screenshot({ path: join(OUT, 'anomalies-zengcheng.png') });

      // The 272-payment ledger is drawn 200 rows at a time; "more" draws the rest.
      await page.getByRole('tab', { name: LEDGER }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-viewer"] tbody tr').length === 200);
      await page.getByRole('button', { name: /^再显示 \d+ 行$/ }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sheet-viewer"] tbody tr').length > 200);
      await expect(page.getByRole('button', { name: /^再显示/ }).count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      expectOnlyLocalRequests(requests);
    } finally {
      await page.close();
    }
  });
});
