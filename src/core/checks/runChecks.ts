/**
 * Checking disbursements (SPEC §5): every enabled rule of the resolved packs against the ledger, one
 * linear pass or two per rule over columns computed once (category, recipient, year).
 */
import type { Finding } from '../findings';
import type { Ledger } from '../ledger/types';
import type { ResolvedRule, ResolvedRules } from '../rules/resolvedRules';
import { checkAmountBand } from './amountBand';
import type { CheckContext, CheckInput } from './checkInput';
import { checkDateInYear } from './dateInYear';
import { checkDuplicates } from './duplicates';
import { checkIdChecksum } from './idChecksum';
import { checkInKindCap } from './inKindCap';
import { LedgerFacts } from './ledgerFacts';
import { checkPeriodCount } from './periodCount';
import { checkPeriodSum } from './periodSum';
import { checkPositiveAmount } from './positiveAmount';
import { checkQuarterSpacing } from './quarterSpacing';
import { checkReferenceCap } from './referenceCap';
import { checkRequiredFields } from './requiredFields';
import { reportUnknownCategories } from './unknownCategory';
import { reportUnreadRows } from './unreadRows';
import { checkWorkingDays } from './workingDaysLimit';

export { classifyCategory } from './classifyCategory';
export type { CheckContext } from './checkInput';

export function runChecks(ledger: Ledger, rules: ResolvedRules, context: CheckContext): Finding[] {
  const input: CheckInput = {
    ledger,
    facts: new LedgerFacts(ledger, rules),
    rules,
    context,
    claimed: new Set(),
    out: [],
  };
  const active = rules.rules.filter((r) => r.enabled);
  // Required fields first, so the rules after them know which empty cells are already reported.
  reportUnreadRows(input);
  for (const r of active) if (r.rule.kind === 'requiredFields') checkRequiredFields(r.rule, r, input);
  for (const r of active) dispatch(r, input);
  reportUnknownCategories(input);
  return input.out;
}

function dispatch(r: ResolvedRule, input: CheckInput): void {
  const rule = r.rule;
  switch (rule.kind) {
    case 'requiredFields':
      return;
    case 'amountBand':
      return checkAmountBand(rule, r, input);
    case 'periodSum':
      return checkPeriodSum(rule, r, input);
    case 'periodCount':
      return checkPeriodCount(rule, r, input);
    case 'quarterSpacing':
      return checkQuarterSpacing(rule, r, input);
    case 'inKindCap':
      return checkInKindCap(rule, r, input);
    case 'referenceCap':
      return checkReferenceCap(rule, r, input);
    case 'workingDays':
      return checkWorkingDays(rule, r, input);
    case 'duplicates':
      return checkDuplicates(rule, r, input);
    case 'idChecksum':
      return checkIdChecksum(rule, r, input);
    case 'dateInYear':
      return checkDateInYear(rule, r, input);
    case 'positiveAmount':
      return checkPositiveAmount(rule, r, input);
    default: {
      const never: never = rule;
      return never;
    }
  }
}
