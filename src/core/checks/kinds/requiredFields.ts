/**
 * 必填项: every payment must name its recipient and carry its amount and dates (实名制: 姓名 and
 * 身份证号). A missing column is one finding for the whole ledger; an empty cell is one finding per cell.
 * Each field is reported by the first rule that requires it, so two packs never flag the same cell twice.
 */
import { ruleName } from '../../ruleNames';
import { quoted, type Finding } from '../../findings';
import { BAD_DATE, EMPTY_DATE, LEDGER_FIELD_LABEL, type LedgerField } from '../../ledger/types';
import { cellText } from '../../parse/text';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { finding, headerPlace, placeOf, recipientOf } from '../entryFinding';
import { z } from 'zod';
import { commonRuleFields, ledgerFieldSchema } from '../../rules/ruleParts';
import { joinList, splitList, type Reader, type SheetRow } from '../../rules/rulesSheetCells';
import { fieldOfLabel, RULE_COLUMNS } from '../../rules/rulesSheetLayout';
import type { RuleKindDefinition } from './ruleKind';

type Emptiness = 'empty' | 'unreadable';

/**
 * Calls `found(i, why)` for each entry whose `field` is empty or unreadable. One tight loop per kind of
 * column, since this runs over every row for every required field.
 */
function eachEmpty(input: CheckInput, field: LedgerField, found: (i: number, why: Emptiness) => void): void {
  const { ledger } = input;
  const n = ledger.length;
  switch (field) {
    case 'person':
    case 'idNumber':
    case 'household':
    case 'category':
    case 'reason':
    case 'form': {
      for (let i = 0; i < n; i++) if (!ledger.hasText(field, i)) found(i, 'empty');
      return;
    }
    case 'amount':
    case 'cost': {
      const values = field === 'amount' ? ledger.amountFen : ledger.costFen;
      // A typed-in word in 金额 is positiveAmount's to report; here only the empty cell.
      const reportText = field === 'cost';
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (Number.isNaN(v)) found(i, 'empty');
        else if (reportText && v === -Infinity) found(i, 'unreadable');
      }
      return;
    }
    case 'applicationDate':
    case 'auditDate':
    case 'paymentDate':
    case 'entryDate': {
      const values = ledger[field];
      const empty = EMPTY_DATE;
      const bad = BAD_DATE;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v === empty) found(i, 'empty');
        else if (v === bad) found(i, 'unreadable');
      }
      return;
    }
    default: {
      // A new ledger field must say here how it can be empty.
      const never: never = field;
      return never;
    }
  }
}

export function checkRequiredFields(rule: RequiredFieldsRule, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, claimed, out } = input;
  const fields = rule.fields.filter((f) => !claimed.has(f));
  for (const f of fields) claimed.add(f);
  const list = rule.fields.map((f) => LEDGER_FIELD_LABEL[f]).join('、');
  const allowed = '必填';
  for (const field of fields) {
    const label = LEDGER_FIELD_LABEL[field];
    if (ledger.columns[field] === undefined) {
      if (ledger.length === 0) continue;
      const place = headerPlace(ledger);
      out.push(
        finding(rule.id, rule.severity, ledger.sheet, place, null, allowed,
          `“${ledger.sheet}”没有“${label}”列，${ledger.length} 笔发放都缺少${label}（必填：${list}；${meta.source}）。`),
      );
      continue;
    }
    eachEmpty(input, field, (i, why) => out.push(emptyCell(rule, meta, input, i, field, why, list)));
  }
}

function emptyCell(
  rule: RequiredFieldsRule,
  meta: ResolvedRule,
  input: CheckInput,
  i: number,
  field: LedgerField,
  e: 'empty' | 'unreadable',
  list: string,
): Finding {
  const { ledger } = input;
  const place = placeOf(ledger, i, field);
  const label = LEDGER_FIELD_LABEL[field];
  const who = field === 'person' ? `第 ${place.row} 行` : recipientOf(ledger, i);
  if (e === 'empty') {
    return finding(rule.id, rule.severity, ledger.sheet, place, null, '必填',
      `${place.ref} ${who}的${label}为空（必填：${list}；${meta.source}）。`);
  }
  const raw = quoted(cellText(ledger.raw(i, field)));
  return finding(rule.id, rule.severity, ledger.sheet, place, raw, '必填',
    `${place.ref} ${who}的${label}“${raw}”无法识别（必填：${list}；${meta.source}）。`);
}

const schema = z.strictObject({
  ...commonRuleFields,
  kind: z.literal('requiredFields'),
  fields: z.array(ledgerFieldSchema).min(1),
});

/** 必填项 (rule kind `requiredFields`). */
export type RequiredFieldsRule = z.infer<typeof schema>;

/** The fields listed in the 关键词或条件 cell by their Chinese names (姓名、身份证号 …). */
function readFields(row: SheetRow, rule: RequiredFieldsRule, reader: Reader): LedgerField[] {
  if (!row.has(RULE_COLUMNS.keywords)) return rule.fields;
  const text = row.text(RULE_COLUMNS.keywords);
  const labels = splitList(text);
  const fields = labels.map(fieldOfLabel);
  const unknown = labels.filter((_, k) => fields[k] === null);
  const known = Object.values(LEDGER_FIELD_LABEL).join('、');
  if (unknown.length > 0 || labels.length === 0) {
    const why = labels.length === 0 ? '为空' : `中的“${unknown.join('、')}”不是明细的列`;
    reader.problem(row, RULE_COLUMNS.keywords, text, known,
      `规则“${ruleName(rule.id)}”的必填项${why}（可填：${known}），按规则包原值“${rule.fields.map((f) => LEDGER_FIELD_LABEL[f]).join('、')}”执行。`);
    return rule.fields;
  }
  return [...new Set(fields as LedgerField[])];
}

export const requiredFields: RuleKindDefinition<RequiredFieldsRule> = {
  kind: 'requiredFields',
  label: '必填项',
  schema,
  runsFirst: true,
  check: checkRequiredFields,
  sheet: {
    write: (rule) => ({ cells: { keywords: joinList(rule.fields.map((f) => LEDGER_FIELD_LABEL[f])) } }),
    read: (rule, cells) => ({ ...rule, fields: readFields(cells.row, rule, cells.reader) }),
  },
};
