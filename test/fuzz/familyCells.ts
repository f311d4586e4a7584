/**
 * Family (a): cell-level mess on real layouts. A random valid evaluation in a random layout
 * (test/support/layouts), then 1–4 messes: error values, extreme numbers, 32,700-character strings,
 * formulas typed as text, dates as text, a merge over data, hidden rows and sheets, whitespace and
 * 全角 variants, a 31-character sheet name, quotes and brackets in sheet names.
 */
import type ExcelJS from 'exceljs';
import { toExcel } from '../support/layouts';
import type { Built } from './built';
import { layoutFrom, type Prng } from './rng';

type Mess = (wb: ExcelJS.Workbook, rng: Prng) => string | null;

const ERRORS = ['#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'] as const;
const EXTREMES = [9.99e307, -9.99e307, -0, 1e-300, -1e-300, Number.MAX_VALUE, 5e-324, 1e21, -1e21, 123456789012345680000, 0.1 + 0.2];
const NAN_TEXT = ['NaN', 'Infinity', '-Infinity', '∞', '1e999', '#NUM!'];

/** A cell with a value, at random (the messes hit data, not empty space). */
function someCell(wb: ExcelJS.Workbook, rng: Prng, numeric = false): ExcelJS.Cell | null {
  const cells: ExcelJS.Cell[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => row.eachCell((c) => {
      if (c.type !== 2 /* Merge */ && (!numeric || typeof c.value === 'number' || (typeof c.value === 'object' && c.value !== null && 'formula' in c.value))) cells.push(c);
    }));
  }
  return cells.length ? rng.pick(cells) : null;
}

const at = (c: ExcelJS.Cell) => `${c.worksheet.name}!${c.address}`;

function longText(rng: Prng, n: number): string {
  const unit = rng.pick(['未完全达到年度指标，原因：', '1234567890', 'ABC 说明 ', '“引号”【括号】']);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

function fullWidth(s: string): string {
  return s.replace(/[0-9.%,-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function rename(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, name: string): string | null {
  if (wb.worksheets.some((o) => o !== ws && o.name.toLowerCase() === name.toLowerCase())) return null;
  const old = ws.name;
  try {
    ws.name = name; // ExcelJS refuses what Excel refuses (a leading quote …): then no rename
  } catch {
    return null;
  }
  return `sheet “${old}” renamed “${name}”`;
}

const MESSES: Record<string, Mess> = {
  errorValue: (wb, rng) => {
    const c = someCell(wb, rng, rng.next() < 0.7);
    if (!c) return null;
    const error = rng.pick(ERRORS);
    c.value = rng.next() < 0.5 ? { error } : ({ formula: 'A1/0', result: { error } } as ExcelJS.CellFormulaValue);
    return `${error} at ${at(c)}`;
  },
  extremeNumber: (wb, rng) => {
    const c = someCell(wb, rng, rng.next() < 0.8);
    if (!c) return null;
    const v = rng.next() < 0.8 ? rng.pick(EXTREMES) : rng.pick(NAN_TEXT);
    c.value = v;
    return `${String(v)} at ${at(c)}`;
  },
  longString: (wb, rng) => {
    const c = someCell(wb, rng, rng.next() < 0.5);
    if (!c) return null;
    const n = rng.pick([32_700, 32_767, 20_000, 5_000]);
    c.value = longText(rng, n);
    return `${n}-character text at ${at(c)}`;
  },
  formulaText: (wb, rng) => {
    const c = someCell(wb, rng);
    if (!c) return null;
    const f = rng.pick(['=SUM(A1:A3)', '=1/0', "='预算表'!B3", '=VLOOKUP(A1,Sheet1!A:B,2,0)', '=IF(', "=HYPERLINK(\"http://x\",\"点击\")"]);
    if (rng.next() < 0.5) c.value = f;
    else c.value = { formula: f.slice(1), result: rng.pick<string | number>([0.5, '文本', 1e308]) } as ExcelJS.CellFormulaValue;
    return `formula ${f} at ${at(c)}`;
  },
  dateAsText: (wb, rng) => {
    const c = someCell(wb, rng);
    if (!c) return null;
    const v = rng.pick<string | Date>(['2023年5月1日', '2023-05-01', '2023/5/1', '2023.5.1', '45047', '二〇二三年五月', new Date(Date.UTC(2023, 4, 1)), new Date(Date.UTC(1899, 11, 31))]);
    c.value = v;
    return `date ${v instanceof Date ? v.toISOString().slice(0, 10) : v} at ${at(c)}`;
  },
  mergeOverData: (wb, rng) => {
    const c = someCell(wb, rng);
    if (!c) return null;
    const r = Number(c.row), col = Number(c.col);
    const h = rng.int(1, 4), w = rng.int(1, 3);
    if (h === 1 && w === 1) return null;
    try {
      c.worksheet.mergeCells(r, col, r + h - 1, col + w - 1);
    } catch {
      return null;
    }
    return `merge ${h}×${w} over data at ${at(c)}`;
  },
  hiddenRows: (wb, rng) => {
    const ws = rng.pick(wb.worksheets);
    const n = rng.int(1, 5);
    for (let i = 0; i < n; i++) ws.getRow(rng.int(1, Math.max(1, ws.rowCount))).hidden = true;
    return `${n} hidden rows in ${ws.name}`;
  },
  hiddenSheet: (wb, rng) => {
    if (wb.worksheets.length < 2) return null;
    const ws = rng.pick(wb.worksheets.slice(1));
    ws.state = rng.next() < 0.8 ? 'hidden' : 'veryHidden';
    return `sheet ${ws.name} ${ws.state}`;
  },
  whitespace: (wb, rng) => {
    const c = someCell(wb, rng);
    if (!c) return null;
    const text = typeof c.value === 'number' ? String(c.value) : typeof c.value === 'string' ? c.value : null;
    if (text === null) return null;
    const pad = () => rng.pick([' ', '\u3000', '\u00a0', '\t', '\n', '  ', '\u200b']);
    const v = rng.next() < 0.5 ? `${pad()}${fullWidth(text)}${pad()}` : `${pad()}${text.split('').join(rng.pick(['', ' ', '\u3000']))}${pad()}`;
    c.value = v;
    return `whitespace/全角 ${JSON.stringify(v.slice(0, 20))} at ${at(c)}`;
  },
  name31: (wb, rng) => {
    const ws = rng.pick(wb.worksheets);
    return rename(wb, ws, (ws.name + '项目支出绩效自评表预算执行情况统计附表一二三四五六七八九十').slice(0, 31));
  },
  nameQuotes: (wb, rng) => {
    const ws = rng.pick(wb.worksheets);
    const name = rng.pick([`${ws.name}'s`, `“${ws.name}”`, `(${ws.name})`, `【${ws.name}】`, `${ws.name} & <1>`, `'${ws.name}`, `${ws.name}!表`, `${ws.name}（2）`, `#${ws.name}`, `${ws.name}"`]);
    return rename(wb, ws, name.slice(0, 31));
  },
};
export const CELL_MESSES = Object.keys(MESSES);

export async function buildCellMess(rng: Prng, only?: string): Promise<Built> {
  const layout = layoutFrom(rng);
  const wb = toExcel(layout.spec);
  const done: string[] = [];
  const n = only ? 1 : rng.int(1, 4);
  for (let i = 0; i < n; i++) {
    const kind = only ?? rng.pick(CELL_MESSES);
    const what = MESSES[kind](wb, rng);
    if (what) done.push(`${kind}: ${what}`);
  }
  const bytes = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return { label: `layout [${layout.features.join(', ') || 'baseline'}]; ${done.join('; ') || 'no mess applied'}`, bytes: new Uint8Array(bytes) };
}
