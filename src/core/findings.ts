import { clip, TRUNCATED_MARK } from './clip';

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

/**
 * How much of a cell's text a finding quotes: enough to recognise the cell, which the finding names
 * anyway. A 32,700-character cell quoted whole made a 异常清单 cell longer than Excel allows.
 */
export const QUOTE_CHARS = 200;

/** A cell's text as a finding quotes it: at most QUOTE_CHARS characters, cut ones ending in 「…」. */
export function quoted(text: string): string {
  return clip(text, QUOTE_CHARS, '…');
}

/** The longest message a finding carries; the longest real ones (lists of cells) are a few hundred. */
export const MESSAGE_CHARS = 2000;

/**
 * The finding with a text value quoted (QUOTE_CHARS) and its message at most MESSAGE_CHARS, cut ones
 * marked 「…（已截断）」: the last guard for a check that quoted a cell whole. The same object when it fits.
 */
export function boundFinding(f: Finding): Finding {
  const value = typeof f.value === 'string' ? quoted(f.value) : f.value;
  const message = clip(f.message, MESSAGE_CHARS, TRUNCATED_MARK);
  return value === f.value && message === f.message ? f : { ...f, value, message };
}
