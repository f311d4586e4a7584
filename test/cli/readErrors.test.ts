import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, STACK_LINE } from './runCli';

const NOT_A_ZIP = '无法读取工作簿：文件不是有效的 .xlsx 或 .xls 文件（不是 zip 格式，或文件已损坏）。';

describe('a file the command line cannot open is explained in Chinese, with its name and nothing from the zip library', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-read-'));

  test('a text file saved with an .xlsx name is “not a zip”, with the file name', async () => {
    const r = await runCli(['score', 'test/fixtures/not-a-workbook.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${NOT_A_ZIP}（文件：test/fixtures/not-a-workbook.xlsx）\n`);
  });

  test('a .txt file chosen by mistake gets the same message and no English, URL or stack', async () => {
    const txt = join(dir, '发放明细.txt');
    writeFileSync(txt, '姓名,金额\n张三,500\n');
    const r = await runCli(['score', txt]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${NOT_A_ZIP}（文件：${txt}）\n`);
    expect(r.err).not.toMatch(/central directory|Corrupted|End of data|https?:|zip file \?/);
    expect(r.err).not.toMatch(STACK_LINE);
  });

  test('a folder is called a folder, not an EISDIR error', async () => {
    const folder = join(dir, '2023年资料');
    mkdirSync(folder);
    const r = await runCli(['score', folder]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`无法读取工作簿：这是一个文件夹，不是工作簿。请指定文件夹中的 .xlsx 文件。（文件：${folder}）\n`);
    expect(r.err).not.toContain('EISDIR');
  });

  test('a password-protected workbook (an OLE file, whatever its name) is told to be re-saved without the password', async () => {
    const locked = join(dir, '加密的自评表.xlsx');
    writeFileSync(locked, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const r = await runCli(['score', locked]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `无法读取工作簿：文件设置了打开密码。请在 Excel 中取消密码并另存后再试。（文件：${locked}）\n`,
    );
    expect(r.err).not.toMatch(STACK_LINE);
  });

  test('a missing file names the path once', async () => {
    const missing = join(dir, '不存在.xlsx');
    const r = await runCli(['clear', missing, '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`无法读取工作簿：找不到文件 ${missing}。\n`);
  });

  test('with JIXIAO_DEBUG set, the library’s own words follow for a developer', async () => {
    process.env.JIXIAO_DEBUG = '1';
    try {
      const r = await runCli(['score', 'test/fixtures/not-a-workbook.xlsx']);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')[0]).toContain('不是 zip 格式');
      expect(r.err).toContain('调试信息：');
      expect(r.err).toContain('neither a zip nor an OLE compound file');
    } finally {
      delete process.env.JIXIAO_DEBUG;
    }
  });
});
