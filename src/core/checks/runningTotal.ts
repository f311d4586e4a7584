/**
 * Walking a recipient-year's payments in date order and flagging each one after which the running total
 * exceeds a cap: shared by periodSum (6,000 元/户/年) and referenceCap (10 个月低保标准/户/年).
 */
import type { DateField, Recipient } from '../rules/packSchema';
import type { ResolvedRule } from '../rules/resolvedRules';
import type { CheckInput } from './checkInput';
import { ruleFinding, placeOf, rowList } from './entryFinding';
import { formatFen, formatLimit, plainYuan } from './money';
import { overCap, perRecipientYear, recipientText } from './periodTotals';

/** `capName` completes `超过每户每年{capName} …`, e.g. `上限 6,000 元`. */
export function flagRunningTotals(
  input: CheckInput,
  meta: ResolvedRule,
  mask: Uint8Array,
  by: Recipient,
  date: DateField | undefined,
  capFen: number,
  capName: string,
): void {
  const { ledger, out } = input;
  const amounts = ledger.amountFen;
  for (const group of overCap(input, mask, by, date, 'amount', capFen)) {
    let total = 0;
    const earlier: number[] = [];
    for (const e of group.entries) {
      total += amounts[e.i];
      if (total > capFen) {
        const place = placeOf(ledger, e.i, 'amount');
        const before = earlier.length > 0 ? `；之前${rowList(earlier)}` : '';
        out.push(
          ruleFinding(
            meta.rule,
            ledger,
            place,
            total / 100,
            `≤${plainYuan(capFen)}`,
            `${place.ref} ${recipientText(input, e.i, by)} ${group.year} 年累计发放 ${formatFen(total)} 元（本笔 ${formatFen(amounts[e.i])} 元${before}），超过${perRecipientYear(by)}${capName} ${formatLimit(capFen)} 元（${meta.source}）。`,
          ),
        );
      }
      earlier.push(e.row);
    }
  }
}
