/**
 * Family (d): the officer's edit-then-rescore loop. A workbook is scored (`score --out`), then the
 * scored copy is edited as an officer would — explanations typed in the 偏差原因分析及改进措施 column of
 * 绩效目标, 绩效目标 renamed, or deleted and replaced by a sheet of their own of that name, their own
 * 异常清单 / 规则 sheets, the 规则 sheet edited (a limit, or the pack id blanked), the file re-saved by
 * LibreOffice — and scored again. This module makes the base workbook and the edit; case.ts runs both.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../src/core/report/report';
import { convertWithLibreOffice, SOFFICE_PATH } from '../interop/libreoffice';
import { toXlsxBytes } from '../support/layouts';
import type { Built } from './built';
import { chance, layoutFrom, type Prng } from './rng';

const examplesDir = join(__dirname, '../../examples');

export async function buildBase(rng: Prng): Promise<Built> {
  const pick = rng.int(0, 9);
  if (pick < 5) {
    const layout = layoutFrom(rng);
    return { label: `layout [${layout.features.join(', ') || 'baseline'}]`, bytes: await toXlsxBytes(layout.spec) };
  }
  const [file, args] = rng.pick<[string, string[]]>([
    ['kunming-2019-self-evaluation.xlsx', []],
    ['zengcheng-2023-index-system.xlsx', ['--rules', 'gz-zengcheng-2023', '--write-rules']],
    ['wuhua-2023-separate-sheets.xlsx', ['--rules', 'km-wuhua-2023', '--write-rules']],
    ['wuhua-2023-separate-sheets.xlsx', []],
  ]);
  return { label: `${file}${args.length ? ` ${args.join(' ')}` : ''}`, bytes: new Uint8Array(readFileSync(join(examplesDir, file))), args };
}

export interface Edited {
  label: string;
  bytes: Uint8Array;
  /** Sheets of the edited file that are still the add-in's own (possibly renamed). */
  ourSheets: string[];
  /** Explanations the officer typed; each must be in the re-scored report. */
  typed: string[];
}

const EXPLANATION_HEADER = '偏差原因分析及改进措施';
const PHRASES = ['受疫情影响，部分活动延期至次年', '因人员调整，项目推进滞后', '已于12月补发，差额在下年度调整', '资金拨付时间晚于计划'];

function typeExplanations(ws: ExcelJS.Worksheet, rng: Prng, typed: string[]): void {
  const columns: { row: number; col: number }[] = [];
  ws.eachRow((row) => row.eachCell((c) => {
    if (c.value === EXPLANATION_HEADER) columns.push({ row: Number(c.row), col: Number(c.col) });
  }));
  for (const { row, col } of columns) {
    for (let r = row + 1; r <= ws.rowCount; r++) {
      const cell = ws.getCell(r, col);
      if (cell.value === EXPLANATION_HEADER) break;
      if (cell.isMerged && cell.master !== cell) continue;
      // Only over the add-in's drafts (“…原因：（待填写）”): the officer answers what the sheet asks.
      if (typeof cell.value !== 'string' || !cell.value.includes('（待填写）') || !chance(rng, 0.6)) continue;
      const text = `经办人说明${typed.length + 1}：${rng.pick(PHRASES)}`;
      cell.value = text;
      typed.push(text);
    }
  }
}

function userSheet(wb: ExcelJS.Workbook, name: string, rng: Prng): void {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = `${name}（经办人自己的表）`;
  ws.getCell('A2').value = rng.pick(['项目', '序号', '备忘']);
  ws.getCell('B2').value = rng.int(1, 10_000);
  ws.getCell('C4').value = '请勿覆盖';
}

/** Edits the 规则 sheet: a limit changed, or the pack id row blanked. True when it changed a cell. */
function editRules(ws: ExcelJS.Worksheet, rng: Prng): string | null {
  const blank = chance(rng, 0.5);
  let header: { row: number; cols: Map<string, number> } | null = null;
  const limits: ExcelJS.Cell[] = [];
  let packCell: ExcelJS.Cell | null = null;
  ws.eachRow((row) => {
    if (row.getCell(1).value === '规则包' && !packCell) packCell = row.getCell(2);
    if (row.getCell(1).value === '规则编号') {
      header = { row: row.number, cols: new Map() };
      row.eachCell((c, n) => header!.cols.set(String(c.value), n));
      return;
    }
    const h = header as { row: number; cols: Map<string, number> } | null;
    if (!h) return;
    for (const k of ['下限（元）', '上限（元）', '固定额（元）']) {
      const col = h.cols.get(k);
      if (col && typeof row.getCell(col).value === 'number') limits.push(row.getCell(col));
    }
  });
  const pc = packCell as ExcelJS.Cell | null;
  if (blank && pc) {
    pc.value = null;
    return `规则!${pc.address} (pack id) blanked`;
  }
  if (limits.length === 0) return null;
  const c = rng.pick(limits);
  const v = rng.pick<ExcelJS.CellValue>([(c.value as number) * 2, 1, '壹仟元', 0]);
  c.value = v;
  return `规则!${c.address} set to ${String(v)}`;
}

/**
 * The officer's edits of a scored copy. `ours`: the sheets the first run wrote (its 绩效目标, 异常清单,
 * 规则, state). `libreOffice`: also re-save the file through LibreOffice.
 */
export async function officerEdit(rng: Prng, scored: Uint8Array, report: Report, ours: string[], libreOffice: boolean): Promise<Edited> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(scored as unknown as ArrayBuffer);
  const own = new Set(ours);
  const done: string[] = [];
  const typed: string[] = [];
  const scoredName = report.output.scoredSheet;
  const scoredWs = scoredName ? wb.getWorksheet(scoredName) : undefined;
  if (scoredWs && chance(rng, 0.7)) {
    typeExplanations(scoredWs, rng, typed);
    if (typed.length) done.push(`${typed.length} explanations typed`);
  }
  if (scoredWs && chance(rng, 0.35)) {
    if (chance(rng, 0.5)) {
      const name = rng.pick(['绩效目标-我的修改', '绩效目标 (2)', '我的绩效目标', '绩效目标（改）']);
      own.delete(scoredWs.name);
      scoredWs.name = name;
      own.add(name);
      done.push(`绩效目标 renamed ${name}`);
    } else {
      wb.removeWorksheet(scoredWs.id);
      own.delete(scoredWs.name);
      typed.length = 0;
      userSheet(wb, '绩效目标', rng);
      done.push('绩效目标 deleted and a user sheet 绩效目标 added');
    }
  }
  for (const name of ['异常清单', '规则']) {
    if (!chance(rng, 0.2)) continue;
    const existing = wb.getWorksheet(name);
    if (existing) {
      wb.removeWorksheet(existing.id);
      own.delete(name);
    }
    userSheet(wb, name, rng);
    done.push(`user sheet ${name} added`);
  }
  const rules = wb.getWorksheet('规则');
  if (rules && own.has('规则') && chance(rng, 0.6)) {
    const what = editRules(rules, rng);
    if (what) {
      own.delete('规则'); // edited by the officer: every cell of it is theirs to keep
      done.push(what);
    }
  }
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (libreOffice && existsSync(SOFFICE_PATH)) {
    [bytes] = await convertWithLibreOffice([bytes], { timeoutMs: 90_000 });
    done.push('re-saved by LibreOffice');
  }
  return { label: done.join('; ') || 'opened and saved unchanged', bytes, ourSheets: [...own], typed };
}
