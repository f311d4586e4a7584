import { parseActual, parseTarget, parseTimeliness } from '../../src/core/parse/target';

describe('parseTarget: the declared 年度指标值 of an indicator', () => {
  it('a target of 3100人 is 3100 people, the comparison left to the indicator’s type', () => {
    expect(parseTarget('3100人')).toEqual({ kind: 'quantitative', comparator: null, value: 3100, unit: '人' });
  });

  it('a satisfaction target typed as 0.93 is the bare number 0.93', () => {
    expect(parseTarget('0.93')).toEqual({ kind: 'quantitative', comparator: null, value: 0.93, unit: null });
  });

  it('a satisfaction target stored as 0.93 in a number cell is the same', () => {
    expect(parseTarget(0.93)).toEqual({ kind: 'quantitative', comparator: null, value: 0.93, unit: null });
  });

  it('a target cell of 0.8 with a percentage format is 80%', () => {
    expect(parseTarget(0.8, '0%')).toEqual({ kind: 'quantitative', comparator: null, value: 0.8, unit: '%' });
  });

  it('≥90% means at least ninety percent', () => {
    expect(parseTarget('≥90%')).toEqual({ kind: 'quantitative', comparator: '>=', value: 0.9, unit: '%' });
  });

  it('不低于95% means at least ninety-five percent', () => {
    expect(parseTarget('不低于95%')).toEqual({ kind: 'quantitative', comparator: '>=', value: 0.95, unit: '%' });
  });

  it('95%以上 means at least ninety-five percent', () => {
    expect(parseTarget('95%以上')).toEqual({ kind: 'quantitative', comparator: '>=', value: 0.95, unit: '%' });
  });

  it('≤500元/人 caps the cost per person at 500 yuan', () => {
    expect(parseTarget('≤500元/人')).toEqual({ kind: 'quantitative', comparator: '<=', value: 500, unit: '元/人' });
  });

  it('控制在2.2万元以内 caps the cost at 2.2 万元', () => {
    expect(parseTarget('控制在2.2万元以内')).toEqual({ kind: 'quantitative', comparator: '<=', value: 2.2, unit: '万元' });
  });

  it('full-width signs and digits, ＞３０００人, read as more than 3000 people', () => {
    expect(parseTarget('＞３０００人')).toEqual({ kind: 'quantitative', comparator: '>', value: 3000, unit: '人' });
  });

  const words: Array<[string, string]> = [
    ['不少于200人', '>='], ['大于等于200人', '>='], ['达到200人', '>='], ['至少200人', '>='], ['≧200人', '>='],
    ['高于200人', '>'], ['大于200人', '>'], ['超过200人', '>'],
    ['不高于200人', '<='], ['不超过200人', '<='], ['不大于200人', '<='], ['小于等于200人', '<='],
    ['200人以内', '<='], ['200人以下', '<='], ['≦200人', '<='], ['＜200人', '<'],
    ['低于200人', '<'], ['小于200人', '<'], ['等于200人', '='], ['为200人', '='], ['＝200人', '='],
  ];
  it.each(words)('%s states the comparison %s', (text, comparator) => {
    expect(parseTarget(text)).toEqual({ kind: 'quantitative', comparator, value: 200, unit: '人' });
  });

  it('a grant band typed 1000-5000元 runs from 1000 to 5000 yuan', () => {
    expect(parseTarget('1000-5000元')).toEqual({ kind: 'quantitative', comparator: null, value: 1000, upper: 5000, unit: '元' });
  });

  it('the band typed with a wave dash or 至 reads the same', () => {
    const band = { kind: 'quantitative', comparator: null, value: 1000, upper: 5000, unit: '元' };
    expect(parseTarget('1000～5000元')).toEqual(band);
    expect(parseTarget('1000至5000元')).toEqual(band);
    expect(parseTarget('1,000元-5,000元')).toEqual(band);
  });

  it('a short label before an explicit sign, 满意度≥90%, is still read', () => {
    expect(parseTarget('满意度≥90%')).toEqual({ kind: 'quantitative', comparator: '>=', value: 0.9, unit: '%' });
  });

  it('2019年完成 is a deadline in 2019', () => {
    expect(parseTarget('2019年完成')).toEqual({ kind: 'timeliness', year: 2019 });
  });

  it('2023年12月底前完成 is a deadline at the end of December 2023', () => {
    expect(parseTarget('2023年12月底前完成')).toEqual({ kind: 'timeliness', year: 2023, month: 12 });
  });

  it('2023年6月30日前 is a deadline on 30 June 2023', () => {
    expect(parseTarget('2023年6月30日前')).toEqual({ kind: 'timeliness', year: 2023, month: 6, day: 30 });
  });

  it('a target cell holding a date is a deadline on that day', () => {
    expect(parseTarget(45291, 'yyyy/m/d')).toEqual({ kind: 'timeliness', year: 2023, month: 12, day: 31 });
  });

  it('a cost standard written as a sentence with several figures is left as text, not guessed', () => {
    expect(parseTarget('严格按规定200元/人，慰问3000人，需资金600，000元.')).toEqual({
      kind: 'qualitative',
      text: '严格按规定200元/人,慰问3000人,需资金600,000元.',
    });
  });

  it('a benefit statement is qualitative text', () => {
    expect(parseTarget(' 帮助困难职工\u3000解困脱困 ')).toEqual({ kind: 'qualitative', text: '帮助困难职工 解困脱困' });
  });

  it('a label without a sign, 满意度90%, is not guessed', () => {
    expect(parseTarget('满意度90%')).toEqual({ kind: 'qualitative', text: '满意度90%' });
  });

  it('contradictory wording, 低于5%以上, is not guessed', () => {
    expect(parseTarget('低于5%以上')).toEqual({ kind: 'qualitative', text: '低于5%以上' });
  });

  it('an empty target cell, an empty string or spaces have no target', () => {
    expect(parseTarget(null)).toBeNull();
    expect(parseTarget('')).toBeNull();
    expect(parseTarget(' \u3000 ')).toBeNull();
  });

  it('a target cell showing #REF! or #DIV/0! has no target', () => {
    expect(parseTarget({ error: '#REF!' })).toBeNull();
    expect(parseTarget({ error: '#DIV/0!' })).toBeNull();
  });
});

describe('parseTimeliness: deadlines and completion dates', () => {
  it.each([
    ['2019年', { kind: 'timeliness', year: 2019 }],
    ['于2019年底前完成', { kind: 'timeliness', year: 2019 }],
    ['2023年1-12月', { kind: 'timeliness', year: 2023, month: 12 }],
    ['2023年上半年完成', { kind: 'timeliness', year: 2023, month: 6 }],
    ['2023年第三季度', { kind: 'timeliness', year: 2023, month: 9 }],
    ['2023-05-01前完成', { kind: 'timeliness', year: 2023, month: 5, day: 1 }],
    ['2023/5/1', { kind: 'timeliness', year: 2023, month: 5, day: 1 }],
  ])('%s is read as a deadline', (text, expected) => {
    expect(parseTimeliness(text)).toEqual(expected);
  });

  it('a month that does not exist is no deadline', () => {
    expect(parseTimeliness('2023年13月完成')).toBeNull();
    expect(parseTimeliness('2023年2月30日前')).toBeNull();
  });

  it('a number of years is a duration, not a deadline', () => {
    expect(parseTimeliness('3年')).toBeNull();
  });

  it('a year followed by other text is not a deadline', () => {
    expect(parseTimeliness('2019年慰问3000人')).toBeNull();
  });
});

describe('parseActual: the 实际完成值 an officer reports', () => {
  it('3000人 is 3000 people', () => {
    expect(parseActual('3000人')).toEqual({ kind: 'quantitative', value: 3000, unit: '人' });
  });

  it('an actual of 98.44% is the fraction 0.9844', () => {
    expect(parseActual('98.44%')).toEqual({ kind: 'quantitative', value: 0.9844, unit: '%' });
  });

  it('an actual stored as 0.93 is 0.93', () => {
    expect(parseActual(0.93)).toEqual({ kind: 'quantitative', value: 0.93, unit: null });
  });

  it('an actual of 0.95 in a percentage cell is 95%', () => {
    expect(parseActual(0.95, '0.00%')).toEqual({ kind: 'quantitative', value: 0.95, unit: '%' });
  });

  it('实际完成3000人 is 3000 people', () => {
    expect(parseActual('实际完成3000人')).toEqual({ kind: 'quantitative', value: 3000, unit: '人' });
  });

  it('98%以上 reads as the 98% that was at least achieved', () => {
    expect(parseActual('98%以上')).toEqual({ kind: 'quantitative', value: 0.98, unit: '%' });
  });

  it('2019年完成 was done in 2019', () => {
    expect(parseActual('2019年完成')).toEqual({ kind: 'timeliness', year: 2019 });
  });

  it('2019年12月完成 was done in December 2019', () => {
    expect(parseActual('2019年12月完成')).toEqual({ kind: 'timeliness', year: 2019, month: 12 });
  });

  it('a completion date typed 2023-05-01 or stored as a date cell is that day', () => {
    const day = { kind: 'timeliness', year: 2023, month: 5, day: 1 };
    expect(parseActual('2023-05-01')).toEqual(day);
    expect(parseActual(45047, 'yyyy-mm-dd')).toEqual(day);
  });

  it('a large count with no format is a count, not a date', () => {
    expect(parseActual(45047)).toEqual({ kind: 'quantitative', value: 45047, unit: null });
  });

  it('a band is not one achieved figure and stays text', () => {
    expect(parseActual('1000-5000元')).toEqual({ kind: 'qualitative', text: '1000-5000元' });
  });

  it('a description of what was done is qualitative text', () => {
    expect(parseActual('已按照预期完成当年目标')).toEqual({ kind: 'qualitative', text: '已按照预期完成当年目标' });
  });

  it('empty cells and error values have no actual', () => {
    expect(parseActual(null)).toBeNull();
    expect(parseActual('  ')).toBeNull();
    expect(parseActual({ error: '#REF!' })).toBeNull();
    expect(parseActual({ error: '#DIV/0!' })).toBeNull();
  });
});
