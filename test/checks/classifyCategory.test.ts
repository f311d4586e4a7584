import { classifyCategory } from '../../src/core/checks/runChecks';
import { resolvePacks } from '../../src/core/rules/resolvePacks';

const label = (packs: string[], text: string | null): string | null =>
  classifyCategory(text, resolvePacks(packs).categories)?.label ?? null;

describe('classifying a 类型 text', () => {
  it('季度, 生活困难救助 and 季度救助（第二季度） are all 季度救助 under 增城', () => {
    for (const text of ['季度', '生活困难救助', '季度救助（第二季度）', '季度救助 ']) {
      expect(label(['gz-zengcheng-2023'], text)).toBe('季度救助');
    }
  });

  it('紧急救助金 is 紧急救助, and 慰问金 falls to 广州’s 送温暖慰问金', () => {
    expect(label(['gz-zengcheng-2023'], '紧急救助金')).toBe('紧急救助');
    expect(label(['gz-zengcheng-2023'], '慰问金')).toBe('送温暖慰问金');
  });

  it('临时救助 is its own category under 昆明, not an emergency grant', () => {
    expect(label(['km-songwennuan-2019'], '临时救助')).toBe('临时救助');
    expect(label(['km-songwennuan-2019', 'gz-zengcheng-2023'], '临时救助')).toBe('临时救助');
  });

  it('五一, 劳动节 and 环卫 all mean the May Day visit of sanitation workers under 五华', () => {
    for (const text of ['五一', '劳动节', '环卫', '五一劳动节送温暖慰问', '环卫工人']) {
      expect(label(['km-wuhua-2023'], text)).toBe('五一劳动节慰问一线职工（环卫工人）');
    }
  });

  it('full-width text and stray spaces are read like the plain form', () => {
    expect(label(['km-songwennuan-2019'], '　大病 救助')).toBe('大病救助');
  });

  it('an unknown or empty 类型 is no category', () => {
    expect(label(['gz-zengcheng-2023'], '困难补助')).toBeNull();
    expect(label(['gz-zengcheng-2023'], '')).toBeNull();
    expect(label(['gz-zengcheng-2023'], null)).toBeNull();
  });
});
