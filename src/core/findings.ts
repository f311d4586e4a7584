/**
 * A finding: something the add-in noticed that an officer, evaluator or auditor must look at. Every
 * finding can be traced to a rule id, a place in the workbook, the value found and the limit broken.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable rule id, e.g. `self-score-above-computed`, `amount-band`. */
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding is about ('' when it is about the workbook as a whole). */
  cell: string;
  /** 1-based row number as Excel shows it (0 when none). */
  row: number;
  value: string | number | null;
  allowed: string | null;
  /** One Chinese sentence that says all of it. */
  message: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: '违规', warning: '需核实', info: '提示' };
