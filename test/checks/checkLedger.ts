/**
 * Runs the checks of some packs over plain rows, as the tests read them.
 */
import { runChecks } from '../../src/core/checks/runChecks';
import type { Finding } from '../../src/core/findings';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import type { ResolvedRules } from '../../src/core/rules/resolvedRules';
import { ledgerOf, type Entry, type LedgerOptions } from './ledgerOf';

export interface CheckOptions extends LedgerOptions {
  year?: number | null;
  parameters?: Record<string, number | null>;
  rules?: ResolvedRules;
}

export function checkLedger(packs: string[], entries: Entry[], options: CheckOptions = {}): Finding[] {
  const rules = options.rules ?? resolvePacks(packs, { parameters: options.parameters });
  const year = options.year === undefined ? 2023 : options.year;
  return runChecks(ledgerOf(entries, options), rules, { year, packNames: packNames(rules) });
}

export function ofRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}
