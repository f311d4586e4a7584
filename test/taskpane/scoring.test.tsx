/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import './jsdomShims';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Report } from '../../src/core/report/report';
import { HeldHost, KUNMING, findResults, openSample, renderPane, sheetNames } from './paneHarness';

describe('评分 in the task pane, on the 2019 昆明 self-evaluation', () => {
  it('clicking 评分 shows 97.54, 优, the 评价情况 and that the self-reported 100 is higher than the computed 97.54', async () => {
    const host = await openSample(KUNMING);
    const scored: Report[] = [];
    await renderPane({ host, onScored: (r) => scored.push(r) });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();

    expect(screen.getByTestId('total-score').textContent).toBe('97.54');
    expect(screen.getByTestId('grade').textContent).toBe('优');
    const summary = screen.getByTestId('summary');
    const budgetRow = within(summary).getByText('预算执行率').closest('tr')!;
    expect(within(budgetRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['预算执行率', '10.00', '10.00', '100.00%']);
    expect(within(summary).getByText('产出指标').closest('tr')!.textContent).toContain('47.54');
    // Six indicators lost points, each with its explanation.
    const deviations = screen.getAllByTestId('deviation');
    expect(deviations).toHaveLength(6);
    expect(deviations[0].textContent).toContain('节日送温暖慰问');
    expect(deviations[0].textContent).toContain('4.84 / 5.00 分');
    expect(deviations[0].textContent).toContain('送温暖人数根据大病救助实际统计');
    const self = screen.getByTestId('self-score-comparison');
    expect(self.textContent).toContain('100.00');
    expect(self.textContent).toContain('自评总分 100.00 高于计算得分 97.54，偏高 2.46 分');

    expect(scored).toHaveLength(1);
    expect(scored[0].total).toBe(97.54);
    expect(sheetNames(host)).toContain('绩效目标');
    expect(screen.getByTestId('live-region').textContent).toBe('评分完成：总分 97.54，等级 优，异常 7 条。');
  });

  it('works from the keyboard alone: Tab to 评分, Enter, and focus lands on the results heading', async () => {
    const host = await openSample(KUNMING);
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    const button = screen.getByRole('button', { name: '评分' });
    for (let i = 0; i < 40 && document.activeElement !== button; i++) await user.tab();
    expect(document.activeElement).toBe(button);
    await user.keyboard('{Enter}');
    await findResults();
    expect(screen.getByTestId('total-score').textContent).toBe('97.54');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: '评分结果' })));
  });

  it('shows each stage while it runs: 读取 with the sheets read, then 写入', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    await renderPane({ host });
    const releaseRead = host.holdRead();
    const releaseApply = host.holdApply();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '评分' }));

    await waitFor(() => expect(screen.getByTestId('stage').textContent).toBe('读取（第 1/4 步） · 已读取 1/1 张工作表'));
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.getByTestId('live-region').textContent).toContain('读取');
    act(() => releaseRead());
    await waitFor(() => expect(screen.getByTestId('stage').textContent).toBe('写入（第 4/4 步）'));
    act(() => releaseApply());
    await findResults();
    expect(screen.queryByTestId('stage')).toBeNull();
  });

  it('取消 during the run leaves the workbook exactly as it was: no 绩效目标 sheet, nothing applied', async () => {
    const held = new HeldHost(await openSample(KUNMING));
    await renderPane({ host: held });
    const before = sheetNames(held.inner);
    const releaseRead = held.holdRead();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '评分' }));
    await screen.findByTestId('stage');
    await user.click(screen.getByRole('button', { name: '取消' }));
    act(() => releaseRead());

    expect(await screen.findByText('已取消评分，工作簿没有任何改动。')).toBeTruthy();
    expect(held.applied).toHaveLength(0);
    expect(sheetNames(held.inner)).toEqual(before);
    expect(sheetNames(held.inner)).not.toContain('绩效目标');
    expect(screen.queryByTestId('results')).toBeNull();
    // The pane is ready for another try.
    expect((screen.getByRole('button', { name: '评分' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('a table set to 忽略 is left out of the next 评分: with both tables ignored it says, in Chinese, that nothing can be scored', async () => {
    const held = new HeldHost(await openSample(KUNMING));
    await renderPane({ host: held });
    const user = userEvent.setup({ delay: null });
    const budget = screen.getByRole('combobox', { name: '“项目支出绩效自评表”!A5:H9 的用途' });
    const indicators = screen.getByRole('combobox', { name: '“项目支出绩效自评表”!A19:H52 的用途' });
    expect((budget as HTMLSelectElement).value).toBe('budget');
    expect((indicators as HTMLSelectElement).value).toBe('selfEvaluation');
    await user.selectOptions(budget, '忽略');
    await user.selectOptions(indicators, '忽略');
    expect(screen.getAllByText('下次评分时生效')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: '评分' }));

    const bar = await screen.findByTestId('notice-score');
    expect(bar.textContent).toContain('无法评分');
    expect(bar.textContent).toContain('没有找到预算执行表或绩效指标表');
    expect(held.applied).toHaveLength(0);
    expect(sheetNames(held.inner)).not.toContain('绩效目标');
  });

  it('a table set to 忽略 alone: the budget block ignored, the total loses its 10 budget points', async () => {
    const held = new HeldHost(await openSample(KUNMING));
    await renderPane({ host: held });
    const user = userEvent.setup({ delay: null });
    await user.selectOptions(screen.getByRole('combobox', { name: '“项目支出绩效自评表”!A5:H9 的用途' }), '忽略');
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();
    expect(held.applied[0].state.mapping).toEqual([{ sheet: '项目支出绩效自评表', range: 'A5:H9', role: 'ignore' }]);
    expect(screen.getByTestId('total-score').textContent).toBe('87.54');
    expect(within(screen.getByTestId('summary')).queryByText('预算执行率')).toBeNull();
    // The ignored table stays listed, as 忽略, so the choice can be taken back.
    expect((screen.getByRole('combobox', { name: '“项目支出绩效自评表”!A5:H9 的用途' }) as HTMLSelectElement).value).toBe('ignore');
    expect(screen.queryByText('下次评分时生效')).toBeNull();
  });

  it('an unexpected failure becomes a plain message, never a stack trace', async () => {
    const held = new HeldHost(await openSample(KUNMING));
    held.apply = async () => {
      throw new Error('写入失败：磁盘已满\n    at applyPatch (applyPatch.ts:12:3)');
    };
    await renderPane({ host: held });
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '评分' }));
    const bar = await screen.findByTestId('notice-score');
    expect(bar.textContent).toContain('评分时发生意外错误：写入失败：磁盘已满');
    expect(bar.textContent).not.toContain('applyPatch.ts');
    expect((screen.getByRole('button', { name: '评分' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('in en-US the button is “Score” and the results are in English', async () => {
    const host = await openSample(KUNMING);
    await renderPane({ host, locale: 'en-US' });
    expect(screen.queryByRole('button', { name: '评分' })).toBeNull();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Score' }));
    await findResults();
    expect(screen.getByRole('heading', { name: 'Results' })).toBeTruthy();
    expect(screen.getByTestId('total-score').textContent).toBe('97.54');
    expect(screen.getByTestId('self-score-comparison').textContent).toContain('higher than the computed 97.54 by 2.46');
  });
});
