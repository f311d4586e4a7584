import { convertQuantity, parseQuantity } from '../../src/core/parse/quantity';

describe('parseQuantity: figures with their units', () => {
  it('a target of 3100人 is 3100 people', () => {
    expect(parseQuantity('3100人')).toEqual({ value: 3100, unit: '人' });
  });

  it('an amount of 2.20万元 is 2.2 in units of ten thousand yuan', () => {
    expect(parseQuantity('2.20万元')).toEqual({ value: 2.2, unit: '万元' });
  });

  it('a rate typed as 98.44% is the fraction 0.9844 in percent', () => {
    expect(parseQuantity('98.44%')).toEqual({ value: 0.9844, unit: '%' });
  });

  it('a number cell shown with a percentage format is a percentage holding its fraction', () => {
    expect(parseQuantity(0.8, '0.00%')).toEqual({ value: 0.8, unit: '%' });
  });

  it('a format that appends a quoted % shows 80 as 80%, which is read as eighty percent; a plain format is no percentage', () => {
    expect(parseQuantity(80, '0"%"')).toEqual({ value: 0.8, unit: '%' });
    expect(parseQuantity(80, '0.00')).toEqual({ value: 80, unit: null });
  });

  it('a number cell whose format appends 人 counts people', () => {
    expect(parseQuantity(3000, '#,##0"人"')).toEqual({ value: 3000, unit: '人' });
  });

  it('a plain number, 0.93, has no unit', () => {
    expect(parseQuantity('0.93')).toEqual({ value: 0.93, unit: null });
    expect(parseQuantity(0.93)).toEqual({ value: 0.93, unit: null });
  });

  it('a per-person standard, 500元/人, keeps its compound unit', () => {
    expect(parseQuantity('500元/人')).toEqual({ value: 500, unit: '元/人' });
  });

  it('a cap per household per year, 6000元/户/年, keeps its compound unit', () => {
    expect(parseQuantity('6,000元/户/年')).toEqual({ value: 6000, unit: '元/户/年' });
  });

  it('approximate and total wording, 约39人 and 共计 1,000 人, reads the figure', () => {
    expect(parseQuantity('约39人')).toEqual({ value: 39, unit: '人' });
    expect(parseQuantity('共计 1,000 人')).toEqual({ value: 1000, unit: '人' });
  });

  it('an amount with a full-width comma, 600，000元, reads as six hundred thousand yuan', () => {
    expect(parseQuantity('600，000元')).toEqual({ value: 600000, unit: '元' });
  });

  it('full-width digits with a unit, ２００人, read as 200 people', () => {
    expect(parseQuantity('２００人')).toEqual({ value: 200, unit: '人' });
  });

  it('an amount of 1.2亿元 is 1.2 in units of a hundred million yuan', () => {
    expect(parseQuantity('1.2亿元')).toEqual({ value: 1.2, unit: '亿元' });
  });

  it('a year, 2019年, is 2019 with the unit 年', () => {
    expect(parseQuantity('2019年')).toEqual({ value: 2019, unit: '年' });
  });

  it('a less common unit such as 名 is accepted', () => {
    expect(parseQuantity('45名')).toEqual({ value: 45, unit: '名' });
  });

  it('a deadline, 2019年完成, is not a quantity', () => {
    expect(parseQuantity('2019年完成')).toBeNull();
  });

  it('a sentence with several figures is not a quantity', () => {
    expect(parseQuantity('严格按规定200元/人，慰问3000人')).toBeNull();
  });

  it('a number followed by long text is not a quantity', () => {
    expect(parseQuantity('3000人次以上职工受益')).toBeNull();
  });

  it('empty cells, spaces, errors and booleans are not quantities', () => {
    expect(parseQuantity(null)).toBeNull();
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity('\u3000')).toBeNull();
    expect(parseQuantity({ error: '#REF!' })).toBeNull();
    expect(parseQuantity({ error: '#DIV/0!' })).toBeNull();
    expect(parseQuantity(true)).toBeNull();
  });

  it('3000余人 reads as about 3000 people', () => {
    expect(parseQuantity('3000余人')).toEqual({ value: 3000, unit: '人' });
  });
});

describe('convertQuantity: reconciling the units of a target and an actual', () => {
  it('2.2万元 is 22,000 元 and back', () => {
    expect(convertQuantity({ value: 2.2, unit: '万元' }, '元')).toBe(22000);
    expect(convertQuantity({ value: 22000, unit: '元' }, '万元')).toBe(2.2);
  });

  it('1.2亿元 is 12,000万元 and 120,000,000元', () => {
    expect(convertQuantity({ value: 1.2, unit: '亿元' }, '万元')).toBe(12000);
    expect(convertQuantity({ value: 1.2, unit: '亿元' }, '元')).toBe(120000000);
  });

  it('a quantity in its own unit is unchanged', () => {
    expect(convertQuantity({ value: 3000, unit: '人' }, '人')).toBe(3000);
  });

  it('a percentage compared with a bare fraction is that fraction', () => {
    expect(convertQuantity({ value: 0.9844, unit: '%' }, null)).toBe(0.9844);
  });

  it('a bare 0.93 against a percentage target is already a fraction', () => {
    expect(convertQuantity({ value: 0.93, unit: null }, '%')).toBe(0.93);
  });

  it('a bare 95 against a percentage target is percentage points, i.e. 0.95', () => {
    expect(convertQuantity({ value: 95, unit: null }, '%')).toBe(0.95);
  });

  it('名 and 人 both count people', () => {
    expect(convertQuantity({ value: 45, unit: '名' }, '人')).toBe(45);
  });

  it('person-times cannot be compared with people', () => {
    expect(convertQuantity({ value: 412, unit: '人次' }, '人')).toBeNull();
  });

  it('a per-person standard cannot be compared with a total amount', () => {
    expect(convertQuantity({ value: 500, unit: '元/人' }, '元')).toBeNull();
  });

  it('people cannot be compared with a percentage', () => {
    expect(convertQuantity({ value: 3000, unit: '人' }, '%')).toBeNull();
  });

  it('a bare count against a target in people is read as people', () => {
    expect(convertQuantity({ value: 3000, unit: null }, '人')).toBe(3000);
    expect(convertQuantity({ value: 3000, unit: '人' }, null)).toBe(3000);
  });
});
