import { levelLabel, parseLevel, type Level } from '../../src/core/parse/qualitative';

describe('parseLevel: the evaluator’s verdict on a qualitative indicator', () => {
  const cases: Array<[string, Level]> = [
    ['达成年度指标', 'achieved'],
    ['部分达成年度指标并具有一定效果', 'partial'],
    ['未达成年度指标且效果较差', 'notAchieved'],
    ['达成', 'achieved'],
    ['部分达成', 'partial'],
    ['未达成', 'notAchieved'],
    ['已完成', 'achieved'],
    ['完成', 'achieved'],
    ['基本完成', 'partial'],
    ['基本达成', 'partial'],
    ['未完成', 'notAchieved'],
    ['优', 'achieved'],
    ['良', 'partial'],
    ['中', 'partial'],
    ['差', 'notAchieved'],
  ];
  it.each(cases)('an evaluator who writes %s means %s', (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });

  it('未达成 and 部分达成 are not mistaken for 达成, although they contain it', () => {
    expect(parseLevel('未达成')).not.toBe('achieved');
    expect(parseLevel('部分达成')).not.toBe('achieved');
  });

  it('spaces, full-width spaces and punctuation around the verdict do not matter', () => {
    expect(parseLevel(' 部分达成年度指标，并具有一定效果。')).toBe('partial');
    expect(parseLevel('\u3000达成\u3000')).toBe('achieved');
  });

  it('a sentence that merely mentions completion is not a verdict', () => {
    expect(parseLevel('严格按照要求完成指标')).toBeNull();
    expect(parseLevel('')).toBeNull();
  });

  it('each level has the full wording of the 自评表', () => {
    expect(levelLabel('achieved')).toBe('达成年度指标');
    expect(levelLabel('partial')).toBe('部分达成年度指标并具有一定效果');
    expect(levelLabel('notAchieved')).toBe('未达成年度指标且效果较差');
  });

  it('every full wording reads back as its own level', () => {
    for (const level of ['achieved', 'partial', 'notAchieved'] as const) {
      expect(parseLevel(levelLabel(level))).toBe(level);
    }
  });
});
