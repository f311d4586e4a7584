/**
 * The 规则 sheet's layout, shared by the writer and the reader so they cannot drift apart: the block
 * headers (the detector keys on 规则编号), the labels of sub-case rows, severities and yes/no. Each rule
 * kind's own name and value cells are in its file (checks/kinds/).
 */
import { LEDGER_FIELD_LABEL, type LedgerField } from '../ledger/types';
import { SEVERITY_LABEL, type Severity } from '../findings';
import { normalizeText } from '../parse/text';

/** Column headers of the rules block; `规则编号` must stay exactly this (table detection keys on it). */
export const RULE_COLUMNS = {
  id: '规则编号',
  pack: '规则包',
  kind: '检查',
  description: '说明',
  category: '类别',
  keywords: '关键词或条件',
  min: '下限（元）',
  max: '上限（元）',
  fixed: '固定额（元）',
  periodMax: '期间上限',
  workdays: '工作日',
  severity: '严重程度',
  enabled: '启用',
  source: '依据',
} as const;

export type RuleColumn = keyof typeof RULE_COLUMNS;
export const RULE_COLUMN_ORDER = Object.keys(RULE_COLUMNS) as RuleColumn[];

export const CATEGORY_COLUMNS = { id: '类别编号', label: '名称', aliases: '别名', keywords: '关键词', pack: '规则包' } as const;
export type CategoryColumn = keyof typeof CATEGORY_COLUMNS;
export const CATEGORY_COLUMN_ORDER = Object.keys(CATEGORY_COLUMNS) as CategoryColumn[];

export const PARAMETER_COLUMNS = { id: '参数编号', label: '参数', value: '值', unit: '单位', pack: '规则包' } as const;
export type ParameterColumn = keyof typeof PARAMETER_COLUMNS;
export const PARAMETER_COLUMN_ORDER = Object.keys(PARAMETER_COLUMNS) as ParameterColumn[];

/** Label in column A of the row whose column B lists the pack ids the sheet was made from. */
export const PACKS_LABEL = '规则包';

/** Suffix of the row of a sub-case (`…/emergency-band#bravery`) and of a conditional band. */
export const CASE_SEPARATOR = '#';
export const WHEN_ID = 'when';

export const CASE_KIND_LABEL = '细分情形';
export const WHEN_KIND_LABEL = '条件标准';
export const ALL_CATEGORIES = '全部';

export const YES = '是';
export const NO = '否';

/** 是/否 as officers type it (是, 否, Y, N, TRUE, FALSE, 1, 0, √, ×), or null. */
export function parseYesNo(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== 'string') return null;
  const t = normalizeText(v).toLowerCase();
  if (['是', 'y', 'yes', 'true', '1', '√', '启用', '开'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0', '×', 'x', '停用', '不启用', '关'].includes(t)) return false;
  return null;
}

/** 违规/需核实/提示 (or error/warning/info), or null. */
export function parseSeverity(v: unknown): Severity | null {
  if (typeof v !== 'string') return null;
  const t = normalizeText(v).toLowerCase();
  for (const s of Object.keys(SEVERITY_LABEL) as Severity[]) {
    if (t === s || t === SEVERITY_LABEL[s]) return s;
  }
  return null;
}

const FIELD_BY_LABEL = new Map(
  (Object.entries(LEDGER_FIELD_LABEL) as [LedgerField, string][]).map(([field, label]) => [label, field]),
);

/** `审核日期` → `auditDate`, or null. */
export function fieldOfLabel(label: string): LedgerField | null {
  return FIELD_BY_LABEL.get(normalizeText(label)) ?? null;
}
