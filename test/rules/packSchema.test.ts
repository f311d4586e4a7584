import fc from 'fast-check';
import { validatePack } from '../../src/core/rules/packSchema';
import { listPacks } from '../../src/core/rules/resolvePacks';

const minimal = () => ({
  id: 'test-pack',
  name: '测试规则包',
  source: '测试办法',
  categories: [{ id: 'quarterly', label: '季度救助', aliases: ['季度'], keywords: ['季度'] }],
  rules: [
    {
      id: 'test-pack/quarterly-band',
      kind: 'amountBand',
      severity: 'error',
      category: 'quarterly',
      min: 400,
      max: 600,
      description: '季度救助400-600元（测试办法）。',
    },
  ],
});

describe('rule pack schema', () => {
  it('every built-in pack is valid', () => {
    for (const pack of listPacks()) expect(validatePack(pack)).toEqual({ ok: true, pack });
  });

  it('a minimal pack with one 400–600 元 band is valid', () => {
    expect(validatePack(minimal()).ok).toBe(true);
  });

  it('a band whose 下限 700 is above its 上限 600 is refused, naming the rule', () => {
    const pack = minimal();
    pack.rules[0].min = 700;
    const result = validatePack(pack);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('rules[0]：下限 700 大于上限 600') });
  });

  it('a fixed amount together with a range is refused', () => {
    const pack = { ...minimal(), rules: [{ ...minimal().rules[0], fixed: 500 }] };
    expect(validatePack(pack)).toEqual({ ok: false, message: expect.stringContaining('固定额与上下限只能填一种') });
  });

  it('a misspelt parameter (maxx) is refused instead of silently ignored', () => {
    const pack = { ...minimal(), rules: [{ ...minimal().rules[0], maxx: 600 }] };
    expect(validatePack(pack)).toEqual({ ok: false, message: expect.stringContaining('maxx') });
  });

  it('an unknown rule kind is refused with the kinds that exist', () => {
    const pack = { ...minimal(), rules: [{ ...minimal().rules[0], kind: 'amountRange' }] };
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('amountBand');
  });

  it('a rule id that does not start with its pack id, or repeats, is refused', () => {
    const pack = { ...minimal(), rules: [{ ...minimal().rules[0], id: 'other/quarterly-band' }] };
    expect(validatePack(pack)).toEqual({ ok: false, message: expect.stringContaining('应以“test-pack/”开头') });
    const twice = { ...minimal(), rules: [minimal().rules[0], minimal().rules[0]] };
    expect(validatePack(twice)).toEqual({ ok: false, message: expect.stringContaining('重复') });
  });

  it('a 身份证号 rule asking for a column that does not exist is refused', () => {
    const pack = { ...minimal(), rules: [{ id: 'test-pack/required', kind: 'requiredFields', severity: 'error', description: '必填', fields: ['phone'] }] };
    expect(validatePack(pack).ok).toBe(false);
  });

  it('refuses any malformed pack with a Chinese message that names the problem, never throwing', () => {
    type Mutation = (p: Record<string, unknown>) => unknown;
    const wrong = fc.oneof(fc.integer(), fc.constant(null), fc.constant({}), fc.constant(''));
    const mutations: fc.Arbitrary<Mutation> = fc.oneof(
      fc.constantFrom('id', 'name', 'source', 'categories', 'rules').map((key): Mutation => (p) => {
        const copy = { ...p };
        delete copy[key];
        return copy;
      }),
      fc.tuple(fc.constantFrom('id', 'name', 'source', 'categories', 'rules'), wrong).map(
        ([key, value]): Mutation => (p) => ({ ...p, [key]: value }),
      ),
      fc.constantFrom('1850', 1.5, -1).map((year): Mutation => (p) => ({ ...p, year })),
      fc.tuple(
        fc.constantFrom('severity', 'kind', 'min', 'max', 'description', 'id'),
        fc.constantFrom(-1, null, [], '', 'fatal', 'no-slash'),
      )
        .filter(([key, value]) => !(key === 'description' && typeof value === 'string' && value !== ''))
        .map(([key, value]): Mutation => (p) => ({ ...p, rules: [{ ...minimal().rules[0], [key]: value }] })),
    );
    fc.assert(
      fc.property(mutations, (mutate) => {
        const result = validatePack(mutate(minimal()));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.message).toMatch(/^规则包(“test-pack”)?格式错误：.+。$/);
      }),
    );
    for (const junk of [null, 42, 'pack', [], {}]) expect(validatePack(junk).ok).toBe(false);
  });
});
