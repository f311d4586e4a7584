/**
 * 身份证号校验 (GB 11643-1999): 17 digits and a check character computed from them. An ID that Excel
 * stored as a number keeps only 15 significant digits (the last ones become 0, or it shows as 4.4E+17):
 * the finding says so, since retyping the column as text is the fix.
 */
import type { CellScalar } from '../../snapshot';
import { cellText } from '../../parse/text';
import type { ResolvedRule } from '../../rules/resolvedRules';
import type { CheckInput } from '../checkInput';
import { ruleFinding, placeOf } from '../entryFinding';
import { quoted } from '../../findings';
import { z } from 'zod';
import { commonRuleFields } from '../../rules/ruleParts';
import type { RuleKindDefinition } from './ruleKind';
import { idCheckCharacter, isValidId } from '../../ledger/idChecksum';

const SHAPE = /^\d{17}[\dX]$/;

/** Why an ID is wrong, or null when it is a valid 18-character 身份证号. */
export function idProblem(id: string, raw: CellScalar): string | null {
  const text = id.toUpperCase();
  const storedAsNumber = typeof raw === 'number' || /^\d(\.\d+)?E\+?\d+$/.test(text);
  // An 18-digit number is past Excel's 15 significant digits: even a checksum that happens to pass is luck.
  if (typeof raw === 'number' && Math.abs(raw) >= 1e15) return numberProblem(text);
  if (SHAPE.test(text)) {
    const expected = idCheckCharacter(text.slice(0, 17));
    if (expected === text[17]) return null;
    if (storedAsNumber) return numberProblem(text);
    return `末位校验码应为 ${expected}，实为 ${text[17]}`;
  }
  if (storedAsNumber) return numberProblem(text);
  if (/^\d+[X]?$/.test(text)) return `为 ${text.length} 位，应为 18 位`;
  return '含有数字和末位 X 以外的字符';
}

function numberProblem(shown: string): string {
  return `以数字形式保存（显示为 ${shown}），Excel 只保留 15 位有效数字，末几位已丢失；请将该列设为文本后重新录入`;
}

export function checkIdChecksum(rule: IdChecksumRule, meta: ResolvedRule, input: CheckInput): void {
  const { ledger, facts, out } = input;
  if (ledger.columns.idNumber === undefined) return;
  // The common case, a well-formed valid ID, never touches the raw cell: numbering the IDs for the
  // per-person rules already checked it (isValidId, and no trailing 000).
  // A number cell shows its lost digits as trailing zeros, so only those IDs need a look at the raw cell.
  const plainValid = facts.idGroups().plainValid;
  for (let i = 0; i < ledger.length; i++) {
    if (plainValid[i] === 1) continue;
    const id = ledger.text('idNumber', i);
    if (!id) continue;
    if (isValidId(id) && !id.endsWith('000')) continue;
    const raw = ledger.raw(i, 'idNumber');
    const problem = idProblem(id, raw);
    if (problem === null) continue;
    const place = placeOf(ledger, i, 'idNumber');
    const person = ledger.text('person', i);
    const who = person ? `${person}的` : '';
    out.push(
      ruleFinding(
        rule,
        ledger,
        place,
        typeof raw === 'number' ? cellText(raw) : quoted(id),
        '18位，校验码符合GB 11643',
        `${place.ref} ${who}身份证号 ${quoted(id)} ${problem}（${meta.source}）。`,
      ),
    );
  }
}

const schema = z.strictObject({ ...commonRuleFields, kind: z.literal('idChecksum') });

/** 身份证号校验 (rule kind `idChecksum`). */
export type IdChecksumRule = z.infer<typeof schema>;

export const idChecksum: RuleKindDefinition<IdChecksumRule> = {
  kind: 'idChecksum',
  label: '身份证号校验',
  schema,
  check: checkIdChecksum,
};
