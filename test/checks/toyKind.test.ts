/**
 * Adding a rule kind is one file (its schema, check, 规则 sheet cells and Chinese name) plus one line in
 * the registry: here the file is the `toyCap` definition below and the line is `registerKind`. The kind
 * is then accepted in a pack, checked against a ledger, written to the 规则 sheet and read back from it,
 * an officer's edit included, without touching runChecks or the sheet's layout.
 */
import { z } from 'zod';
import type { RuleKindDefinition } from '../../src/core/checks/kinds/ruleKind';
import { registerKind } from '../../src/core/checks/kinds/registry';
import { placeOf, ruleFinding } from '../../src/core/checks/entryFinding';
import { formatFen, yuanToFen } from '../../src/core/checks/money';
import { runChecks } from '../../src/core/checks/runChecks';
import { builtinPacks } from '../../src/core/rules/builtinPacks';
import { validatePack, type Pack } from '../../src/core/rules/packSchema';
import { commonRuleFields, yuan } from '../../src/core/rules/ruleParts';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import { rulesFromRows, rulesToRows } from '../../src/core/rules/rulesSheet';
import { RULE_COLUMNS } from '../../src/core/rules/rulesSheetLayout';
import type { CellScalar } from '../../src/core/snapshot';
import { ledgerOf, payment } from './ledgerOf';

// ─── the toy kind, as its own file would hold it ────────────────────────────────────────────────

const schema = z.strictObject({ ...commonRuleFields, kind: z.literal('toyCap'), max: yuan });
type ToyCapRule = z.infer<typeof schema>;

const toyCap: RuleKindDefinition<ToyCapRule> = {
  kind: 'toyCap',
  label: '单笔封顶（示例）',
  schema,
  check(rule, _meta, input) {
    const cap = yuanToFen(rule.max);
    const { ledger } = input;
    for (let i = 0; i < ledger.length; i++) {
      const a = ledger.amountFen[i];
      if (!(a > cap)) continue;
      input.out.push(
        ruleFinding(rule, ledger, placeOf(ledger, i, 'amount'), a / 100, `≤ ${formatFen(cap)} 元`, `金额 ${formatFen(a)} 元超过封顶 ${formatFen(cap)} 元`),
      );
    }
  },
  sheet: {
    write: (rule) => ({ cells: { max: rule.max } }),
    read: (rule, cells) => ({ ...rule, max: cells.amount(RULE_COLUMNS.max, rule.max) }),
  },
};

registerKind(toyCap);

// ─── a pack that uses it ─────────────────────────────────────────────────────────────────────────

const TOY_PACK = {
  id: 'toy-district',
  name: '示例区慰问',
  source: '示例区慰问办法',
  categories: [],
  rules: [{ id: 'toy-district/cap', kind: 'toyCap', severity: 'error', description: '每笔慰问金不超过 800 元', max: 800 }],
};

function library(): ReadonlyMap<string, Pack> {
  const checked = validatePack(TOY_PACK);
  if (!checked.ok) throw new Error(checked.message);
  return new Map([...builtinPacks(), [checked.pack.id, checked.pack]]);
}

const ledger = () => ledgerOf([payment(1, { amount: 600 }), payment(2, { amount: 900 }), payment(3, { amount: 1500 })]);

describe('a rule kind added in one file', () => {
  it('is accepted in a pack, and a pack with an unknown kind still names the toy kind among those available', () => {
    expect(validatePack(TOY_PACK).ok).toBe(true);
    const bad = validatePack({ ...TOY_PACK, rules: [{ ...TOY_PACK.rules[0], kind: 'nope' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('toyCap');
  });

  it('flags the 900 元 and 1,500 元 payments above its 800 元 cap and leaves the 600 元 one', () => {
    const rules = resolvePacks(['toy-district'], {}, library());
    const findings = runChecks(ledger(), rules, { year: 2023, packNames: packNames(rules, library()) });
    const flagged = findings.filter((f) => f.rule === 'toy-district/cap');
    expect(flagged.map((f) => [f.cell, f.value, f.severity])).toEqual([['G3', 900, 'error'], ['G4', 1500, 'error']]);
    expect(flagged[0].message).toContain('金额 900.00 元超过封顶 800.00 元');
  });

  it('is written to the 规则 sheet with its Chinese name and cap, and an officer raising the cap to 1,000 元 is read back', () => {
    const lib = library();
    const rules = resolvePacks(['toy-district'], {}, lib);
    const values: CellScalar[][] = rulesToRows(rules).rows.map((row) => row.map((cell) => cell?.v ?? null));
    const header = values.findIndex((row) => row[0] === RULE_COLUMNS.id);
    const r = values.findIndex((row) => row[0] === 'toy-district/cap');
    const col = (name: string) => values[header].indexOf(name);
    expect(values[r][col(RULE_COLUMNS.kind)]).toBe('单笔封顶（示例）');
    expect(values[r][col(RULE_COLUMNS.max)]).toBe(800);

    expect(rulesFromRows(values, '规则', lib)).toStrictEqual({ resolved: rules, findings: [] });

    values[r][col(RULE_COLUMNS.max)] = 1000;
    const edited = rulesFromRows(values, '规则', lib);
    expect(edited.findings).toEqual([]);
    const findings = runChecks(ledger(), edited.resolved!, { year: 2023, packNames: '' });
    expect(findings.filter((f) => f.rule === 'toy-district/cap').map((f) => f.value)).toEqual([1500]);
  });
});
