/**
 * The header vocabulary (vocabulary.json) as typed data: which words name which column, which rows are
 * totals, which units a header can state. Validated once when the module loads, so a bad edit to the
 * data file fails every test at once instead of misreading a workbook.
 */
import { z } from 'zod';
import data from './vocabulary.json';

export const COLUMN_KINDS = [
  'factor', 'explanation', 'criteria', 'level1', 'level2', 'name', 'lastYearActual', 'lastYearTarget', 'actual',
  'target', 'budgetInitial', 'budgetAdjusted', 'budgetExecuted', 'executionRate', 'selfScore', 'score', 'weight',
  'fundSource', 'form', 'idNumber', 'household', 'person', 'reason', 'category', 'cost', 'amount', 'auditDate',
  'applicationDate', 'entryDate', 'paymentDate', 'ruleId',
] as const;

/** What a header cell says its column holds. */
export type ColumnKind = (typeof COLUMN_KINDS)[number];

const word = z.string().min(1);
const schema = z.object({
  columns: z.array(
    z.object({
      kind: z.enum(COLUMN_KINDS),
      /** How the report names the column (`because`). */
      label: word,
      words: z.array(word).min(1),
      not: z.array(word).optional(),
    }),
  ),
  totalRows: z.array(word).min(1),
  selfTotalLabels: z.array(word).min(1),
  units: z.array(
    z.union([
      z.object({ marker: word, scale: z.number().positive() }),
      z.object({ marker: word, unit: word }),
    ]),
  ),
  implausibleBudgetYuan: z.number().positive(),
});

export type Vocabulary = z.infer<typeof schema>;

export const VOCABULARY: Vocabulary = schema.parse(data);

/** The report's name for a column kind (`年度指标值`). */
export function kindLabel(kind: ColumnKind): string {
  return VOCABULARY.columns.find((c) => c.kind === kind)?.label ?? kind;
}

const compact = (s: string) => s.replace(/[\s\u3000:：]+/g, '');

const TOTAL_ROWS = new Set(VOCABULARY.totalRows.map(compact));
const SELF_TOTAL_LABELS = new Set(VOCABULARY.selfTotalLabels.map(compact));

/** A row label that sums its table (合计, 总计, 总分, 总得分 …), compared without spaces and colons. */
export function isTotalLabel(text: string): boolean {
  return TOTAL_ROWS.has(compact(text));
}

/** A label whose neighbouring figure is the unit's own total score (总得分, 自评总分 …). */
export function isSelfTotalLabel(text: string): boolean {
  return SELF_TOTAL_LABELS.has(compact(text));
}
