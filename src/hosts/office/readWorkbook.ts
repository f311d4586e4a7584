/**
 * Reads the live workbook into the core's snapshot (SPEC §2, §3) in a few batched requests:
 *
 * 1. the sheet list (name, tab position, visibility) and the remembered choice (workbook settings);
 * 2. each sheet's used range (values only) and the state sheet's column A (see stateStore.ts);
 * 3. the used ranges in row blocks, `values` and `numberFormat` only, as many blocks per request as fit
 *    the payload budget, plus each sheet's merged areas (ExcelApi 1.13) with its first block.
 *
 * A block's row count is computed from the sheet's width (`rowsPerRead`) and then from what the
 * previous block of that sheet actually weighed, so a narrow numeric ledger is read in big blocks and a
 * sheet of long texts in small ones. A block Excel still rejects as too large is retried at half size.
 *
 * Formats are kept exactly as the xlsx host keeps them: only for numbers, and only percentages and dates
 * (`MeaningfulFormats`), so both hosts give the same snapshot for the same workbook.
 */
import type { ReadOptions } from '../../core/host';
import { FormatRunBuilder, type CellRange, type CellScalar, type SheetSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { MeaningfulFormats } from '../shared/numberFormat';
import type { Capabilities } from './apiSupport';
import { cellScalar } from './cellValue';
import { CALL_BYTES, gridBytes, isPayloadLimitError, READ_BYTES_PER_CELL, rowsPerRead } from './payload';
import { parseAreasAddress } from './rectangles';
import { choiceFromSetting, queueStateRead, SETTINGS_KEY, stateFromChoice, stateSheetAmong } from './stateStore';
import type { SyncBatch } from './syncBatch';

interface SheetPlan {
  name: string;
  index: number;
  hidden: boolean;
  ws: Excel.Worksheet;
  used?: Excel.Range;
  /** The used block, absolute and 0-based; null when the sheet has no values. */
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** Next row (relative to `top`) still to read. */
  next: number;
  /** Measured response bytes per cell, once a block has been read. */
  bytesPerCell: number;
  merges?: Excel.RangeAreas;
  values: (CellScalar[] | undefined)[];
  formats: FormatRunBuilder;
  mergeRanges: CellRange[];
}

interface Block {
  plan: SheetPlan;
  start: number;
  count: number;
  range: Excel.Range;
}

class SheetRows {
  constructor(private readonly meaningful: MeaningfulFormats) {}

  /** Adds a block of `Range.values` / `Range.numberFormat` at its absolute position. */
  add(plan: SheetPlan, start: number, values: unknown[][], formats: unknown[][]): void {
    for (let i = 0; i < values.length; i++) {
      const r = plan.top + start + i;
      const src = values[i];
      const fmts = formats[i];
      let row: CellScalar[] | undefined;
      for (let j = 0; j < src.length; j++) {
        const v = cellScalar(src[j]);
        if (v === null) continue;
        const c = plan.left + j;
        row ??= [];
        while (row.length < c) row.push(null);
        row[c] = v;
        if (typeof v === 'number') {
          const fmt = fmts?.[j];
          if (typeof fmt === 'string' && this.meaningful.matters(fmt)) plan.formats.add(r, c, fmt);
        }
      }
      if (row) {
        // Explicit `undefined` for empty rows, as the xlsx host does, so `forEach` sees every index.
        while (plan.values.length < r) plan.values.push(undefined);
        plan.values[r] = row;
      }
    }
  }
}

export async function readWorkbook(b: SyncBatch, caps: Capabilities, options?: ReadOptions): Promise<WorkbookSnapshot> {
  const check = () => b.checkCancelled();
  const wb = b.ctx.workbook;

  // 1. The sheet list and the remembered choice.
  const worksheets = wb.worksheets;
  worksheets.load('items/name,items/position,items/visibility');
  const setting = wb.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  check();
  await b.sync();

  const items = worksheets.items;
  const total = items.length;
  let done = 0;
  const progress = () => options?.onProgress?.(done, total);

  // 2. Used ranges; the state sheet's column A.
  const plans: SheetPlan[] = [];
  let stateRead: ReturnType<typeof queueStateRead> | undefined;
  const stateSheet = stateSheetAmong(items);
  for (const ws of items) {
    if (ws.name === stateSheet) {
      stateRead = queueStateRead(ws);
      continue;
    }
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    plans.push({
      name: ws.name, index: ws.position, hidden: ws.visibility !== 'Visible', ws, used,
      top: 0, left: 0, rows: 0, cols: 0, next: 0, bytesPerCell: READ_BYTES_PER_CELL,
      values: [], formats: new FormatRunBuilder(), mergeRanges: [],
    });
  }
  check();
  await b.sync();
  const stored = await stateRead?.finish(b);
  const state = stored?.state;

  for (const plan of plans) {
    const used = plan.used!;
    if (!used.isNullObject) {
      plan.top = used.rowIndex;
      plan.left = used.columnIndex;
      plan.rows = used.rowCount;
      plan.cols = used.columnCount;
    }
    plan.used = undefined;
  }
  // The state sheet and sheets without values are done already.
  done = total - plans.filter((p) => p.rows > 0).length;
  progress();

  // 3. Blocks of rows, packed into requests by the budget.
  const rows = new SheetRows(new MeaningfulFormats());
  const pendingPlans = plans.filter((p) => p.rows > 0);
  let cursor = 0;
  while (cursor < pendingPlans.length) {
    check();
    const blocks: Block[] = [];
    let bytes = 0;
    for (let k = cursor; k < pendingPlans.length; k++) {
      const plan = pendingPlans[k];
      while (plan.next < plan.rows) {
        const count = Math.min(plan.rows - plan.next, rowsPerRead(plan.cols, plan.bytesPerCell, b.budget));
        const estimate = count * plan.cols * plan.bytesPerCell;
        if (blocks.length > 0 && bytes + estimate > b.budget) break;
        const range = plan.ws.getRangeByIndexes(plan.top + plan.next, plan.left, count, plan.cols);
        range.load('values,numberFormat');
        if (plan.next === 0 && caps.mergedAreas) {
          // Merged areas whose top-left cell lies in A1..(bottom-right of the used range).
          plan.merges = plan.ws.getRangeByIndexes(0, 0, plan.top + plan.rows, plan.left + plan.cols).getMergedAreasOrNullObject();
          plan.merges.load('address');
        }
        blocks.push({ plan, start: plan.next, count, range });
        plan.next += count;
        bytes += estimate + CALL_BYTES;
      }
      if (plan.next < plan.rows) break;
    }
    try {
      await b.sync();
    } catch (e) {
      if (!isPayloadLimitError(e)) throw e;
      // Too big after all: read the same rows again in halves.
      for (const block of blocks) {
        block.plan.next = Math.min(block.plan.next, block.start);
        block.plan.bytesPerCell *= 2;
        if (block.start === 0) block.plan.merges = undefined;
      }
      if (blocks.length === 1 && blocks[0].count === 1) throw e;
      continue;
    }
    for (const block of blocks) {
      const values = block.range.values;
      const formats = block.range.numberFormat;
      const measured = (gridBytes(values) + gridBytes(formats)) / Math.max(1, block.count * block.plan.cols);
      // The next block of this sheet is sized from what this one weighed, with a margin.
      block.plan.bytesPerCell = Math.max(4, measured * 1.25);
      rows.add(block.plan, block.start, values, formats);
      const merges = block.plan.merges;
      if (block.start === 0 && merges && !merges.isNullObject) block.plan.mergeRanges = parseAreasAddress(merges.address);
    }
    while (cursor < pendingPlans.length && pendingPlans[cursor].next >= pendingPlans[cursor].rows) {
      cursor++;
      done++;
    }
    progress();
  }

  const sheets: SheetSnapshot[] = plans
    .map((plan) => {
      const sheet: SheetSnapshot = {
        name: plan.name,
        index: plan.index,
        values: plan.values,
        merges: plan.mergeRanges.sort((x, y) => x.top - y.top || x.left - y.left),
      };
      if (plan.hidden) sheet.hidden = true;
      const formats = plan.formats.runs();
      if (formats.length > 0) sheet.formats = formats;
      return sheet;
    })
    .sort((x, y) => x.index - y.index);
  const snapshot: WorkbookSnapshot = { sheets };
  // Below ExcelApi 1.13 merged areas cannot be read: said once, as a 提示 the pane and 异常清单 show.
  if (!caps.mergedAreas && sheets.some((s) => s.values.length > 0)) snapshot.mergesUnread = true;
  if (state) {
    snapshot.state = state;
  } else {
    if (stored) snapshot.stateProblem = stored.problem;
    const choice = setting.isNullObject ? undefined : choiceFromSetting(setting.value);
    if (choice) snapshot.state = stateFromChoice(choice);
  }
  return snapshot;
}
