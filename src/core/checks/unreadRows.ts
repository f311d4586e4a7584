/**
 * 无法读取的行: a row among the payments merged into one cell (its other values are gone) is no payment
 * the checks can read, and the ledger's count and sum miss it. Each such row is reported where it is, so
 * the officer can unmerge it and fill it in, instead of the payment vanishing into a reconciliation gap.
 */
import { a1, rangeA1 } from '../address';
import { cellText } from '../parse/text';
import type { CheckInput } from './checkInput';
import { finding } from './entryFinding';
import { quoted } from '../findings';

export const UNREAD_ROW_RULE = 'ledger-unread-row';

export function reportUnreadRows(input: CheckInput): void {
  const { ledger, out } = input;
  for (const u of ledger.unread ?? []) {
    const cell = a1(u.range.top, u.range.left);
    const shown = u.value === null ? '' : quoted(cellText(u.value));
    out.push(
      finding(UNREAD_ROW_RULE, 'warning', ledger.sheet, { cell, row: u.row + 1 }, shown || null, '一行一笔发放',
        `“${ledger.sheet}”!${cell} 第 ${u.row + 1} 行被合并成一个单元格（${rangeA1(u.range)}）${shown ? `，只剩“${shown}”` : ''}，读不出这笔发放，未计入检查和核对；请取消合并并补全这一行。`),
    );
  }
}
