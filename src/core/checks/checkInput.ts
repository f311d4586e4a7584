/**
 * What every rule check receives: the ledger, the per-entry facts, the resolved rules and the run's
 * context, plus the required fields already claimed so two rules never flag the same empty cell.
 */
import type { Finding } from '../findings';
import type { Ledger, LedgerField } from '../ledger/types';
import type { ResolvedRules } from '../rules/resolvedRules';
import type { LedgerFacts } from './ledgerFacts';

export interface CheckContext {
  /** The evaluated year (评价年度); null when unknown. */
  year: number | null;
  /** Names of the chosen packs, for messages. */
  packNames: string;
}

export interface CheckInput {
  ledger: Ledger;
  facts: LedgerFacts;
  rules: ResolvedRules;
  context: CheckContext;
  /** Fields a requiredFields rule reports when empty; other rules leave those cells alone. */
  claimed: Set<LedgerField>;
  /** Where findings go. */
  out: Finding[];
}
