import { internalLinkTarget, internalLinkValue } from '../../src/hosts/xlsx/internalLink';

describe('links from the anomaly list to the flagged cell', () => {
  it("quote the sheet name the way Excel references do", () => {
    expect(internalLinkTarget('发放明细', 'G10')).toBe("#'发放明细'!G10");
    expect(internalLinkTarget("王's 表", 'A1')).toBe("#'王''s 表'!A1");
  });

  it('keep long display text within the 255-character limit Excel sets on each literal', () => {
    const text = '说'.repeat(600);
    const value = internalLinkValue('发放明细', 'A1', text);
    if (typeof value !== 'object' || value === null || !('formula' in value) || typeof value.formula !== 'string') {
      throw new Error('expected a formula');
    }
    const literals = value.formula.match(/"(?:[^"]|"")*"/g) ?? [];
    expect(literals.length).toBe(4);
    for (const literal of literals) expect(literal.length - 2).toBeLessThanOrEqual(255);
    expect(value.result).toBe(text);
  });

  it('fall back to plain text when the formula would be longer than Excel allows', () => {
    expect(internalLinkValue('发放明细', 'A1', 'x'.repeat(9000))).toBe('x'.repeat(9000));
  });
});
