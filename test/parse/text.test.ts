import { cellText, normalizeName, normalizeText } from '../../src/core/parse/text';

describe('normalizeText: text as finance staff type it', () => {
  it('full-width digits, letters and punctuation read as their half-width forms', () => {
    expect(normalizeText('２００人，ＡＢ（一）')).toBe('200人,AB(一)');
  });

  it('a full-width space between words is an ordinary space', () => {
    expect(normalizeText('节日\u3000送温暖')).toBe('节日 送温暖');
  });

  it('stray spaces, non-breaking spaces and line breaks inside a cell collapse to one space', () => {
    expect(normalizeText('  送温暖人数根据\n实际\u00a0\u00a0统计  ')).toBe('送温暖人数根据 实际 统计');
  });

  it('a cell holding only spaces is empty', () => {
    expect(normalizeText(' \u3000 \n')).toBe('');
  });

  it('zero-width characters pasted from a web page disappear', () => {
    expect(normalizeText('大病\u200b救助\ufeff')).toBe('大病救助');
  });
});

describe('normalizeName: joining indicator names across tables', () => {
  it('the same indicator typed with spaces and full-width brackets matches the one typed without', () => {
    expect(normalizeName('节日送温暖 慰问（人数）')).toBe(normalizeName('节日送温暖慰问(人数)'));
  });

  it('Chinese punctuation, quotes and dashes do not split a name', () => {
    expect(normalizeName('“职工·技能”培训—【补助】、《计划》；')).toBe(normalizeName('职工技能培训补助计划'));
  });

  it('latin letters match regardless of case', () => {
    expect(normalizeName('ＰＰＰ项目 Ab')).toBe('ppp项目ab');
  });

  it('different indicators stay different', () => {
    expect(normalizeName('大病救助')).not.toBe(normalizeName('临时救助'));
  });
});

describe('cellText: a cell as the user reads it', () => {
  it('an empty cell reads as nothing', () => {
    expect(cellText(null)).toBe('');
  });

  it('an empty string reads as nothing', () => {
    expect(cellText('')).toBe('');
  });

  it('text is returned as typed', () => {
    expect(cellText(' 3100人 ')).toBe(' 3100人 ');
  });

  it('a budget of six million reads without an exponent', () => {
    expect(cellText(6000000)).toBe('6000000');
  });

  it('a very small or very large number still reads in plain digits', () => {
    expect(cellText(1e-7)).toBe('0.0000001');
    expect(cellText(1.5e21)).toBe('1500000000000000000000');
  });

  it('floating-point noise reads the way Excel shows it, to 15 significant digits', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
  });

  it('a percentage stored as a fraction reads as the fraction', () => {
    expect(cellText(0.9844)).toBe('0.9844');
  });

  it('booleans read TRUE and FALSE as Excel shows them', () => {
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(false)).toBe('FALSE');
  });

  it('a broken reference reads as #REF! and a division by zero as #DIV/0!', () => {
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
    expect(cellText({ error: '#DIV/0!' })).toBe('#DIV/0!');
  });
});
