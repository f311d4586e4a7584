/**
 * Checking disbursements (SPEC §5): every enabled rule of the resolved packs against the ledger, one
 * linear pass or two per rule over columns computed once (category, recipient, year). Each rule is
 * checked by its kind (checks/kinds/).
 */
import type { Finding } from '../findings';
import type { Ledger } from '../ledger/types';
import type { ResolvedRules } from '../rules/resolvedRules';
import type { CheckContext, CheckInput } from './checkInput';
import { kindOf } from './kinds/registry';
import { LedgerFacts } from './ledgerFacts';
import { reportUnknownCategories } from './unknownCategory';
import { reportUnreadRows } from './unreadRows';

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
  for (const r of active) if (kindOf(r.rule).runsFirst) kindOf(r.rule).check(r.rule, r, input);
  for (const r of active) if (!kindOf(r.rule).runsFirst) kindOf(r.rule).check(r.rule, r, input);
  reportUnknownCategories(input);
  return input.out;
}
