import fc from 'fast-check';
import { runChecks } from '../../src/core/checks/runChecks';
import type { Severity } from '../../src/core/findings';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import type { ResolvedRules } from '../../src/core/rules/resolvedRules';
import { rulesFromRows, rulesToRows } from '../../src/core/rules/rulesSheet';
import type { CellScalar } from '../../src/core/snapshot';
import { ledgerOf, payment } from '../checks/ledgerOf';

const SHEET = '规则';

/** What a host reads back from the written sheet: the cell values. */
function valuesOf(resolved: ResolvedRules): CellScalar[][] {
  return rulesToRows(resolved).rows.map((row) => row.map((cell) => cell?.v ?? null));
}

/** Set the cell of `header` in the row whose first column is `key`; returns its A1 address. */
function edit(values: CellScalar[][], key: string, header: string, value: CellScalar): string {
  const headerRow = values.findIndex((row, r) => values.slice(r + 1).some((x) => x[0] === key) && row.includes(header));
  const r = values.findIndex((row, k) => k > headerRow && row[0] === key);
  const c = values[headerRow].indexOf(header);
  if (r < 0 || c < 0) throw new Error(`no ${key} / ${header}`);
  values[r][c] = value;
  return `${String.fromCharCode(65 + c)}${r + 1}`;
}

function ruleOf(resolved: ResolvedRules | null, id: string) {
  const r = resolved?.rules.find((x) => x.rule.id === id);
  if (!r) throw new Error(id);
  return r;
}

const ZC = ['gz-zengcheng-2023'];

describe('规则 sheet', () => {
  it('has a header row with 规则编号 and the editable columns, then the categories and the parameters (参数 | 值 | 单位)', () => {
    const values = valuesOf(resolvePacks(ZC));
    expect(values[1]).toEqual(['规则包', 'gz-zengcheng-2023']);
    expect(values[3]).toEqual([
      '规则编号', '规则包', '检查', '说明', '类别', '关键词或条件', '下限（元）', '上限（元）', '固定额（元）', '期间上限', '工作日', '严重程度', '启用', '依据',
    ]);
    expect(values).toContainEqual(['类别编号', '名称', '别名', '关键词', '规则包']);
    expect(values).toContainEqual(['参数编号', '参数', '值', '单位', '规则包']);
    expect(values).toContainEqual(['gz-monthly-dibao', '月低保标准', null, '元/月', 'gz-songwennuan']);
    const quarterly = values.find((row) => row[0] === 'gz-zengcheng-2023/quarterly-band');
    expect(quarterly?.slice(6, 13)).toEqual([400, 600, null, null, null, '违规', '是']);
    expect(values.find((row) => row[0] === 'gz-zengcheng-2023/emergency-band#illness-injury')?.[3]).toBe('突发重大疾病或意外伤害住院手术');
    const sheet = rulesToRows(resolvePacks(ZC));
    expect(sheet.merges).toEqual(['A1:N1']);
    expect(sheet.columnWidths).toHaveLength(14);
  });

  it('reads back exactly what it wrote, for every pack and for packs chosen together', () => {
    for (const ids of [['gz-songwennuan'], ZC, ['km-songwennuan-2019'], ['km-wuhua-2023'], ['yn-songwennuan'], ['km-songwennuan-2019', 'yn-songwennuan']]) {
      const resolved = resolvePacks(ids);
      expect(rulesFromRows(valuesOf(resolved), SHEET)).toStrictEqual({ resolved, findings: [] });
    }
    const withDibao = resolvePacks(ZC, { parameters: { 'gz-monthly-dibao': 1330 } });
    expect(rulesFromRows(valuesOf(withDibao), SHEET)).toStrictEqual({ resolved: withDibao, findings: [] });
  });

  it('reads back any valid set of edits it wrote (round trip)', () => {
    const severity = fc.constantFrom<Severity>('error', 'warning', 'info');
    fc.assert(
      fc.property(
        fc.constantFrom(['gz-songwennuan'], ZC, ['km-songwennuan-2019'], ['km-wuhua-2023'], ['yn-songwennuan']),
        fc.array(fc.tuple(severity, fc.boolean(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 30 })), { minLength: 30, maxLength: 30 }),
        fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
        (ids, edits, dibao) => {
          const x = resolvePacks(ids, ids[0].startsWith('gz') ? { parameters: { 'gz-monthly-dibao': dibao } } : {});
          x.rules.forEach((r, k) => {
            const [s, enabled, scale, days] = edits[k % edits.length];
            r.enabled = enabled;
            r.rule.severity = s;
            const rule = r.rule;
            if (rule.kind === 'amountBand') {
              if (rule.min !== undefined) rule.min *= scale;
              if (rule.max !== undefined) rule.max *= scale;
              if (rule.fixed !== undefined) rule.fixed *= scale;
            }
            if (rule.kind === 'periodSum') rule.max = 100 * scale;
            if (rule.kind === 'periodCount') rule.max = scale;
            if (rule.kind === 'workingDays') rule.max = days;
          });
          expect(rulesFromRows(valuesOf(x), SHEET)).toStrictEqual({ resolved: x, findings: [] });
        },
      ),
      { numRuns: 60 },
    );
  });

  describe('when the officer edits it', () => {
    const check = (resolved: ResolvedRules | null, entries: Parameters<typeof ledgerOf>[0]) => {
      if (!resolved) throw new Error('no rules');
      return runChecks(ledgerOf(entries), resolved, { year: 2023, packNames: packNames(resolved) });
    };
    const base = () => valuesOf(resolvePacks(ZC, { parameters: { 'gz-monthly-dibao': 1330 } }));
    const quarterly700 = [payment(1, { category: '季度救助', amount: 700 })];

    it('raising 季度救助’s 上限 to 700 元 means a 700 元 payment is no longer flagged', () => {
      const values = base();
      expect(check(rulesFromRows(values, SHEET).resolved, quarterly700)).toHaveLength(1);
      edit(values, 'gz-zengcheng-2023/quarterly-band', '上限（元）', 700);
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(findings).toEqual([]);
      expect(check(resolved, quarterly700)).toEqual([]);
    });

    it('启用 = 否 switches a rule off', () => {
      const values = base();
      edit(values, 'gz-zengcheng-2023/quarterly-band', '启用', '否');
      const { resolved } = rulesFromRows(values, SHEET);
      expect(ruleOf(resolved, 'gz-zengcheng-2023/quarterly-band').enabled).toBe(false);
      expect(check(resolved, quarterly700)).toEqual([]);
    });

    it('六百 typed into 上限（元） is a finding naming the cell, and the rule keeps the pack’s 600 元', () => {
      const values = base();
      const cell = edit(values, 'gz-zengcheng-2023/quarterly-band', '上限（元）', '六百');
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(findings).toEqual([
        expect.objectContaining({ rule: 'rules-sheet/invalid-value', severity: 'warning', sheet: SHEET, cell, value: '六百' }),
      ]);
      expect(findings[0].message).toContain(`“规则”!${cell} 规则“季度救助金额超出标准”的上限（元）“六百”不是非负数字`);
      expect(ruleOf(resolved, 'gz-zengcheng-2023/quarterly-band').rule).toMatchObject({ min: 400, max: 600 });
      expect(check(resolved, quarterly700)).toHaveLength(1);
    });

    it('a 下限 of 700 above the 上限 of 600 is a finding, and the pack’s 400–600 元 stays', () => {
      const values = base();
      const cell = edit(values, 'gz-zengcheng-2023/quarterly-band', '下限（元）', 700);
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(findings.map((f) => f.cell)).toEqual([cell]);
      expect(findings[0].message).toContain('下限 700 大于上限 600');
      expect(findings[0].message).toContain(`同一行的 H${cell.slice(1)} 上限（元）冲突`);
      expect(findings[0].message).toContain('按规则包原值（400–600 元）执行。');
      expect(ruleOf(resolved, 'gz-zengcheng-2023/quarterly-band').rule).toMatchObject({ min: 400, max: 600 });
    });

    it('a 固定额 of 500 typed beside the 400–600 下限/上限 names the 固定额 cell the officer edited, and the pack’s band stays', () => {
      const values = base();
      const fixed = edit(values, 'gz-zengcheng-2023/quarterly-band', '固定额（元）', 500);
      const row = fixed.slice(1);
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(findings).toEqual([expect.objectContaining({ rule: 'rules-sheet/invalid-value', cell: fixed, value: 500 })]);
      expect(findings[0].message).toBe(
        `“规则”!I${row} 规则“季度救助金额超出标准”的固定额（元）与同一行的 G${row} 下限（元）、H${row} 上限（元）冲突，` +
          '金额标准无法使用（固定额与上下限只能填一种），按规则包原值（400–600 元）执行。',
      );
      expect(ruleOf(resolved, 'gz-zengcheng-2023/quarterly-band').rule).toMatchObject({ min: 400, max: 600 });
    });

    it('a 上限 typed beside a fixed 200 元 standard names the 上限 cell, with the pack’s 200 元 in the message', () => {
      const values = valuesOf(resolvePacks(['km-songwennuan-2019']));
      const key = values.find((r) => typeof r[8] === 'number')?.[0] as string;
      const cell = edit(values, key, '上限（元）', 300);
      const { findings } = rulesFromRows(values, SHEET);
      expect(findings.map((f) => f.cell)).toEqual([cell]);
      expect(findings[0].message).toContain(`的上限（元）与同一行的 I${cell.slice(1)} 固定额（元）冲突`);
      expect(findings[0].message).toMatch(/按规则包原值（[\d,]+ 元）执行。$/);
    });

    it('an unknown severity is a finding and the pack’s 违规 stays; 需核实 is taken', () => {
      const values = base();
      const bad = edit(values, 'gz-zengcheng-2023/quarterly-band', '严重程度', '严重');
      edit(values, 'gz-zengcheng-2023/quarterly-count', '严重程度', '需核实');
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(findings.map((f) => f.cell)).toEqual([bad]);
      expect(ruleOf(resolved, 'gz-zengcheng-2023/quarterly-band').rule.severity).toBe('error');
      expect(ruleOf(resolved, 'gz-zengcheng-2023/quarterly-count').rule.severity).toBe('warning');
    });

    it('the 5 working days for an audit can be relaxed to 10, and text there is refused', () => {
      const values = base();
      edit(values, 'gz-zengcheng-2023/audit-within-working-days', '工作日', '10');
      expect(ruleOf(rulesFromRows(values, SHEET).resolved, 'gz-zengcheng-2023/audit-within-working-days').rule).toMatchObject({ max: 10 });
      edit(values, 'gz-zengcheng-2023/audit-within-working-days', '工作日', '五天');
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(findings).toHaveLength(1);
      expect(ruleOf(resolved, 'gz-zengcheng-2023/audit-within-working-days').rule).toMatchObject({ max: 5 });
    });

    it('setting 月低保标准 to 500 makes the 10-month cap run; 一千 there is refused', () => {
      const values = valuesOf(resolvePacks(ZC));
      edit(values, 'gz-monthly-dibao', '值', 500);
      const entries = [
        payment(1, { household: 'H1', category: '紧急救助', reason: '住院', amount: 3000 }),
        payment(2, { household: 'H1', category: '紧急救助', reason: '手术', amount: 2200, paymentDate: '2023-09-01' }),
      ];
      expect(check(rulesFromRows(values, SHEET).resolved, entries).map((f) => f.rule)).toEqual(['gz-songwennuan/dibao-cap']);
      const cell = edit(values, 'gz-monthly-dibao', '值', '一千');
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(findings.map((f) => f.cell)).toEqual([cell]);
      expect(resolved?.parameters[0].value).toBeNull();
    });

    it('adding 困难补助 as an alias of 季度救助 makes those rows checked as 季度救助', () => {
      const values = base();
      edit(values, 'quarterly-relief', '别名', '季度救助、季度、生活困难救助、困难补助');
      const { resolved } = rulesFromRows(values, SHEET);
      expect(check(resolved, [payment(1, { category: '困难补助', amount: 700 })]).map((f) => f.rule)).toEqual([
        'gz-zengcheng-2023/quarterly-band',
      ]);
    });

    it('a sub-case’s keywords and the 助学 condition can be edited too', () => {
      const zc = base();
      edit(zc, 'gz-zengcheng-2023/emergency-band#illness-injury', '关键词或条件', '疾病、手术、受伤、膝关节');
      const emergency = ruleOf(rulesFromRows(zc, SHEET).resolved, 'gz-zengcheng-2023/emergency-band').rule;
      expect(emergency.kind === 'amountBand' && emergency.cases?.[4].keywords).toEqual(['疾病', '手术', '受伤', '膝关节']);

      const km = valuesOf(resolvePacks(['km-songwennuan-2019']));
      edit(km, 'km-songwennuan-2019/education-band#when', '关键词或条件', '费用>80,000');
      const education = ruleOf(rulesFromRows(km, SHEET).resolved, 'km-songwennuan-2019/education-band').rule;
      expect(education.kind === 'amountBand' && education.when?.above).toBe(80000);
      const cell = edit(km, 'km-songwennuan-2019/education-band#when', '关键词或条件', '很贵的时候');
      expect(rulesFromRows(km, SHEET).findings.map((f) => f.cell)).toEqual([cell]);
    });

    it('a deleted rule row keeps the pack’s rule and says so; an unknown row is ignored and said so', () => {
      const values = base().filter((row) => row[0] !== 'gz-zengcheng-2023/quarterly-count');
      values.splice(6, 0, ['gz-zengcheng-2023/made-up', 'gz-zengcheng-2023']);
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(findings.map((f) => [f.rule, f.severity])).toEqual([
        ['rules-sheet/missing-row', 'info'],
        ['rules-sheet/unknown-row', 'info'],
      ]);
      expect(ruleOf(resolved, 'gz-zengcheng-2023/quarterly-count').rule).toMatchObject({ max: 2 });
    });

    it('a sheet that no longer says which packs it came from cannot be used, and says where to fix it', () => {
      const values = base();
      values[1] = [];
      expect(rulesFromRows(values, SHEET)).toEqual({
        resolved: null,
        findings: [expect.objectContaining({ rule: 'rules-sheet/unusable', severity: 'error', cell: 'A2' })],
      });
      values[1] = ['规则包', 'gz-zengcheng-2099'];
      const { resolved, findings } = rulesFromRows(values, SHEET);
      expect(resolved).toBeNull();
      expect(findings[0].message).toContain('未知的规则包“gz-zengcheng-2099”');
    });

    it('never throws on a sheet full of junk', () => {
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('规则编号', '规则包', '参数编号', '类别编号', 'gz-zengcheng-2023/quarterly-band', 'gz-zengcheng-2023')), { maxLength: 16 }), { maxLength: 12 }),
          (junk) => {
            rulesFromRows([[], ['规则包', 'gz-zengcheng-2023'], ...junk], SHEET);
          },
        ),
      );
    });
  });
});
