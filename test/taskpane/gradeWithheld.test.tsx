/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import './jsdomShims';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildKunming2019SelfEvaluation } from '../../examples/workbooks/kunming-2019-self-evaluation';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { toBytes } from '../e2e/scoreWorkbook';
import { findResults, renderPane } from './paneHarness';

describe('评分 in the task pane when the weights are far from 100', () => {
  it('shows no grade but 「—（分值合计异常）」, and the weight total as the first anomaly', async () => {
    const wb = buildKunming2019SelfEvaluation();
    // 节日送温暖慰问 weighted 90 instead of 5: the weights sum to 185.
    wb.getWorksheet('项目支出绩效自评表')!.getCell('F20').value = 90;
    const host = await XlsxHost.fromBuffer(await toBytes(wb));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();

    expect(screen.getByTestId('grade').textContent).toBe('—（分值合计异常）');
    expect(screen.getByTestId('live-region').textContent).toMatch(/^评分完成：总分 179\.80，等级 —（分值合计异常），异常 \d+ 条。$/);
    const first = screen.getAllByTestId('anomaly-group')[0];
    expect(first.getAttribute('data-rule')).toBe('weight-total');
    expect(first.textContent).toContain('分值合计异常');
    // Opened (the first 下一条 opens it), its one finding says the whole sentence.
    await user.click(screen.getByRole('button', { name: '下一条' }));
    expect(first.textContent).toContain('全部指标分值（含预算执行率 10 分）合计 185.00 分，应为 100 分，相差超过 5 分，分值合计异常，不评定等级');
  });
});
