/**
 * 生成报告 in Excel (issue 16): the Office host, on the strict fake, writes the draft as the printable
 * 自评报告（草稿） sheet, and a re-run — after 评分, after the officer typed into the 【待填写】 places —
 * replaces only that sheet and keeps what they typed.
 */
import { buildKunming2019SelfEvaluation } from '../../../examples/workbooks/kunming-2019-self-evaluation';
import { generateReport } from '../../../src/app/generateReport';
import { scoreWorkbook } from '../../../src/app/scoreWorkbook';
import { REPORT_SHEET } from '../../../src/core/output/reportSheet';
import { FakeExcel } from '../../support/fakeExcel';
import { officeHostOn, xlsxHostOf } from './officeFixtures';

async function kunmingInExcel(api = '1.20'): Promise<FakeExcel> {
  const xlsx = await xlsxHostOf(buildKunming2019SelfEvaluation());
  return FakeExcel.fromSnapshot(await xlsx.read(), { api });
}

/** Column A of the report sheet, row by row, as the officer reads it. */
function columnA(excel: FakeExcel): string[] {
  const ws = excel.model.sheet(REPORT_SHEET);
  const out: string[] = [];
  for (let r = 0; r < 400; r++) out.push(String(ws.value(r, 0) ?? ''));
  return out;
}

describe('生成报告 on the Office host', () => {
  test('writes 自评报告（草稿） after the officer\'s sheet: title, the eight headings, 97.54 against 100, the tables, A4 portrait', async () => {
    const excel = await kunmingInExcel();
    const host = officeHostOn(excel);
    const result = await generateReport(host, {}, { writeSheet: true });
    expect(result.sheet).toBe(REPORT_SHEET);
    expect(excel.model.names()).toEqual(['项目支出绩效自评表', REPORT_SHEET, '_jixiao_state']);
    const text = columnA(excel);
    expect(text[0]).toBe('昆明市总工会送温暖专项资金绩效自评报告');
    const headings = ['一、基本情况', '二、绩效评价工作开展情况', '三、综合评价情况及评价结论', '四、绩效评价指标分析', '五、主要经验及做法', '六、存在的问题及原因分析', '七、有关建议', '八、其他需要说明的问题'];
    const at = headings.map((h) => text.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('\u3000\u3000单位自评总得分 100 分，比按实际完成值计算的 97.54 分高 2.46 分。');
    // The 评价情况总表 is laid out in cells below its caption.
    const ws = excel.model.sheet(REPORT_SHEET);
    const caption = text.findIndex((t) => t.endsWith('评价情况总表'));
    expect([1, 2, 3, 4].map((k) => [0, 1, 2, 3].map((c) => String(ws.value(caption + k, c))))).toEqual([
      ['一级指标', '分值', '得分', '得分率'],
      ['预算执行率', '10', '10', '100.00%'],
      ['产出指标', '50', '47.54', '95.08%'],
      ['效益指标', '30', '30', '100.00%'],
    ]);
    // 【待填写】 places are highlighted as in the .docx; the page is A4 portrait, one page wide.
    const placeholder = text.findIndex((t) => t.startsWith('\u3000\u3000【待填写】'));
    expect(excel.model.cell(REPORT_SHEET, `A${placeholder + 1}`).format.fill).toMatchObject({ color: '#FFFF00' });
    // The page numbers every own sheet prints with (PAGE_FOOTER), this one on A4 portrait.
    expect(ws.pageLayout).toEqual({ orientation: 'Portrait', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerFooter: '第 &P 页，共 &N 页' });
    expect(ws.rowHeights.get(placeholder)).toBeGreaterThan(15);
  });

  test('re-run after 评分 and after the officer typed into two places: only the report sheet is rewritten, and their text is kept', async () => {
    const excel = await kunmingInExcel();
    const host = officeHostOn(excel);
    await generateReport(host, {}, { writeSheet: true });
    const outcome = await scoreWorkbook(host, {});
    expect(outcome.status).toBe('scored');
    // 评分 leaves the report sheet alone.
    expect(excel.model.names()).toEqual(expect.arrayContaining([REPORT_SHEET, '绩效目标']));

    const text = columnA(excel);
    const experience = text.findIndex((t) => t.includes('【待填写】项目实施中行之有效的经验和做法'));
    const project = text.findIndex((t) => t.includes('主管部门：行政政法处'));
    const background = text.findIndex((t) => t.includes('【待填写】项目背景'));
    excel.model.setValue(REPORT_SHEET, `A${experience + 1}`, '\u3000\u3000实行实名制打卡发放，慰问金直达职工账户；节前集中走访 86 户。');
    excel.model.setValue(REPORT_SHEET, `A${background + 1}`, '为落实市委、市政府关爱困难职工的部署，市总工会设立送温暖专项资金。');
    const before = excel.model.cell('项目支出绩效自评表', 'B3').value;

    const again = await generateReport(host, {}, { writeSheet: true });
    const after = columnA(excel);
    expect(after).toContain('\u3000\u3000实行实名制打卡发放，慰问金直达职工账户；节前集中走访 86 户。');
    expect(after).toContain('\u3000\u3000为落实市委、市政府关爱困难职工的部署，市总工会设立送温暖专项资金。');
    expect(after[project]).toContain('主管部门：行政政法处');
    // The officer's text is no longer a placeholder: not highlighted, and in the .docx draft too.
    const row = after.indexOf('\u3000\u3000实行实名制打卡发放，慰问金直达职工账户；节前集中走访 86 户。');
    expect(excel.model.cell(REPORT_SHEET, `A${row + 1}`).format.fill).toBeFalsy();
    const experienceBlock = again.draft.sections[4].blocks[0];
    expect(experienceBlock).toMatchObject({ kind: 'paragraph', runs: [{ kind: 'placeholder', text: '实行实名制打卡发放，慰问金直达职工账户；节前集中走访 86 户。' }] });
    // One report sheet, the scored sheet still there, the officer's own sheet untouched.
    expect(excel.model.names().filter((n) => n.startsWith('自评报告'))).toEqual([REPORT_SHEET]);
    expect(excel.model.names()).toContain('绩效目标');
    expect(excel.model.cell('项目支出绩效自评表', 'B3').value).toEqual(before);
  });

  test('without ExcelApi 1.9 the sheet is still written, printed with Excel\'s page defaults', async () => {
    const excel = await kunmingInExcel('1.7');
    await generateReport(officeHostOn(excel), {}, { writeSheet: true });
    expect(excel.model.sheet(REPORT_SHEET).pageLayout).toEqual({});
    expect(columnA(excel)[0]).toBe('昆明市总工会送温暖专项资金绩效自评报告');
  });
});
