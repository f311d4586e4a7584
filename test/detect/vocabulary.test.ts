/**
 * Every entry of src/core/detect/vocabulary.json does what it says, so a province's wording can be
 * added as data and this file tells at once whether the new word reads as intended.
 */
import { classifyHeader, statedUnits } from '../../src/core/detect/columnKinds';
import { isSelfTotalLabel, isTotalLabel, VOCABULARY } from '../../src/core/detect/vocabulary';

const words = VOCABULARY.columns.flatMap((c) => c.words.map((w) => [c.kind, w] as const));
const notWords = VOCABULARY.columns.flatMap((c) => (c.not ?? []).map((w) => [c.kind, w] as const));

describe('the header vocabulary', () => {
  it.each(words)('a header reading only the word for %s, “%s”, is read as that column', (kind, word) => {
    expect(classifyHeader(word)?.kind).toBe(kind);
  });

  it.each(words)('the %s word “%s” still reads so with a unit and a line break in the header', (kind, word) => {
    expect(classifyHeader(`${word.slice(0, 1)}\n${word.slice(1)}（万元）`)?.kind).toBe(kind);
  });

  it.each(notWords)('a header “%2$s” is never read as %1$s', (kind, word) => {
    expect(classifyHeader(word)?.kind).not.toBe(kind);
  });

  it.each(VOCABULARY.totalRows)('a row labelled “%s” is a total row', (label) => {
    expect(isTotalLabel(label)).toBe(true);
    expect(isTotalLabel(` ${label}：`)).toBe(true);
  });

  it.each(VOCABULARY.selfTotalLabels)('“%s” beside a figure is the unit’s own total score', (label) => {
    expect(isSelfTotalLabel(label)).toBe(true);
  });

  it.each(VOCABULARY.units.map((u) => [u.marker, u] as const))('a header stating （%s） gives its unit', (marker, u) => {
    const stated = statedUnits(`执行数（${marker}）`);
    if ('scale' in u) {
      expect(stated.scale).toBe(u.scale);
      expect(stated.moneyUnit).toBe(marker);
    } else expect(stated.unit).toBe(u.unit);
    expect(statedUnits(`单位：${marker}`)).toEqual(stated);
  });

  it('words inside words: 评分要点, 评分说明 and 评分标准 are criteria, never the 评分 score column', () => {
    for (const h of ['评分要点', '评分说明', '评分标准']) expect(classifyHeader(h)?.kind).toBe('criteria');
    expect(classifyHeader('评分')?.kind).toBe('score');
  });

  it('last year’s columns are their own kind, never this year’s target or actual', () => {
    expect(classifyHeader('上年指标值')?.kind).toBe('lastYearTarget');
    expect(classifyHeader('上年完成值')?.kind).toBe('lastYearActual');
    expect(classifyHeader('年度指标值')?.kind).toBe('target');
  });

  it('总分值 (the weights’ total) is neither a score nor a weight column, and not a total row label', () => {
    expect(classifyHeader('总分值')).toBeNull();
    expect(isTotalLabel('总分值')).toBe(false);
  });
});
