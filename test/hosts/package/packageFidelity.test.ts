/**
 * Fidelity of the package host (issue 13) on workbooks written by real applications: openpyxl
 * (fixtures/generate.py) and LibreOffice. Scoring changes only the parts it must; clearing gives the
 * officer's sheets back cell for cell; nothing the add-in does not model (charts, images) is lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearMarks } from '../../../src/app/clearMarks';
import { scoreWorkbook, type ScoreOutcome } from '../../../src/app/scoreWorkbook';
import { PackageHost } from '../../../src/hosts/package/packageHost';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsxHost';
import { convertWithLibreOffice } from '../../interop/libreoffice';
import { cellsOf, partsOf, relatedParts, sheetParts, text, type Parts } from '../../support/packageParts';

jest.setTimeout(180_000);

const FIXTURES = join(__dirname, 'fixtures');
const RULES = { rules: ['gz-zengcheng-2023'] };
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, `zengcheng-openpyxl-${name}.xlsx`)));

function scored(outcome: ScoreOutcome) {
  if (outcome.status !== 'scored') throw new Error(`not scored: ${JSON.stringify(outcome)}`);
  return outcome.report;
}

async function score(bytes: Uint8Array) {
  const host = PackageHost.fromBuffer(bytes);
  const report = scored(await scoreWorkbook(host, RULES));
  return { host, report, out: await host.toBuffer() };
}

describe('the package host keeps everything of a workbook openpyxl wrote', () => {
  const input = fixture('full');
  const before = partsOf(input);
  let run: Awaited<ReturnType<typeof score>>;
  let after: Parts;
  beforeAll(async () => {
    run = await score(input);
    after = partsOf(run.out);
  });

  test('the ledger is checked: three payments are flagged on their cells', () => {
    const cells = run.report.findings.filter((f) => f.sheet === '发放明细' && f.cell).map((f) => f.cell);
    expect(cells.length).toBeGreaterThanOrEqual(3);
  });

  test('every part except the workbook, content types, styles and the flagged sheet is byte-identical', () => {
    const sheets = sheetParts(before);
    const ledger = sheets.get('发放明细')!;
    const mayChange = new Set([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/styles.xml',
      ledger,
      // the ledger's notes: its comments and VML parts
      'xl/comments/comment1.xml',
      'xl/drawings/commentsDrawing1.vml',
    ]);
    const changed = Object.keys(before).filter((name) => !mayChange.has(name) && !Buffer.from(before[name]).equals(Buffer.from(after[name] ?? [])));
    // A sheet that was the selected tab loses only its tabSelected flag (the 绩效目标 opens instead).
    for (const name of changed) {
      expect(text(after, name).replace(/ tabSelected="1"/, '')).toBe(text(before, name).replace(/ tabSelected="1"/, ''));
    }
    expect(changed.length).toBeLessThanOrEqual(1);
  });

  test('the chart and the image are still there, with their drawings', () => {
    for (const name of ['xl/charts/chart1.xml', 'xl/media/image1.png', 'xl/drawings/drawing1.xml', 'xl/drawings/drawing2.xml']) {
      expect(after[name]).toEqual(before[name]);
    }
  });

  test('on the ledger only the flagged cells change, and only their style index', () => {
    const ledger = sheetParts(before).get('发放明细')!;
    const was = cellsOf(text(before, ledger));
    const now = cellsOf(text(after, ledger));
    const flagged = new Set(run.report.findings.filter((f) => f.sheet === '发放明细' && f.cell).map((f) => f.cell!));
    for (const [ref, element] of was) {
      if (flagged.has(ref)) expect(now.get(ref)!.replace(/ s="\d+"/, '')).toBe(element.replace(/ s="\d+"/, ''));
      else expect(now.get(ref)).toBe(element);
    }
    for (const ref of flagged) expect(now.get(ref)).toMatch(/ s="\d+"/);
  });

  test('the officer’s note on a flagged cell keeps its text, with the finding below it', async () => {
    const comments = text(after, 'xl/comments/comment1.xml');
    expect(comments).toContain('已请示分管领导，按 700 元发放');
    expect(comments).toContain('身份证号待核对');
    expect(comments).toMatch(/已请示分管领导[\s\S]*600/);
  });

  test('清除标记 gives back the officer’s sheets cell for cell, and their notes exactly', async () => {
    const host = PackageHost.fromBuffer(run.out);
    const { cleared } = await clearMarks(host);
    expect(cleared).toBeGreaterThanOrEqual(3);
    const back = partsOf(await host.toBuffer());
    for (const [name, part] of sheetParts(before)) {
      expect([name, [...cellsOf(text(back, sheetParts(back).get(name)!))]]).toEqual([name, [...cellsOf(text(before, part))]]);
    }
    expect(text(back, 'xl/comments/comment1.xml')).toBe(text(before, 'xl/comments/comment1.xml'));
    expect(text(back, 'xl/drawings/commentsDrawing1.vml')).toBe(text(before, 'xl/drawings/commentsDrawing1.vml'));
  });

  test('LibreOffice opens the scored copy, and it scores the same again', async () => {
    const [resaved] = await convertWithLibreOffice([{ name: 'scored.xlsx', bytes: run.out }]);
    const again = PackageHost.fromBuffer(resaved);
    const names = (await again.read()).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['评价指标体系', '预算执行', '发放明细', '绩效目标', '异常清单']));
    expect(scored(await scoreWorkbook(again, RULES)).total).toBe(run.report.total);
  });
});

describe('the package host keeps everything of a workbook LibreOffice wrote', () => {
  test('after scoring, only the workbook, content types, styles, the flagged sheet and its notes differ; 清除标记 gives the cells back', async () => {
    const [input] = await convertWithLibreOffice([{ name: 'full.xlsx', bytes: fixture('full') }]);
    const before = partsOf(input);
    const run = await score(input);
    const after = partsOf(run.out);
    const ledger = sheetParts(before).get('发放明细')!;
    const mayChange = new Set([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/styles.xml',
      ledger,
      ...relatedParts(before, ledger, /\/(comments|vmlDrawing)$/),
      `xl/worksheets/_rels/${ledger.split('/').pop()}.rels`,
    ]);
    const changed = Object.keys(before).filter((name) => !mayChange.has(name) && !Buffer.from(before[name]).equals(Buffer.from(after[name] ?? [])));
    for (const name of changed) {
      expect(text(after, name).replace(/ tabSelected="(1|true)"/, '')).toBe(text(before, name).replace(/ tabSelected="(1|true)"/, ''));
    }
    expect(changed.length).toBeLessThanOrEqual(1);
    expect(Object.keys(before).filter((n) => /chart|media/.test(n)).length).toBeGreaterThan(0);
    for (const name of Object.keys(before).filter((n) => /chart|media|drawing\d*\.xml$/.test(n))) expect(after[name]).toEqual(before[name]);

    const host = PackageHost.fromBuffer(run.out);
    await clearMarks(host);
    const back = partsOf(await host.toBuffer());
    for (const [name, part] of sheetParts(before)) {
      expect([name, [...cellsOf(text(back, sheetParts(back).get(name)!))]]).toEqual([name, [...cellsOf(text(before, part))]]);
    }
    for (const comments of relatedParts(before, ledger, /\/comments$/)) expect(text(back, comments)).toBe(text(before, comments));
  });
});

describe('workbooks ExcelJS refuses score like their plain twin', () => {
  test.each(['chart', 'comment'])('the openpyxl workbook with a %s', async (variant) => {
    await expect(XlsxHost.fromBuffer(fixture(variant))).rejects.toThrow();
    const twin = await score(fixture('plain'));
    const it = await score(fixture(variant));
    expect(it.report.total).toBe(twin.report.total);
    const key = (f: { ruleId?: string; sheet?: string; cell?: string }) => `${f.ruleId}|${f.sheet}|${f.cell}`;
    expect(it.report.findings.map(key)).toEqual(twin.report.findings.map(key));
  });
});

describe('old binary workbooks', () => {
  test('an .xls LibreOffice wrote from the 昆明 sample scores 97.54 优, as a new .xlsx', async () => {
    const [xls] = await convertWithLibreOffice(['examples/kunming-2019-self-evaluation.xlsx'], { to: 'xls' });
    const host = PackageHost.fromBuffer(xls);
    expect(host.converted).toBe(true);
    const report = scored(await scoreWorkbook(host, {}));
    expect([report.total, report.grade]).toEqual([97.54, '优']);
    const out = await host.toBuffer();
    expect([out[0], out[1]]).toEqual([0x50, 0x4b]);
    expect((await (await XlsxHost.fromBuffer(out)).read()).sheets.map((s) => s.name)).toContain('绩效目标');
  });
});
