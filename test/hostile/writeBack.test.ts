/**
 * Issue 12: packages ExcelJS read but could not write back (a rich text run without text, a shared
 * formula whose master is missing or comes after it, a gradient with junk attributes) failed at save
 * with an internal error after a half-written output file was left behind. Since issue 13 the command
 * line edits the package instead of re-serialising it: they score, and the parts holding them are
 * handed back exactly as the officer's file had them. A save that fails for any reason leaves no file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PackageHost } from '../../src/hosts/package/packageHost';
import { runCli, STACK_LINE } from '../cli/runCli';
import { editPackage, filesIn, kunmingWith, loadWorkbook, scratchDir, sheetPart, writeInput } from './hostilePackage';

const dir = scratchDir('jixiao-writeback-');

/** The 昆明 sample with a 备注 sheet (tab 2) holding rich text, three formulas and a gradient-filled cell. */
const base = (): Promise<Uint8Array> =>
  kunmingWith((ws) => {
    ws.getCell('A1').value = { richText: [{ text: '说明：' }, { text: '已完成', font: { bold: true } }] };
    ws.getCell('A2').value = 1;
    ws.getCell('A3').value = 2;
    ws.getCell('A4').value = 3;
    ws.getCell('B2').value = { formula: 'A2*10', result: 10 };
    ws.getCell('B3').value = { formula: 'A3*10', result: 20 };
    ws.getCell('B4').value = { formula: 'A4*10', result: 30 };
    ws.getCell('C2').value = '渐变';
    ws.getCell('C2').fill = {
      type: 'gradient',
      gradient: 'angle',
      degree: 90,
      stops: [{ position: 0, color: { argb: 'FFFF0000' } }, { position: 1, color: { argb: 'FF00FF00' } }],
    };
  });

async function part(file: string | Uint8Array, name: string): Promise<string> {
  return (await (await JSZip.loadAsync(typeof file === 'string' ? readFileSync(file) : file)).file(name)!.async('string'));
}

async function score(name: string, bytes: Uint8Array) {
  const input = writeInput(dir, `${name}.xlsx`, bytes);
  const out = join(dir, `${name}-评分.xlsx`);
  const r = await runCli(['score', input, '--out', out, '--quiet']);
  return { ...r, out };
}

describe('packages ExcelJS could not write back are scored, and the parts holding them come back as they were', () => {
  test('a rich text run without text (as other tools write it) is an empty run, not an internal error', async () => {
    const bytes = await editPackage(await base(), {
      'xl/sharedStrings.xml': (x) => x.replace(/<t[^>]*>已完成<\/t>/, ''),
    });
    const r = await score('run-without-text', bytes);
    expect(r.err).not.toContain('内部错误');
    expect(r.code).toBe(0);
    const ws = (await loadWorkbook(r.out)).getWorksheet('备注')!;
    expect(ws.getCell('A1').text).toBe('说明：');
  });

  test('a shared-formula clone whose master comes after it keeps its formula and value', async () => {
    const bytes = await editPackage(await base(), {
      [sheetPart(2)]: (x) => {
        // B4 becomes the master of a shared formula and B3 its clone; row 4 is stored before row 3, so
        // ExcelJS meets the clone first (“Shared Formula master must exist above and or left of clone”).
        let y = x.replace('<f>A4*10</f>', '<f t="shared" ref="B3:B4" si="3">A4*10</f>').replace('<f>A3*10</f>', '<f t="shared" si="3"/>');
        const row4 = /<row r="4"[^>]*>.*?<\/row>/.exec(y)![0];
        y = y.replace(row4, '').replace(/<row r="3"/, `${row4}<row r="3"`);
        return y;
      },
    });
    const r = await score('clone-before-master', bytes);
    expect(r.err).not.toContain('内部错误');
    expect(r.code).toBe(0);
    const sheet = await part(r.out, sheetPart(2));
    expect(sheet).toBe(await part(bytes, sheetPart(2)));
    expect(sheet).toContain('<f t="shared" ref="B3:B4" si="3">A4*10</f><v>30</v>');
    expect(sheet).toContain('<f t="shared" si="3"/><v>20</v>');
  });

  test('an orphan shared formula (no master anywhere) keeps its cached value and writes no empty formula', async () => {
    const bytes = await editPackage(await base(), {
      [sheetPart(2)]: (x) => x.replace('<f>A3*10</f>', '<f t="shared" si="7"/>'),
    });
    const r = await score('orphan-formula', bytes);
    expect(r.code).toBe(0);
    const sheet = await part(r.out, sheetPart(2));
    expect(sheet).toBe(await part(bytes, sheetPart(2)));
    expect(sheet).toContain('<f t="shared" si="7"/><v>20</v>');
  });

  test('a gradient with junk attributes is kept as the file had it, and the scored copy scores again', async () => {
    const bytes = await editPackage(await base(), {
      'xl/styles.xml': (x) =>
        x.replace(
          /<gradientFill[^>]*>[\s\S]*?<\/gradientFill>/,
          '<gradientFill degree="abc" junk="1"><stop position="x"><color rgb="FFFF0000"/></stop><stop position="1"/><stop position="1"><color theme="q" rgb="FF00FF00"/></stop></gradientFill>',
        ),
    });
    const r = await score('gradient-junk', bytes);
    expect(r.code).toBe(0);
    const styles = await part(r.out, 'xl/styles.xml');
    expect(styles).not.toMatch(/NaN|Infinity|="null"|="undefined"/);
    expect(styles).toContain('<gradientFill degree="abc" junk="1"><stop position="x"><color rgb="FFFF0000"/></stop><stop position="1"/><stop position="1"><color theme="q" rgb="FF00FF00"/></stop></gradientFill>');
    // And the scored copy scores again.
    const again = await runCli(['score', r.out, '--quiet']);
    expect(again.code).toBe(0);
  });

  test('a save that fails leaves no output file, not even a temporary one, and says so in Chinese (exit 2)', async () => {
    const input = writeInput(dir, 'save-fails.xlsx', await base());
    const sub = scratchDir('jixiao-savefail-');
    const out = join(sub, '评分.xlsx');
    const spy = jest.spyOn(PackageHost.prototype, 'toBuffer').mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'toString')"));
    try {
      const r = await runCli(['score', input, '--out', out, '--json', join(sub, 'report.json')]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`无法写出评分后的工作簿 ${out}`);
      expect(r.err).toContain('没有写出任何文件');
      expect(r.err).not.toMatch(/toString|TypeError/);
      expect(r.err).not.toMatch(STACK_LINE);
      expect(existsSync(out)).toBe(false);
      expect(filesIn(sub)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
