import { parseNumber } from '../../src/core/parse/number';

describe('parseNumber: amounts and counts stored as numbers or typed as text', () => {
  it('a budget stored as a number is that number', () => {
    expect(parseNumber(6000000)).toBe(6000000);
  });

  it('a budget typed as text with thousands separators, 6,000,000.00, reads as six million', () => {
    expect(parseNumber('6,000,000.00')).toBe(6000000);
  });

  it('an amount typed with a full-width comma, 600，000, reads as six hundred thousand', () => {
    expect(parseNumber('600，000')).toBe(600000);
  });

  it('an amount typed in full-width digits, ２００, reads as two hundred', () => {
    expect(parseNumber('２００')).toBe(200);
  });

  it('a satisfaction rate typed as 0.93 reads as 0.93', () => {
    expect(parseNumber('0.93')).toBe(0.93);
  });

  it('an execution rate typed as 98.44% reads as the fraction 0.9844', () => {
    expect(parseNumber('98.44%')).toBe(0.9844);
  });

  it('a percentage with a full-width percent sign and a space reads the same', () => {
    expect(parseNumber('98.44 ％')).toBe(0.9844);
  });

  it('a refund written in accounting style, (1,200.00), is negative', () => {
    expect(parseNumber('(1,200.00)')).toBe(-1200);
  });

  it('leading plus and minus signs, including the full-width minus, are kept', () => {
    expect(parseNumber('+15')).toBe(15);
    expect(parseNumber('-15')).toBe(-15);
    expect(parseNumber('－15')).toBe(-15);
  });

  it('a yuan sign before an amount is ignored', () => {
    expect(parseNumber('￥1,648,000.00')).toBe(1648000);
  });

  it('stray and full-width spaces around a number are ignored', () => {
    expect(parseNumber('  3100\u3000')).toBe(3100);
  });

  it('a count with its unit, 3100人, is not a bare number (parseQuantity reads it)', () => {
    expect(parseNumber('3100人')).toBeNull();
  });

  it('digits grouped other than by thousands are not taken for a number', () => {
    expect(parseNumber('6,00,000')).toBeNull();
  });

  it('an empty cell, an empty string and a cell of spaces are not numbers', () => {
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber(' \u3000 ')).toBeNull();
  });

  it('a broken reference #REF! and a division by zero #DIV/0! are not numbers', () => {
    expect(parseNumber({ error: '#REF!' })).toBeNull();
    expect(parseNumber({ error: '#DIV/0!' })).toBeNull();
  });

  it('TRUE and FALSE are not numbers', () => {
    expect(parseNumber(true)).toBeNull();
    expect(parseNumber(false)).toBeNull();
  });

  it('NaN and infinity never leak out as numbers', () => {
    expect(parseNumber(Number.NaN)).toBeNull();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseNumber('1e999')).toBeNull();
  });

  it('a percentage cell already holds its fraction, so its format does not change it', () => {
    expect(parseNumber(0.8, '0.00%')).toBe(0.8);
  });

  it('a dash meaning "nothing" is not a number', () => {
    expect(parseNumber('-')).toBeNull();
    expect(parseNumber('—')).toBeNull();
  });
});
