/**
 * Issue 13's fidelity test, through the command line the officer runs: workbooks written by real
 * applications (openpyxl: test/hosts/package/fixtures/generate.py; LibreOffice: the same file re-saved
 * by soffice headless) with a chart, an image, cell comments, data validation, conditional formatting,
 * a defined name, freeze panes, an autofilter, print titles and a hidden sheet. After
 * `score --rules gz-zengcheng-2023`, every part of the input is byte-identical in the output except the
 * workbook, content-types and relationship parts, the styles part and the sheets with flagged cells
 * (with their notes); the chart and image are there; LibreOffice opens the output; and `clear` gives
 * back a package whose sheets equal the input's cell for cell (values, style indexes, comments).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/runCli';
import { cellsOf, partsOf, relationships, relsOf, sheetParts, text, workbookPart, type Parts } from '../support/packageParts';
import { convertWithLibreOffice } from './libreoffice';

jest.setTimeout(240_000);

const FIXTURE = 'test/hosts/package/fixtures/zengcheng-openpyxl-full.xlsx';

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-fidelity-'));

async function inputs(): Promise<[string, Uint8Array][]> {
  const openpyxl = new Uint8Array(readFileSync(FIXTURE));
  const [libreoffice] = await convertWithLibreOffice([{ name: 'full.xlsx', bytes: openpyxl }]);
  return [
    ['openpyxl', openpyxl],
    ['LibreOffice', libreoffice],
  ];
}

describe.each([['openpyxl'], ['LibreOffice']])('a workbook %s wrote, scored and cleared through the command line', (writer) => {
  let input: string;
  let before: Parts;
  let after: Parts;
  let flaggedSheets: Set<string>;
  const out = join(dir, `${writer}-评分.xlsx`);

  beforeAll(async () => {
    const bytes = new Map(await inputs()).get(writer)!;
    input = join(dir, `${writer}.xlsx`);
    writeFileSync(input, bytes);
    const json = join(dir, `${writer}.json`);
    const r = await runCli(['score', input, '--rules', 'gz-zengcheng-2023', '--out', out, '--json', json, '--quiet']);
    if (r.code !== 0) throw new Error(`score exited ${r.code}: ${r.err}`);
    before = partsOf(bytes);
    after = partsOf(readFileSync(out));
    const report = JSON.parse(readFileSync(json, 'utf8')) as { findings: { sheet?: string; cell?: string }[] };
    flaggedSheets = new Set(report.findings.filter((f) => f.sheet && f.cell).map((f) => f.sheet!));
  });

  test('the ledger is checked and flagged, and every other part of the input is byte-identical', () => {
    expect(flaggedSheets.has('发放明细')).toBe(true);
    const sheets = sheetParts(before);
    const book = workbookPart(before);
    const mayChange = new Set(['[Content_Types].xml', book, relsOf(book)]);
    for (const r of relationships(before, book)) if (r.type.endsWith('/styles')) mayChange.add(r.target);
    for (const sheet of flaggedSheets) {
      const part = sheets.get(sheet)!;
      mayChange.add(part);
      mayChange.add(relsOf(part));
      for (const r of relationships(before, part)) if (/\/(comments|vmlDrawing)$/.test(r.type)) mayChange.add(r.target);
    }
    const changed = Object.keys(before).filter((name) => !mayChange.has(name) && !same(before[name], after[name]));
    // The only other edit allowed is the tab that opens selected (tabSelected on the sheet views).
    for (const name of changed) expect([name, text(after, name).replace(/ tabSelected="(1|true)"/, '')]).toEqual([name, text(before, name).replace(/ tabSelected="(1|true)"/, '')]);
    // What the add-in does not model is there in the copy, bytes and all.
    const unmodelled = Object.keys(before).filter((n) => /chart|media|drawing\d*\.xml$/.test(n));
    expect(unmodelled.some((n) => /charts\/chart/.test(n))).toBe(true);
    expect(unmodelled.some((n) => /media\//.test(n))).toBe(true);
    for (const name of unmodelled) expect([name, same(after[name], before[name])]).toEqual([name, true]);
  });

  test('what the workbook part says about the officer’s sheets is kept: defined names, the hidden sheet', () => {
    const book = workbookPart(before);
    const names = (parts: Parts) => [...text(parts, book).matchAll(/<(?:\w+:)?definedName\b[^>]*>[^<]*</g)].map((m) => m[0]);
    expect(names(before).length).toBeGreaterThan(0);
    expect(names(after)).toEqual(expect.arrayContaining(names(before)));
    const hidden = (parts: Parts) => [...text(parts, book).matchAll(/<(?:\w+:)?sheet\b[^>]*state="hidden"[^>]*>/g)].map((m) => /name="([^"]+)"/.exec(m[0])![1]);
    expect(hidden(after)).toEqual(hidden(before));
    expect(hidden(before)).toContain('备注');
  });

  test('LibreOffice opens the scored copy, and it scores the same again', async () => {
    const [resaved] = await convertWithLibreOffice([{ name: 'scored.xlsx', bytes: new Uint8Array(readFileSync(out)) }]);
    expect(Object.keys(partsOf(resaved))).toEqual(expect.arrayContaining(['xl/workbook.xml']));
    const again = join(dir, `${writer}-again.xlsx`);
    writeFileSync(again, resaved);
    const first = await runCli(['score', out, '--rules', 'gz-zengcheng-2023', '--quiet', '--json', join(dir, `${writer}-1.json`)]);
    const second = await runCli(['score', again, '--rules', 'gz-zengcheng-2023', '--quiet', '--json', join(dir, `${writer}-2.json`)]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const total = (f: string) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { total: number }).total;
    expect(total(`${writer}-2.json`)).toBe(total(`${writer}-1.json`));
  });

  test('clear gives back every sheet cell for cell (values and style indexes) and the comments exactly', async () => {
    const cleared = join(dir, `${writer}-清除.xlsx`);
    const r = await runCli(['clear', out, '--out', cleared]);
    expect(r.code).toBe(0);
    const back = partsOf(readFileSync(cleared));
    const backSheets = sheetParts(back);
    for (const [name, part] of sheetParts(before)) {
      expect([name, [...cellsOf(text(back, backSheets.get(name)!))]]).toEqual([name, [...cellsOf(text(before, part))]]);
      for (const c of relationships(before, part).filter((x) => x.type.endsWith('/comments'))) {
        const mine = relationships(back, backSheets.get(name)!).find((x) => x.type.endsWith('/comments'));
        expect([name, mine && text(back, mine.target)]).toEqual([name, text(before, c.target)]);
      }
    }
  });
});

describe('an old binary workbook through the command line', () => {
  test('an .xls LibreOffice wrote from the 昆明 sample scores 97.54 优, and the CLI says the copy is a new .xlsx', async () => {
    const [xls] = await convertWithLibreOffice(['examples/kunming-2019-self-evaluation.xlsx'], { to: 'xls' });
    const input = join(dir, '昆明.xls');
    writeFileSync(input, xls);
    const out = join(dir, '昆明-评分.xlsx');
    const json = join(dir, '昆明.json');
    const r = await runCli(['score', input, '--out', out, '--json', json, '--quiet']);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { total: number; grade: string };
    expect([report.total, report.grade]).toEqual([97.54, '优']);
    expect(r.err).toContain('提示：原文件是旧版 .xls/.et 格式：评分结果写成新的 .xlsx 工作簿，原文件未被修改。');
    const parts = partsOf(readFileSync(out));
    expect(Object.keys(parts)).toContain('xl/workbook.xml');
    expect([...sheetParts(parts).keys()]).toEqual(expect.arrayContaining(['绩效目标']));
  });
});
