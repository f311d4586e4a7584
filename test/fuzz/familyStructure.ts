/**
 * Family (b): odd structure. Near-empty workbooks, one cell, thousands of sheets, 25,000 merges, a merge
 * over the whole grid, a cell at XFD1048576, user sheets named like ours (`_jixiao_state`,
 * `_JIXIAO_STATE`, 绩效目标, 异常清单, 规则), a state sheet with junk JSON, a ledger whose every payment is
 * outside its band, a 分值 of 9.99E+307. `size` scales the big ones: `small` for npm test, `full` for
 * the script.
 */
import ExcelJS from 'exceljs';
import { STATE_SHEET_NAME } from '../../src/hosts/xlsx/stateSheet';
import { toExcel, type WorkbookSpec } from '../support/layouts';
import type { Built } from './built';
import { layoutFrom, weighted, type Prng } from './rng';
import { editPart, openZip, sheetParts, withMerges, zipBytes } from './zip';

export type Size = 'small' | 'full';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A random scorable workbook from the layout generator. */
function layoutWorkbook(rng: Prng): { wb: ExcelJS.Workbook; spec: WorkbookSpec; label: string } {
  const layout = layoutFrom(rng);
  return { wb: toExcel(layout.spec), spec: layout.spec, label: `layout [${layout.features.join(', ') || 'baseline'}]` };
}

/** Some user content for a sheet of the user's own. */
function userContent(ws: ExcelJS.Worksheet, rng: Prng): void {
  ws.getCell('A1').value = rng.pick(['我的备注', '绩效目标（自己整理）', '{"version":1}', '经办人：张三']);
  ws.getCell('B2').value = rng.int(1, 99999);
  ws.getCell('C3').value = '不要删除这张表';
}

/** Rows of a 五华-style ledger, every payment 900 元 against a 500 元/人 standard. */
function ledgerSheet(wb: ExcelJS.Workbook, rows: number): void {
  const ws = wb.addWorksheet('发放明细');
  ws.addRow(['姓名', '身份证号', '单位', '慰问类别', '金额', '发放日期']);
  for (let i = 0; i < rows; i++) {
    ws.addRow([`职工${i + 1}`, '530102198812068691', '五华区环境卫生管理站', '五一劳动节慰问（环卫工人）', 900 + (i % 7), new Date(Date.UTC(2023, 3, 28))]);
  }
}

type Variant = (rng: Prng, size: Size) => Promise<Built>;

const big = (size: Size, full: number, small: number) => (size === 'full' ? full : small);

const VARIANTS: Record<string, Variant> = {
  'no sheets': async () => ({ label: 'a workbook with no sheets', bytes: await bytesOf(new ExcelJS.Workbook()) }),
  'one empty sheet': async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    return { label: 'one empty sheet', bytes: await bytesOf(wb) };
  },
  'one cell': async (rng) => {
    const wb = new ExcelJS.Workbook();
    const v = rng.pick<ExcelJS.CellValue>(['分值', 100, '绩效目标', { error: '#REF!' }, 9.99e307, '']);
    wb.addWorksheet(rng.pick(['Sheet1', '绩效目标', '预算'])).getCell(rng.pick(['A1', 'XFD1', 'A1048576'])).value = v;
    return { label: `one cell ${JSON.stringify(v)}`, bytes: await bytesOf(wb) };
  },
  'many sheets': async (rng, size) => {
    const { wb, label } = layoutWorkbook(rng);
    const n = big(size, rng.int(1000, 3000), rng.int(20, 60));
    for (let i = 0; i < n; i++) wb.addWorksheet(`附表${i + 1}`).getCell('A1').value = i;
    return { label: `${label} + ${n} small sheets`, bytes: await bytesOf(wb) };
  },
  'many merges': async (rng, size) => {
    const { wb, label } = layoutWorkbook(rng);
    const ws = wb.addWorksheet('合并');
    ws.getCell('A1').value = '合并单元格很多的表';
    const n = big(size, 25_000, 400);
    const zip = await openZip(await bytesOf(wb));
    const part = sheetParts(zip).at(-1)!;
    const refs = Array.from({ length: n }, (_, i) => `A${i + 2}:B${i + 2}`);
    await editPart(zip, part, (xml) => withMerges(xml, refs));
    return { label: `${label} + ${n} merges in 合并`, bytes: await zipBytes(zip) };
  },
  'merge over the grid': async (rng) => {
    const { wb, label } = layoutWorkbook(rng);
    const ws = wb.addWorksheet('全表合并');
    ws.getCell('A1').value = '整张表合并';
    const zip = await openZip(await bytesOf(wb));
    await editPart(zip, sheetParts(zip).at(-1)!, (xml) => withMerges(xml, ['A1:XFD1048576']));
    return { label: `${label} + merge A1:XFD1048576`, bytes: await zipBytes(zip) };
  },
  'cell at XFD1048576': async (rng) => {
    const { wb, label } = layoutWorkbook(rng);
    const ws = rng.next() < 0.5 ? wb.worksheets[0] : wb.addWorksheet('边角');
    ws.getCell('XFD1048576').value = rng.pick<ExcelJS.CellValue>(['最后一格', 1, 9.99e307]);
    return { label: `${label} + XFD1048576 in ${ws.name}`, bytes: await bytesOf(wb) };
  },
  'user sheet named like ours': async (rng) => {
    const { wb, label } = layoutWorkbook(rng);
    const names = rng.shuffle(['_jixiao_state', '_JIXIAO_STATE', '_Jixiao_State', '绩效目标', '异常清单', '规则']).slice(0, rng.int(1, 3));
    const added: string[] = [];
    for (const name of names) {
      if (wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase())) continue;
      userContent(wb.addWorksheet(name, { state: rng.next() < 0.2 ? 'hidden' : 'visible' }), rng);
      added.push(name);
    }
    const args = added.includes('规则') || rng.next() < 0.3 ? ['--rules', 'gz-zengcheng-2023', ...(rng.next() < 0.5 ? ['--write-rules'] : [])] : [];
    return { label: `${label} + user sheets ${added.join(', ')}`, bytes: await bytesOf(wb), args };
  },
  'junk state': async (rng) => {
    const { wb, label } = layoutWorkbook(rng);
    const users = wb.worksheets.map((w) => w.name);
    const junk = rng.pick([
      '{"version":1,"ownSheets":[',
      'not json at all',
      JSON.stringify({ version: 1, ownSheets: users.map((name) => ({ name, role: 'scored' })) }),
      JSON.stringify({ version: 1, ownSheets: [{ name: users[0], role: rng.pick(['scored', 'anomalies', 'rules']) }] }),
      JSON.stringify({ version: 1, ownSheets: [], mapping: { sheet: users[0] } }),
      JSON.stringify({ version: 1, ownSheets: [], rules: 'gz-zengcheng-2023' }),
      JSON.stringify({ version: 1, ownSheets: [], highlights: [{ sheet: users[0], cell: 'XFE1048577', originalFill: null }] }),
      JSON.stringify({ version: 1, ownSheets: [], drafts: { a: 'x'.repeat(40_000) } }),
      JSON.stringify({ version: 2, ownSheets: 'all' }),
      '',
    ]);
    const ws = wb.addWorksheet(STATE_SHEET_NAME, { state: rng.next() < 0.8 ? 'veryHidden' : 'hidden' });
    ws.getCell('A1').value = junk.slice(0, 30_000);
    if (junk.length > 30_000) ws.getCell('A2').value = junk.slice(30_000);
    return { label: `${label} + state ${JSON.stringify(junk.slice(0, 80))}`, bytes: await bytesOf(wb), ourSheets: [STATE_SHEET_NAME] };
  },
  'ledger all outside the band': async (rng, size) => {
    const wb = new ExcelJS.Workbook();
    const n = big(size, 60_000, rng.int(200, 600));
    ledgerSheet(wb, n);
    return { label: `ledger of ${n} payments all over 500 元`, bytes: await bytesOf(wb), args: ['--rules', 'km-wuhua-2023'] };
  },
  'sheet name over 31 characters in the file': async (rng) => {
    // Excel never writes one, but a file can hold it (another tool, a hand edit); ExcelJS warns in English.
    const { wb, label } = layoutWorkbook(rng);
    const ws = wb.worksheets[rng.int(0, wb.worksheets.length - 1)];
    const old = ws.name;
    const long = `${old}${'（2023年度项目支出绩效自评表附表说明）'.repeat(3)}`.slice(0, rng.int(32, 60));
    const zip = await openZip(await bytesOf(wb));
    await editPart(zip, 'xl/workbook.xml', (xml) => xml.replace(`name="${old}"`, `name="${long}"`));
    return { label: `${label} + sheet “${old}” named “${long}” (${long.length} characters) in workbook.xml`, bytes: await zipBytes(zip) };
  },
  '分值 9.99E+307': async (rng) => {
    const { wb, label } = layoutWorkbook(rng);
    let hit = '';
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((c) => {
        if (hit || typeof c.value !== 'string' || !/^(分值|权重)/.test(c.value.replace(/\s/g, ''))) return;
        const below = ws.getCell(Number(c.row) + rng.int(1, 3), Number(c.col));
        below.value = rng.pick([9.99e307, 1.7976931348623157e308, -9.99e307]);
        hit = `${ws.name}!${below.address}`;
      }));
    }
    return { label: `${label} + 分值 9.99E+307 at ${hit || '(no 分值 column)'}`, bytes: await bytesOf(wb) };
  },
};
export const STRUCTURE_VARIANTS = Object.keys(VARIANTS);

/** The heavy variants are drawn less often, so 10,000 cases stay within an evening. */
const WEIGHT: Record<string, number> = { 'many sheets': 1, 'many merges': 1, 'merge over the grid': 1, 'ledger all outside the band': 1 };

export async function buildStructure(rng: Prng, size: Size, only?: string): Promise<Built> {
  const name = only ?? weighted(rng, STRUCTURE_VARIANTS.map((v) => [WEIGHT[v] ?? 3, v] as const));
  const built = await VARIANTS[name](rng, size);
  return { ...built, label: `${name}: ${built.label}` };
}
