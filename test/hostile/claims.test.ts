/**
 * Issue 12: every input finishes or is refused within a bound proportional to its real size, never to a
 * size its XML claims. 25,000 merged ranges hung in ExcelJS's quadratic merge check; a merge over the
 * whole grid, a `<col>` to column 100,000,000 and a row numbered 99,999,999 ran out of memory or took
 * 40 s. The first now scores in seconds; the others are refused with a Chinese message naming the sheet
 * and the claim.
 */
import { existsSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { join } from 'node:path';
import { runCli, STACK_LINE } from '../cli/runCli';
import { editPackage, kunmingWith, loadWorkbook, scratchDir, sheetPart, writeInput } from './hostilePackage';

const dir = scratchDir('jixiao-claims-');

/** The 昆明 sample plus the officer's 明细 sheet (tab 2) with a few values. */
const base = (): Promise<Uint8Array> =>
  kunmingWith((ws) => {
    ws.getCell('A1').value = '姓名';
    ws.getCell('B1').value = '金额';
    ws.getCell('A2').value = '张三';
    ws.getCell('B2').value = 500;
  }, '明细');

async function score(name: string, bytes: Uint8Array) {
  const input = writeInput(dir, `${name}.xlsx`, bytes);
  const out = join(dir, `${name}-评分.xlsx`);
  const started = Date.now();
  const r = await runCli(['score', input, '--out', out, '--quiet']);
  return { ...r, out, ms: Date.now() - started };
}

/** Adds `<mergeCells>` after `</sheetData>`. */
const withMerges = (refs: string[]) => (x: string) =>
  x.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`);

describe('claims in the sheet XML cost what the file really holds, or are refused', () => {
  test('25,000 small merged ranges score in seconds, and the merges are kept', async () => {
    const refs = Array.from({ length: 25_000 }, (_, i) => `D${i + 3}:E${i + 3}`);
    const r = await score('many-merges', await editPackage(await base(), { [sheetPart(2)]: withMerges(refs) }));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(20_000);
    const ws = (await loadWorkbook(r.out)).getWorksheet('明细')!;
    expect(ws.getCell('E25002').isMerged).toBe(true);
    expect(ws.getCell('B2').value).toBe(500);
  }, 60_000);

  test('a merge over the whole grid is refused, naming the sheet, the range and its size', async () => {
    const r = await score('grid-merge', await editPackage(await base(), { [sheetPart(2)]: withMerges(['A1:XFD1048576']) }));
    expect(r.code).toBe(2);
    expect(r.err).toContain('工作表“明细”中有合并区域 A1:XFD1048576，覆盖 17,179,869,184 个单元格，超出可处理范围');
    expect(r.err).not.toMatch(STACK_LINE);
    expect(existsSync(r.out)).toBe(false);
  });

  test('merges whose total area is beyond the budget are refused even when each is small', async () => {
    const refs = Array.from({ length: 20 }, (_, i) => `${String.fromCharCode(70 + i)}1:${String.fromCharCode(70 + i)}60000`);
    const r = await score('merge-budget', await editPackage(await base(), { [sheetPart(2)]: withMerges(refs) }));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^无法读取工作簿：工作表“明细”中的 17 个合并区域共覆盖 1,020,000 个单元格/);
  });

  test('overlapping merges (which Excel repairs on opening) do not stop scoring, and stay as the officer had them', async () => {
    const r = await score('overlap', await editPackage(await base(), { [sheetPart(2)]: withMerges(['D1:E2', 'F1:G1', 'E2:F3']) }));
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/merge|Cannot/i);
    const sheet = await (await JSZip.loadAsync(readFileSync(r.out))).file(sheetPart(2))!.async('string');
    for (const ref of ['D1:E2', 'F1:G1', 'E2:F3']) expect(sheet).toContain(`<mergeCell ref="${ref}"/>`);
  });

  test('a column setting reaching column 100,000,000 is refused, naming the sheet', async () => {
    const bytes = await editPackage(await base(), {
      [sheetPart(2)]: (x) => x.replace('<sheetData>', '<cols><col min="3" max="100000000" width="9" customWidth="1"/></cols><sheetData>'),
    });
    const r = await score('huge-col', bytes);
    expect(r.code).toBe(2);
    expect(r.err).toContain('工作表“明细”的列设置声明到第 100,000,000 列，超出 Excel 的最大列 XFD');
  });

  test('a row numbered 99,999,999 is refused at once, naming the sheet and the cell', async () => {
    const bytes = await editPackage(await base(), {
      [sheetPart(2)]: (x) => x.replace('</sheetData>', '<row r="99999999"><c r="A99999999"><v>1</v></c></row></sheetData>'),
    });
    const r = await score('huge-row', bytes);
    expect(r.code).toBe(2);
    expect(r.err).toContain('工作表“明细”中声明了第 99,999,999 行');
    expect(r.ms).toBeLessThan(5_000);
  });

  test('20,000 rows each with a value in column XFD (a 200 KB file) are refused at once, not padded to 300 million cells', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}"><v>${i}</v></c><c r="XFD${i + 3}"><v>1</v></c></row>`);
    const bytes = await editPackage(await base(), { [sheetPart(2)]: (x) => x.replace('</sheetData>', () => `${rows.join('')}</sheetData>`) });
    const r = await score('far-right', bytes);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^无法读取工作簿：工作表“明细”中有 \d[\d,]* 行的单元格远在右侧（如 XFD\d+，第 16,384 列），按此宽度处理超出可处理范围/);
    expect(r.ms).toBeLessThan(5_000);
  });

  test('cells far right with only a style, and a few rows reaching XFD, still score', async () => {
    const styled = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}"><v>${i}</v></c><c r="XFD${i + 3}" s="0"/></row>`);
    const valued = Array.from({ length: 20 }, (_, i) => `<row r="${i + 20_003}"><c r="XFD${i + 20_003}"><v>1</v></c></row>`);
    const bytes = await editPackage(await base(), { [sheetPart(2)]: (x) => x.replace('</sheetData>', () => `${styled.join('')}${valued.join('')}</sheetData>`) });
    const r = await score('far-right-styled', bytes);
    expect(r.code).toBe(0);
  }, 60_000);

  test('a dropdown over a whole column and a validation over the whole grid score in seconds and are written back as they came', async () => {
    const validations = '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="D2:D1048576"><formula1>"是,否"</formula1></dataValidation>' +
      '<dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations>';
    const bytes = await editPackage(await base(), { [sheetPart(2)]: (x) => x.replace('</sheetData>', () => `</sheetData>${validations}`) });
    const r = await score('validations', bytes);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(10_000);
    const sheet = await (await JSZip.loadAsync(readFileSync(r.out))).file(sheetPart(2))!.async('string');
    expect(sheet).toContain('sqref="D2:D1048576"');
    expect(sheet).toContain('sqref="A1:XFD1048576"');
  });

  test('a defined name over the whole grid (and one over a whole column, as LibreOffice writes it) is kept, not expanded cell by cell', async () => {
    const names = `<definedNames><definedName name="全表">'明细'!$A$1:$XFD$1048576</definedName><definedName name="金额列">'明细'!$B$1:$B$1048576</definedName></definedNames>`;
    const bytes = await editPackage(await base(), { 'xl/workbook.xml': (x) => x.replace('</sheets>', () => `</sheets>${names}`) });
    const r = await score('defined-names', bytes);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(10_000);
    const book = await (await JSZip.loadAsync(readFileSync(r.out))).file('xl/workbook.xml')!.async('string');
    // Kept as the file had it (the package host copies the defined names' text, apostrophes unescaped).
    expect(book.replace(/&apos;/g, "'")).toContain(`<definedName name="全表">'明细'!$A$1:$XFD$1048576</definedName>`);
    expect(book.replace(/&apos;/g, "'")).toContain(`<definedName name="金额列">'明细'!$B$1:$B$1048576</definedName>`);
  });

  test('claims Excel itself writes (a column setting to XFD, a dimension and spans of the whole grid, the last row) still score', async () => {
    const bytes = await editPackage(await base(), {
      [sheetPart(2)]: (x) =>
        x
          .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
          .replace('<sheetData>', '<cols><col min="3" max="16384" width="9" hidden="1"/></cols><sheetData>')
          .replace(/spans="[^"]*"/g, 'spans="1:16384"')
          .replace('</sheetData>', '<row r="1048576"><c r="A1048576"><v>7</v></c></row></sheetData>'),
    });
    const r = await score('excel-claims', bytes);
    expect(r.code).toBe(0);
    expect((await loadWorkbook(r.out)).getWorksheet('明细')!.getCell('A1048576').value).toBe(7);
  }, 30_000);
});
