import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { WorkbookReadError } from '../../src/hosts/xlsx/errors';
import { withMark } from '../../src/core/output/ownSheets';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { bytesOf, patchOf } from './xlsxFixtures';

describe('opening and saving workbook files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jixiao-xlsx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function officerFile(name: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('发放明细').getCell('A1').value = '姓名';
    const path = join(dir, name);
    await writeFile(path, await bytesOf(wb));
    return path;
  }

  const digest = async (path: string): Promise<string> =>
    createHash('sha256').update(await readFile(path)).digest('hex');

  it("scores into a new file and never modifies the officer's input file", async () => {
    const input = await officerFile('input.xlsx');
    const before = { hash: await digest(input), mtime: (await stat(input)).mtimeMs };
    const host = await XlsxHost.fromFile(input);
    await host.read();
    await host.apply(patchOf({ sheets: [withMark({ name: '绩效目标', role: 'scored', rows: [[{ v: 1 }]] }, 'jixiao:scored:t1')] }));
    const out = join(dir, 'scored.xlsx');
    await host.writeFile(out);
    await expect(host.writeFile(input)).rejects.toThrow(/input/);
    expect(await digest(input)).toBe(before.hash);
    expect((await stat(input)).mtimeMs).toBe(before.mtime);
    const scored = await XlsxHost.fromFile(out);
    expect((await scored.read()).sheets.map((s) => s.name)).toEqual(['发放明细', '绩效目标']);
  });

  it('says in Chinese when a file is not a workbook', async () => {
    const path = join(dir, 'notes.xlsx');
    await writeFile(path, '这不是 Excel 文件');
    const failure = XlsxHost.fromFile(path);
    await expect(failure).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(failure).rejects.toThrow(/无法读取工作簿：文件不是有效的 \.xlsx 文件/);
  });

  it('says in Chinese when the file is missing', async () => {
    await expect(XlsxHost.fromFile(join(dir, 'missing.xlsx'))).rejects.toThrow(/找不到文件/);
  });

  it('recognises an old .xls or password-protected file and says what to do', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const failure = XlsxHost.fromBuffer(ole);
    await expect(failure).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(failure).rejects.toThrow(/另存为/);
  });

  it('refuses a zip that holds no worksheets', async () => {
    await expect(XlsxHost.fromBuffer(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).rejects.toBeInstanceOf(WorkbookReadError);
  });

  it('opens from the bytes a browser file picker gives (ArrayBuffer) and saves to plain bytes', async () => {
    const bytes = await readFile(await officerFile('picked.xlsx'));
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const host = await XlsxHost.fromBuffer(arrayBuffer);
    expect((await host.read()).sheets[0].values[0]).toEqual(['姓名']);
    const out = await host.toBuffer();
    expect(Object.getPrototypeOf(out)).toBe(Uint8Array.prototype);
    expect((await (await XlsxHost.fromBuffer(out)).read()).sheets[0].name).toBe('发放明细');
  });
});
