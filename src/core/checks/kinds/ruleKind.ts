/**
 * A rule kind (检查类型): everything about one kind of rule in one file — its pack schema, its check,
 * how its values are written to and read from the 规则 sheet, and its Chinese name. The kinds are listed
 * in checks/kinds/registry.ts; adding a kind is one file and one line there.
 */
import type { z } from 'zod';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { RuleCells, RuleRow } from '../../rules/rulesSheetCells';
import type { CheckInput } from '../checkInput';

/** What every rule has, whatever its kind (rules/ruleParts.ts `commonRuleFields`). */
export interface RuleBase {
  kind: string;
  id: string;
  severity: 'error' | 'warning' | 'info';
  description: string;
  category?: string;
  enabled?: boolean;
}

export interface RuleKindDefinition<R extends RuleBase> {
  kind: R['kind'];
  /** The kind's name in the 规则 sheet's 检查 column (单笔金额, 年度次数 …). */
  label: string;
  /** The rule as a pack writes it: a zod object with `kind` the literal `kind`. */
  schema: z.ZodType<R>;
  /**
   * Runs before every other kind's check: a requiredFields rule claims the empty cells it reports, so
   * the rules after it leave them alone.
   */
  runsFirst?: boolean;
  /** Adds the rule's findings about the ledger to `input.out`. */
  check(rule: R, meta: ResolvedRule, input: CheckInput): void;
  /** The values an officer may edit in the 规则 sheet; none when absent. */
  sheet?: {
    /** The value cells of the rule's own row, and rows of its own below it (sub-cases) if any. */
    write(rule: R, row: { pack: string; category: string }): { cells: RuleRow; rows?: RuleRow[] };
    /** The rule with the values read back from its row (the pack's value where a cell is unusable). */
    read(rule: R, cells: RuleCells): R;
  };
}

/** The rule type a kind definition checks. */
export type RuleOfDefinition<D> = D extends RuleKindDefinition<infer R> ? R : never;
