import { checkLedger, ofRule } from '../checks/checkLedger';
import { payment } from '../checks/ledgerOf';
import type { Pack } from '../../src/core/rules/packSchema';
import { getPack, listPacks, resolvePacks, RulePackError, UnknownPackError } from '../../src/core/rules/resolvePacks';

const DIBAO_SET = { parameters: { 'gz-monthly-dibao': 1330 } };

describe('the packs', () => {
  it('are exactly the six of SPEC §5 plus the shared data-quality pack', () => {
    expect(listPacks().map((p) => p.id).sort()).toEqual(
      ['common-data-quality', 'gz-songwennuan', 'gz-zengcheng-2023', 'km-songwennuan-2019', 'km-wuhua-2023', 'yn-songwennuan'],
    );
  });

  it('every pack carries the data-quality rules', () => {
    for (const pack of listPacks()) {
      const ids = resolvePacks([pack.id]).rules.map((r) => r.rule.id);
      expect(ids).toEqual(expect.arrayContaining([
        'common-data-quality/required-fields',
        'common-data-quality/duplicate-payment',
        'common-data-quality/id-checksum',
        'common-data-quality/date-in-year',
        'common-data-quality/positive-amount',
      ]));
    }
  });

  it('广州’s 原则上 limits are warnings and its firm limits errors', () => {
    const severity = (id: string) => getPack('gz-songwennuan')?.rules.find((r) => r.id === id)?.severity;
    expect(severity('gz-songwennuan/per-payment-cap')).toBe('warning');
    expect(severity('gz-songwennuan/household-year-cap')).toBe('warning');
    expect(severity('gz-songwennuan/in-kind-cap')).toBe('error');
    expect(severity('gz-songwennuan/dibao-cap')).toBe('error');
  });
});

describe('resolving includes', () => {
  it('增城 includes 广州 and the data-quality pack, most specific first', () => {
    expect(resolvePacks(['gz-zengcheng-2023']).packs).toEqual(['gz-zengcheng-2023', 'gz-songwennuan', 'common-data-quality']);
  });

  it('广州’s 3,000 元 per-payment cap stays, except for the categories 增城 sets its own standard for', () => {
    const cap = resolvePacks(['gz-zengcheng-2023']).rules.find((r) => r.rule.id === 'gz-songwennuan/per-payment-cap');
    expect(cap?.except).toEqual(['quarterly-relief', 'emergency-relief']);
    expect(resolvePacks(['gz-songwennuan']).rules.find((r) => r.rule.id === 'gz-songwennuan/per-payment-cap')?.except).toEqual([]);
  });

  it('a 4,000 元 emergency grant for an operation under 增城’s 2,000–5,000 元 is not flagged by 广州’s 3,000 元 cap', () => {
    const findings = checkLedger(['gz-zengcheng-2023'], [payment(1, { category: '紧急救助', reason: '住院手术', amount: 4000 })], DIBAO_SET);
    expect(findings).toEqual([]);
  });

  it('a 3,500 元 慰问金 under 增城 is still held to 广州’s 3,000 元 per payment, as a warning', () => {
    const findings = checkLedger(['gz-zengcheng-2023'], [payment(1, { category: '慰问金', amount: 3500 })], DIBAO_SET);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['gz-songwennuan/per-payment-cap', 'warning']]);
  });

  it('a 增城 household paid 4,000 + 3,000 元 in the year is flagged by 广州’s 6,000 元 per household', () => {
    const findings = checkLedger(
      ['gz-zengcheng-2023'],
      [
        payment(1, { household: 'H9', category: '紧急救助', reason: '住院', amount: 4000, paymentDate: '2023-02-01' }),
        payment(2, { household: 'H9', category: '紧急救助', reason: '手术', amount: 3000, paymentDate: '2023-10-01' }),
      ],
      DIBAO_SET,
    );
    expect(ofRule(findings, 'gz-songwennuan/household-year-cap').map((f) => [f.cell, f.value])).toEqual([['G3', 7000]]);
  });

  it('an unknown pack id is a typed error whose Chinese message lists the known packs', () => {
    expect(() => resolvePacks(['gz-zengcheng-2024'])).toThrow(UnknownPackError);
    try {
      resolvePacks(['gz-zengcheng-2024', 'km-songwennuan-2019']);
    } catch (e) {
      expect(e).toBeInstanceOf(RulePackError);
      expect((e as UnknownPackError).unknown).toEqual(['gz-zengcheng-2024']);
      expect((e as Error).message).toBe(
        '未知的规则包“gz-zengcheng-2024”。可用规则包：gz-songwennuan、gz-zengcheng-2023、km-songwennuan-2019、km-wuhua-2023、yn-songwennuan、common-data-quality。',
      );
    }
  });

  it('sets a parameter such as 月低保标准, and refuses one no chosen pack has', () => {
    expect(resolvePacks(['gz-zengcheng-2023'], DIBAO_SET).parameters).toEqual([
      { id: 'gz-monthly-dibao', label: '月低保标准', value: 1330, unit: '元/月', pack: 'gz-songwennuan' },
    ]);
    expect(() => resolvePacks(['km-wuhua-2023'], DIBAO_SET)).toThrow('所选规则包没有参数“gz-monthly-dibao”');
  });

  it('never changes the packs themselves', () => {
    resolvePacks(['gz-zengcheng-2023'], DIBAO_SET).rules[0].rule.severity = 'info';
    expect(getPack('gz-songwennuan')?.parameters?.[0].value).toBeNull();
    expect(resolvePacks(['gz-zengcheng-2023']).rules[0].rule.severity).toBe('error');
  });

  describe('with packs of one’s own', () => {
    const band = (pack: string, category: string, max: number) => ({
      id: `${pack}/band`, kind: 'amountBand' as const, severity: 'error' as const, category, max, description: `${max}`,
    });
    const pack = (id: string, includes: string[], rules: Pack['rules'], categories: Pack['categories'] = []): Pack => ({
      id, name: id, source: id, includes, categories, rules,
    });
    const cat = { id: 'relief', label: '救助', aliases: [], keywords: ['救助'] };

    it('a cycle of includes resolves once, and only the pack asked for overrides the other', () => {
      const library = new Map<string, Pack>([
        ['city', pack('city', ['district'], [band('city', 'relief', 3000)], [cat])],
        ['district', pack('district', ['city'], [band('district', 'relief', 5000)], [cat])],
      ]);
      const resolved = resolvePacks(['district'], {}, library);
      expect(resolved.packs).toEqual(['district', 'city']);
      expect(resolved.rules.map((r) => r.rule.id)).toEqual(['district/band']);
    });

    it('two packs asked for side by side both apply', () => {
      const library = new Map<string, Pack>([
        ['a', pack('a', [], [band('a', 'relief', 3000)], [cat])],
        ['b', pack('b', [], [band('b', 'relief', 5000)], [cat])],
      ]);
      expect(resolvePacks(['a', 'b'], {}, library).rules.map((r) => r.rule.id)).toEqual(['a/band', 'b/band']);
    });

    it('a rule that names a category no pack defines is an error', () => {
      const library = new Map<string, Pack>([['a', pack('a', [], [band('a', 'missing', 3000)])]]);
      expect(() => resolvePacks(['a'], {}, library)).toThrow('引用的类别“missing”在所选规则包中没有定义');
    });
  });
});
