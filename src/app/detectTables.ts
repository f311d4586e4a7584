/**
 * 识别表格: what the pane shows before the first 评分 — every table detection finds, with its role and
 * confidence after the overrides the workbook remembers, and the rule packs and scheme it remembers.
 * Reads the workbook; changes nothing.
 */
import { rangeA1 } from '../core/address';
import { mapWorkbook, overrideCovers } from '../core/detect/mapping';
import type { ReadOptions, WorkbookHost } from '../core/host';
import { readLedger } from '../core/ledger/readLedger';
import { suggestPacks } from '../core/rules/suggestPacks';
import type { TableRole, WorkbookSnapshot } from '../core/snapshot';

export interface DetectedTableRow {
  sheet: string;
  /** A1 range, e.g. `A19:H52`. */
  range: string;
  /** The role scoring will use: detection's, or the remembered override's (`ignore` included). */
  role: TableRole | 'ignore';
  /** 0–1; 1 when the user set the role. */
  confidence: number;
  overridden: boolean;
  /** Why detection read the table so: `预算表：表头 预算数（万元）、执行数（万元）；单位 万元`. */
  because: string;
}

export interface DetectedWorkbook {
  tables: DetectedTableRow[];
  /** What the workbook remembers from the last run, as the pane's defaults. */
  rules: string[];
  scheme: string | null;
  hasRulesSheet: boolean;
  /** The sheets holding a payment ledger, and the packs whose categories name its payments (best first). */
  ledgerSheets: string[];
  suggestedPacks: string[];
}

export async function detectTables(host: WorkbookHost, options: ReadOptions = {}): Promise<DetectedWorkbook> {
  return describeWorkbook(await host.read(options));
}

/** The pure half of `detectTables`, for callers that already hold a snapshot. */
export function describeWorkbook(snapshot: WorkbookSnapshot): DetectedWorkbook {
  const remembered = snapshot.state?.mapping ?? [];
  // Mapping drops the tables an override ignores; the pane still lists them, as 忽略, so the user can
  // take the choice back. Ignores are therefore applied here rather than by `mapWorkbook`.
  const ignores = remembered.filter((o) => o.role === 'ignore');
  const mapping = mapWorkbook(snapshot, remembered.filter((o) => o.role !== 'ignore'));
  const tables: DetectedTableRow[] = mapping.tables.map((t) => {
    const ignored = ignores.some((o) => overrideCovers(o, t.sheet, t.headerRow));
    return {
      sheet: t.sheet,
      range: rangeA1(t.range),
      role: ignored ? 'ignore' : t.role,
      confidence: ignored ? 1 : t.confidence,
      overridden: ignored || t.overridden,
      because: t.because,
    };
  });
  const state = snapshot.state;
  const ledgers = mapping.tables
    .filter((t, i) => t.role === 'ledger' && tables[i].role !== 'ignore')
    .map((t) => readLedger(t, mapping.grids.get(t.sheet)!));
  return {
    tables,
    rules: state?.rules ?? [],
    scheme: state?.scheme ?? null,
    hasRulesSheet: (state?.ownSheets ?? []).some((s) => s.role === 'rules'),
    ledgerSheets: ledgers.map((l) => l.sheet),
    suggestedPacks: ledgers.length > 0 ? suggestPacks(ledgers) : [],
  };
}
