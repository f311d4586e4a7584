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
import { AxeBuilder } from '@axe-core/playwright';
import { runPipeline } from '../../src/core/pipeline';
import { HIGHLIGHT_FILLS } from '../../src/core/patch';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { manyFindingsWorkbook } from '../support/manyFindingsLedger';
import { unreadable } from '../support/unreadableText';
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

      // Keyboard only from here: Enter to open 规则与方案, Space to tick the pack, Enter to press buttons.
      await page.getByRole('button', { name: /规则与方案/ }).focus();
      await page.keyboard.press('Enter');
      const pack = page.getByRole('checkbox', { name: /五华区/ });
      await pack.focus();
      await page.keyboard.press('Space');
      await expect(pack.isChecked()).resolves.toBe(true);
      await (await scoreButton(page)).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('total-score').textContent()).resolves.toBe('99.41');

      // The amounts' group opens from its heading, which names the rule in Chinese.
      await page.getByRole('button', { name: /五一慰问金额不符标准/ }).focus();
      await page.keyboard.press('Enter');
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
      await expect(page.getByTestId('rules-summary').textContent()).resolves.toContain('增城区总工会帮扶救助困难职工（2023）');
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

// ─── the pane at the task pane's real width (issue 15) ────────────────────────────────────────────

const NARROW = { width: 350, height: 900 };

function paneUrl(params: Record<string, string>): string {
  return `${previewUrl()}?${new URLSearchParams({ view: 'pane', ...params })}`;
}

async function openNarrow(): Promise<OpenedPage> {
  const opened = await openPage();
  await opened.page.setViewportSize(NARROW);
  return opened;
}

/** axe-core with every rule it runs by default, colour contrast included. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How far the page scrolls sideways (0: not at all). */
async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The number of Tab presses from the top of the page until the button named `name` has the focus. */
async function tabsTo(page: Page, name: string, limit = 20): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) return n;
  }
  return Infinity;
}

const LOOKS = [
  { locale: 'zh-CN', theme: 'light', score: '评分', unchecked: '发放明细：未检查（未选择规则包）' },
  { locale: 'zh-CN', theme: 'dark', score: '评分', unchecked: '发放明细：未检查（未选择规则包）' },
  { locale: 'en-US', theme: 'light', score: 'Score', unchecked: 'Payment ledger: not checked (no rule pack chosen)' },
  { locale: 'en-US', theme: 'dark', score: 'Score', unchecked: 'Payment ledger: not checked (no rule pack chosen)' },
] as const;

describe('the pane at 350 × 900, as Excel’s task pane shows it', () => {
  test.each(LOOKS)('$locale $theme: 增城 with no pack chosen — the pack is suggested, 评分 is near the top, the total and grade land in the first screen, nothing scrolls sideways, axe finds nothing', async ({ locale, theme, score, unchecked }) => {
    const { page, errors } = await openNarrow();
    try {
      await page.goto(paneUrl({ sample: 'zengcheng-2023', rules: 'none', lang: locale, theme }));
      const button = page.getByRole('button', { name: score, exact: true });
      await page.waitForFunction((n) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === n && !b.disabled), score);
      await page.getByTestId('ledger-hint').waitFor();
      // Pack names are the policy documents' own, Chinese in either language.
      await expect(page.getByTestId('ledger-hint').textContent()).resolves.toContain('增城区总工会帮扶救助困难职工（2023）');
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      expect(await tabsTo(page, score)).toBeLessThanOrEqual(5);
      await page.keyboard.press('Enter');
      await page.getByTestId('total-score').waitFor();
      await expect(page.getByTestId('total-score').textContent()).resolves.toBe('90.00');
      await expect(button.isEnabled()).resolves.toBe(true);

      // The answer is in the first screen: nothing scrolled, the total and the grade above 900 px.
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      for (const id of ['total-score', 'grade', 'ledger-unchecked']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect({ id, bottom: box.y + box.height <= NARROW.height, right: box.x + box.width <= NARROW.width }).toEqual({ id, bottom: true, right: true });
      }
      await expect(page.getByTestId('ledger-unchecked').textContent()).resolves.toContain(unchecked);
      expect(await sidewaysScroll(page)).toBe(0);

      // The officer takes the suggestion and scores again: now the ledger is checked and there are
      // findings; walking to the first opens its group, so the list and the current item are checked too.
      await page.getByRole('button', { name: locale === 'zh-CN' ? '选用' : 'Use it', exact: true }).click();
      await expect(page.getByTestId('rules-summary').textContent()).resolves.toContain('增城区总工会帮扶救助困难职工（2023）');
      await button.click();
      // The new run's results replace the first's: the ledger is checked now.
      await page.getByTestId('ledger-unchecked').waitFor({ state: 'detached' });
      await page.getByTestId('walk-position').waitFor();
      await page.getByRole('button', { name: locale === 'zh-CN' ? '下一条' : 'Next', exact: true }).click();
      await page.locator('[data-testid="anomaly-item"][aria-current="true"]').waitFor();
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(unreadable(await page.evaluate(() => document.body.innerText))).toEqual([]);
      await page.screenshot({ path: join(OUT, `pane-350-${locale}-${theme}.png`), fullPage: false });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a workbook with nothing to score: the error bar shows its whole text once titled, with what to do in the pane', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('备注').getCell('A1').value = '本工作簿只有说明文字，没有预算表或指标表。';
    const file = join(work, '只有说明.xlsx');
    await writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const { page } = await openNarrow();
    try {
      await page.goto(paneUrl({ sample: 'kunming-2019' }));
      await page.getByRole('button', { name: '评分', exact: true }).waitFor();
      await page.getByTestId('open-file').setInputFiles(file);
      await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '评分' && !b.disabled));
      await page.getByRole('button', { name: '评分', exact: true }).click();
      const bar = page.getByTestId('notice-score');
      await bar.waitFor();
      const text = (await bar.innerText()).replace(/\s+/g, '');
      expect(text.match(/无法评分/g)).toHaveLength(1);
      expect(text).toContain('指定表格用途');
      expect(text).toContain('插入模板');
      expect(text).not.toContain('--mapping');
      // Whole: no part of the bar is cut off or wider than the pane.
      const clipped = await bar.evaluate((el) => {
        const right = el.getBoundingClientRect().right;
        return [el, ...el.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > right + 1).length;
      });
      expect(clipped).toBe(0);
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await bar.screenshot({ path: join(OUT, 'pane-350-refusal.png') });
    } finally {
      await page.close();
    }
  });

  test('下一条 on the keyboard walks the 昆明 findings, 「第 n / 7 条」, and puts Excel’s cursor on each cell in turn', async () => {
    const host = await XlsxHost.fromBuffer(await readFile(join(ROOT, 'examples', 'kunming-2019-self-evaluation.xlsx')));
    const expected = runPipeline(await host.read()).report.findings;
    const { page } = await openNarrow();
    try {
      await page.goto(paneUrl({ sample: 'kunming-2019' }));
      await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '评分' && !b.disabled));
      expect(await tabsTo(page, '评分')).toBeLessThanOrEqual(5);
      await page.keyboard.press('Enter');
      await page.getByTestId('total-score').waitFor();
      const next = page.getByRole('button', { name: '下一条', exact: true });
      await next.focus();
      for (let n = 1; n <= expected.length; n++) {
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('walk-position').textContent()).resolves.toBe(`第 ${n} / ${expected.length} 条`);
        await page.waitForFunction((at) => document.documentElement.dataset.selected === at, `${expected[n - 1].sheet}!${expected[n - 1].cell}`);
        // The bar with 下一条 stays in view while the list moves under it.
        const box = (await next.boundingBox())!;
        expect(box.y >= 0 && box.y + box.height <= NARROW.height).toBe(true);
        if (n < expected.length) await next.focus();
      }
      // From the current item, the arrow keys walk back.
      await page.locator('[data-testid="anomaly-item"][aria-current="true"]').focus();
      await page.keyboard.press('ArrowUp');
      await page.waitForFunction((at) => document.documentElement.dataset.selected === at, `${expected[expected.length - 2].sheet}!${expected[expected.length - 2].cell}`);
      await page.screenshot({ path: join(OUT, 'pane-350-walking.png') });
    } finally {
      await page.close();
    }
  });
});

describe('the pane at 350 px with 10,003 findings (a generated 增城 ledger of 10,000 700 元 季度救助)', () => {
  test('the progress moves through 读取 → 识别 → 评分 → 写入 and 取消 stops a run; the list’s first screen and a filter toggle are timed (recorded, not asserted)', async () => {
    const file = join(work, '增城-10000.xlsx');
    await writeFile(file, new Uint8Array(await manyFindingsWorkbook(10_000).xlsx.writeBuffer()));
    const { page, errors } = await openNarrow();
    try {
      await page.goto(paneUrl({ sample: 'kunming-2019' }));
      await page.getByRole('button', { name: '评分', exact: true }).waitFor();
      await page.getByTestId('open-file').setInputFiles(file);
      await page.getByTestId('ledger-hint').waitFor({ timeout: 120_000 });
      await page.getByRole('button', { name: '选用', exact: true }).click();

      // Every stage text the pane shows, and the longest gap between two frames, while it runs.
      await page.evaluate(() => {
        const w = window as unknown as { stages: string[]; longestFrame: number };
        w.stages = [];
        w.longestFrame = 0;
        let last = performance.now();
        const tick = () => {
          const now = performance.now();
          w.longestFrame = Math.max(w.longestFrame, now - last);
          last = now;
          const text = document.querySelector('[data-testid="stage"]')?.textContent ?? '';
          if (text && w.stages[w.stages.length - 1] !== text) w.stages.push(text);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });

      // 取消 while the pipeline scores in its worker: the run stops, nothing is written, the pane says so.
      await page.getByRole('button', { name: '评分', exact: true }).click();
      await page.waitForFunction(() => /^评分（第 3\/4 步）/.test(document.querySelector('[data-testid="stage"]')?.textContent ?? ''), undefined, { timeout: 120_000 });
      await page.getByRole('button', { name: '取消', exact: true }).click();
      await page.getByTestId('notice-score').waitFor();
      await expect(page.getByTestId('notice-score').textContent()).resolves.toContain('已取消评分，工作簿没有任何改动。');
      await expect(page.getByTestId('total-score').count()).resolves.toBe(0);
      const cancelled = await page.evaluate(() => (window as unknown as { stages: string[] }).stages);
      expect(cancelled.map((t) => t.replace(/（.*$/, ''))).toEqual(expect.arrayContaining(['读取', '识别', '评分']));

      // Again, to the end, timing the first screen of the list after the results arrive.
      await page.evaluate(() => {
        const w = window as unknown as { stages: string[]; longestFrame: number; resultsAt: number; listAt: number };
        w.stages = [];
        w.longestFrame = 0;
        new MutationObserver((_, observer) => {
          if (!w.resultsAt && document.querySelector('[data-testid="total-score"]')) w.resultsAt = performance.now();
          if (!w.listAt && document.querySelector('[data-testid="anomaly-group"]')) {
            requestAnimationFrame(() => {
              w.listAt = performance.now();
            });
            observer.disconnect();
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      const started = Date.now();
      await page.getByRole('button', { name: '评分', exact: true }).click();
      await page.getByTestId('total-score').waitFor({ timeout: 180_000 });
      timings.manyFindingsScoreMs = Date.now() - started;
      await page.waitForFunction(() => (window as unknown as { listAt?: number }).listAt);
      const run = await page.evaluate(() => {
        const w = window as unknown as { stages: string[]; longestFrame: number; resultsAt: number; listAt: number };
        return { stages: w.stages, longestFrame: w.longestFrame, firstScreen: w.listAt - w.resultsAt };
      });
      expect(run.stages.map((t) => t.replace(/（.*$/, ''))).toEqual(expect.arrayContaining(['读取', '识别', '评分', '写入']));
      await expect(page.getByTestId('result-counts').textContent()).resolves.toBe('违规 10001 条 · 需核实 1 条');
      timings.manyFindingsLongestFrameMs = Math.round(run.longestFrame);
      timings.manyFindingsFirstScreenMs = Math.round(run.firstScreen);

      // A filter toggle, from the click to the next frame drawn after it.
      const toggleMs = async (name: string) => {
        const button = page.getByRole('button', { name, exact: true });
        await button.evaluate((b) => {
          const w = window as unknown as { toggled: number };
          w.toggled = 0;
          const t0 = performance.now();
          b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
          requestAnimationFrame(() => requestAnimationFrame(() => {
            w.toggled = performance.now() - t0;
          }));
        });
        await page.waitForFunction(() => (window as unknown as { toggled: number }).toggled > 0);
        return page.evaluate(() => (window as unknown as { toggled: number }).toggled);
      };
      // The 10,000-payment group open, its first page (100 items) drawn, then 违规 off and on again.
      await page.getByRole('button', { name: '下一条', exact: true }).click();
      await page.locator('[data-testid="anomaly-item"][aria-current="true"]').waitFor();
      await expect(page.getByTestId('walk-position').textContent()).resolves.toBe('第 1 / 10003 条');
      timings.manyFindingsFilterOffMs = Math.round(await toggleMs('违规 10001'));
      timings.manyFindingsFilterOnMs = Math.round(await toggleMs('违规 10001'));
      expect(await sidewaysScroll(page)).toBe(0);
      await page.screenshot({ path: join(OUT, 'pane-350-10000-findings.png') });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
