/**
 * Excel compares sheet names case-insensitively ("Rules" and "rules" are the same sheet; a file with
 * both is reported as corrupt). Lower-casing matches the check ExcelJS itself makes when a sheet is added.
 */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
