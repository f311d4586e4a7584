/**
 * Reading with the package host: the snapshot it gives equals the ExcelJS host's wherever ExcelJS can
 * read the file (so the pipeline cannot tell which host ran), and it reads the forms other producers
 * write. Too big and not-a-workbook are answers in Chinese, not crashes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { PackageFileHost } from '../../../src/hosts/package/packageFileHost';
import { PackageHost } from '../../../src/hosts/package/packageHost';
import { WorkbookReadError } from '../../../src/hosts/xlsx/errors';
import { XlsxHost } from '../../../src/hosts/xlsx/xlsxHost';
import { convertWithLibreOffice } from '../../interop/libreoffice';
import { bytesOf } from '../xlsxFixtures';

jest.setTimeout(120_000);

const EXAMPLES = [
  'examples/kunming-2019-self-evaluation.xlsx',
  'examples/kunming-2019-subtotal-rows.xlsx',
  'examples/zengcheng-2023-index-system.xlsx',
  'examples/wuhua-2023-separate-sheets.xlsx',
];

async function bothSnapshots(bytes: Uint8Array) {
  const ours = await PackageHost.fromBuffer(bytes).read();
  const exceljs = await (await XlsxHost.fromBuffer(bytes)).read();
  return { ours, exceljs };
}

describe('the package host reads what the ExcelJS host reads', () => {
  test.each(EXAMPLES)('%s gives the same snapshot', async (file) => {
    const { ours, exceljs } = await bothSnapshots(new Uint8Array(readFileSync(file)));
    expect(ours).toEqual(exceljs);
  });

  test('the same samples re-saved by LibreOffice give the same snapshot', async () => {
    const resaved = await convertWithLibreOffice(EXAMPLES);
    for (const bytes of resaved) {
      const { ours, exceljs } = await bothSnapshots(bytes);
      expect(ours).toEqual(exceljs);
    }
  });

  test('rich text, booleans, errors, cached formula results, dates, percentages, merges and a hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    ws.getCell('A1').value = { richText: [{ text: '项目', font: { bold: true } }, { text: '名称' }] };
    ws.getCell('B1').value = true;
    ws.getCell('C1').value = { error: '#DIV/0!' };
    ws.getCell('D1').value = { formula: 'SUM(E1:E2)', result: 1200 };
    ws.getCell('E1').value = new Date(Date.UTC(2023, 4, 1));
    ws.getCell('E1').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('F1').value = 0.9844;
    ws.getCell('F1').numFmt = '0.00%';
    ws.getCell('G1').value = { formula: 'A1&"x"' };
    ws.getCell('A3').value = '合并';
    ws.mergeCells('A3:C4');
    wb.addWorksheet('备注', { state: 'hidden' }).getCell('A1').value = '内部';
    const { ours, exceljs } = await bothSnapshots(await bytesOf(wb));
    expect(ours).toEqual(exceljs);
    expect(ours.sheets[0].values[0]).toEqual(['项目名称', true, { error: '#DIV/0!' }, 1200, 45047, 0.9844]);
    expect(ours.sheets[1].hidden).toBe(true);
  });

  test('a workbook in the 1904 date system gives the dates the officer sees, as 1900 serials', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const cell = wb.addWorksheet('明细').getCell('A1');
    cell.value = new Date(Date.UTC(2023, 4, 1));
    cell.numFmt = 'yyyy-mm-dd';
    const { ours, exceljs } = await bothSnapshots(await bytesOf(wb));
    expect(ours.sheets[0].values[0]).toEqual([45047]);
    expect(ours).toEqual(exceljs);
  });
});

/** A minimal package as other producers write it, with the given sheet XML and shared strings. */
function handMade(sheetData: string, sharedStrings?: string): Uint8Array {
  const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        (sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="明细" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (sharedStrings ? `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${NS}"><sheetData>${sheetData}</sheetData></worksheet>`),
  };
  if (sharedStrings) files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${NS}">${sharedStrings}</sst>`);
  return zipSync(files);
}

describe('forms other producers write', () => {
  test('inline strings, rich-text shared strings, cells without r attributes and no styles part', async () => {
    const bytes = handMade(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="s"><v>0</v></c></row><row><c><v>600</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>',
      '<si><r><rPr><b/></rPr><t>慰问</t></r><r><t xml:space="preserve">金 </t></r></si>',
    );
    const snapshot = await PackageHost.fromBuffer(bytes).read();
    expect(snapshot.sheets[0].values).toEqual([['姓名', '慰问金 '], [600, true, { error: '#N/A' }]]);
  });

  test('a package without a styles part can still be highlighted and written', async () => {
    const host = PackageHost.fromBuffer(handMade('<row r="1"><c r="A1"><v>700</v></c></row>'));
    const snapshot = await host.read();
    await host.apply({
      sheets: [],
      removeSheets: [],
      highlights: [{ sheet: '明细', cell: 'A1', severity: 'error', note: '超过上限' }, { sheet: '明细', cell: 'C5', severity: 'info', note: '' }],
      clearHighlights: false,
      state: { version: 1, ownSheets: [] },
    });
    expect(snapshot.sheets[0].values).toEqual([[700]]);
    const back = await XlsxHost.fromBuffer(await host.toBuffer());
    const ws = back.workbook.getWorksheet('明细')!;
    expect(ws.getCell('A1').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(JSON.stringify(ws.getCell('A1').note)).toContain('超过上限');
    expect(ws.getCell('C5').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
  });
});

describe('files on disk', () => {
  test('the scored copy goes to a new file; the input file is never written over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-package-'));
    const input = join(dir, 'input.xlsx');
    writeFileSync(input, readFileSync(EXAMPLES[0]));
    const host = await PackageFileHost.fromFile(input);
    await host.read();
    await expect(host.writeFile(input)).rejects.toThrow(/input/);
    await host.writeFile(join(dir, 'out.xlsx'));
    expect(readFileSync(input)).toEqual(readFileSync(EXAMPLES[0]));
    expect((await PackageHost.fromBuffer(readFileSync(join(dir, 'out.xlsx'))).read()).sheets.length).toBeGreaterThan(0);
  });

  test('a missing file is named', async () => {
    await expect(PackageFileHost.fromFile('/nonexistent/报表.xlsx')).rejects.toThrow(/找不到文件 \/nonexistent\/报表\.xlsx/);
  });
});

describe('files that cannot be read say why, in Chinese', () => {
  test('a text file is not a workbook', () => {
    expect(() => PackageHost.fromBuffer(strToU8('这不是 Excel 文件'))).toThrow(WorkbookReadError);
    expect(() => PackageHost.fromBuffer(strToU8('这不是 Excel 文件'))).toThrow(/不是有效的 \.xlsx 或 \.xls 文件/);
  });

  test('a password-protected workbook is named as one, not as damaged', () => {
    // An encrypted .xlsx is an OLE file holding EncryptionInfo and EncryptedPackage streams.
    interface Cfb {
      utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, data: Uint8Array): void };
      write(cfb: unknown, options: { type: 'array' }): ArrayBuffer;
    }
    const CFB = (XLSX as unknown as { CFB: Cfb }).CFB;
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, ...new Array<number>(56).fill(0)]));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096));
    expect(() => PackageHost.fromBuffer(new Uint8Array(CFB.write(cfb, { type: 'array' })))).toThrow(/设置了打开密码/);
  });

  test('a zip that is not a workbook', () => {
    expect(() => PackageHost.fromBuffer(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toThrow(/无法读取工作簿/);
  });

  /** Sets an entry's compression method and uncompressed size in the central directory. */
  function claim(bytes: Uint8Array, part: string, method: number, size: number): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8(part);
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const entryName = bytes.subarray(i + 46, i + 46 + nameLength);
      if (entryName.length !== name.length || !entryName.every((b, k) => b === name[k])) continue;
      view.setUint16(i + 10, method, true);
      view.setUint32(i + 24, size, true);
    }
  }

  test('a part too big to hold in memory is refused before it is inflated, naming it and its size', () => {
    // 600 KB of compressed data may inflate to 600 MB (DEFLATE expands up to about 1,032 times).
    const parts = unzipSync(handMade('<row r="1"><c r="A1"><v>1</v></c></row>'));
    parts['xl/media/big.bin'] = new Uint8Array(600 * 1024).map((_, i) => (i * 7919) % 251);
    const bytes = zipSync(parts, { level: 0 });
    claim(bytes, 'xl/media/big.bin', 8, 600 * 1024 * 1024);
    const open = () => PackageHost.fromBuffer(bytes);
    expect(open).toThrow(WorkbookReadError);
    expect(open).toThrow(/文件太大.*部件“xl\/media\/big\.bin”解压后有 600 MB/);
  });

  test('a size no compressed data could reach (a flipped bit in the directory) is damage, not a big file', () => {
    const bytes = handMade('<row r="1"><c r="A1"><v>1</v></c></row>');
    claim(bytes, 'xl/worksheets/sheet1.xml', 8, 2_000_000_000);
    const open = () => PackageHost.fromBuffer(bytes);
    expect(open).toThrow(/部件“xl\/worksheets\/sheet1\.xml”的压缩数据有误/);
    expect(open).not.toThrow(/文件太大/);
  });
});
