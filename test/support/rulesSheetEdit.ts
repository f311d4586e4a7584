/** Test helper: an officer's edit of the 规则 sheet, made with ExcelJS as Excel would save it. */
import type ExcelJS from 'exceljs';

/**
 * Sets the cell under `header` in the 规则 sheet row whose rule id starts with `ruleIdPrefix`; returns the
 * cell's address. Throws when the sheet has no such row or column.
 */
export function editRulesCell(wb: ExcelJS.Workbook, ruleIdPrefix: string, header: string, value: string | number): string {
  const ws = wb.getWorksheet('规则');
  if (!ws) throw new Error('no 规则 sheet');
  let col = 0;
  let address = '';
  ws.eachRow((row) => {
    row.eachCell((c, n) => {
      if (c.value === header && col === 0) col = n;
    });
    if (!address && col > 0 && String(row.getCell(1).value ?? '').startsWith(ruleIdPrefix)) {
      row.getCell(col).value = value;
      address = row.getCell(col).address;
    }
  });
  if (!address) throw new Error(`${ruleIdPrefix} / ${header} not in the 规则 sheet`);
  return address;
}
