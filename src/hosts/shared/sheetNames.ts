/**
 * Sheet names as Excel understands them, for both hosts (the comparison itself is the core's, which
 * needs it too to tell its own sheets from the officer's).
 */
import { sameSheetName } from '../../core/sheetName';

export { sameSheetName };

/** Why Excel would reject this name, or `null` when it is acceptable. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > 31) return 'is longer than 31 characters';
  if (/[[\]:*?/\\]/.test(name)) return 'contains one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with '";
  if (sameSheetName(name, 'History')) return 'is reserved by Excel';
  return null;
}

/** `'Sheet name'` as a formula or link reference writes it; quotes inside are doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
