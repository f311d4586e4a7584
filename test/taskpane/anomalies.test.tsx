/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer } from 'react';
import type { Finding } from '../../src/core/findings';
import { runPipeline } from '../../src/core/pipeline';
import { AnomalySection } from '../../src/taskpane/components/AnomalySection';
import { initialPaneState, paneReducer } from '../../src/taskpane/state/paneState';
import { HeldHost, KUNMING, WUHUA, ZENGCHENG, findResults, openSample, renderPane } from './paneHarness';

function groups() {
  return screen.getAllByTestId('anomaly-group');
}

describe('异常清单 in the task pane', () => {
  it('groups the 昆明 self-scores that are too high under one rule, and an item takes the reviewer to its cell', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();

    const [group] = groups();
    expect(groups()).toHaveLength(1);
    expect(group.getAttribute('data-rule')).toBe('self-score-above-computed');
    expect(within(group).getByTestId('anomaly-count').textContent).toBe('7 条');
    expect(group.textContent).toContain('自评得分高于按实际完成值计算的得分');
    expect(group.textContent).toContain('警告');
    expect(screen.getByRole('button', { name: '警告 7' }).getAttribute('aria-pressed')).toBe('true');

    const items = within(group).getAllByTestId('anomaly-item');
    expect(items).toHaveLength(7);
    const item = items.find((i) => i.textContent?.startsWith('项目支出绩效自评表!G20'))!;
    expect(item.tagName).toBe('BUTTON');
    expect(item.textContent).toContain('值 5');
    expect(item.textContent).toContain('允许 ≤4.84');
    await user.click(item);
    expect(host.selected).toEqual([{ sheet: '项目支出绩效自评表', cell: 'G20' }]);

    // Enter on a focused item does the same.
    items[0].focus();
    await user.keyboard('{Enter}');
    expect(host.selected[1]).toEqual({ sheet: '项目支出绩效自评表', cell: 'D13' });
  });

  it('五华 checked with km-wuhua-2023 chosen in the pane: one group per rule, errors first, and the severity toggles filter them', async () => {
    const host = new HeldHost(await openSample(WUHUA));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('checkbox', { name: /km-wuhua-2023/ }));
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();

    // What the pane lists is exactly what the pipeline finds on the same workbook with the same pack.
    const expected = runPipeline(await (await openSample(WUHUA)).read(), { rules: ['km-wuhua-2023'] }).report.findings;
    const rules = [...new Set(expected.map((f) => f.rule))];
    expect(groups().map((g) => g.getAttribute('data-rule'))).toEqual(rules);
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(expected.length);
    expect(groups()[0].textContent).toContain('错误');
    expect(host.applied[0].state.rules).toEqual(['km-wuhua-2023']);

    const errors = expected.filter((f) => f.severity === 'error').length;
    const warnings = expected.filter((f) => f.severity === 'warning').length;
    await user.click(screen.getByRole('button', { name: `警告 ${warnings}` }));
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(errors);
    await user.click(screen.getByRole('button', { name: `错误 ${errors}` }));
    expect(screen.queryAllByTestId('anomaly-item')).toHaveLength(0);
    expect(screen.getByText('所选严重程度下没有异常。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: `警告 ${warnings}` }));
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(warnings);

    const first = expected.find((f) => f.severity === 'warning' && f.cell)!;
    await user.click(screen.getAllByTestId('anomaly-item').find((i) => i.textContent?.startsWith(`${first.sheet}!${first.cell}`))!);
    expect(host.selected).toEqual([{ sheet: first.sheet, cell: first.cell }]);
  });

  it('增城 checked with gz-zengcheng-2023: a finding about the whole ledger is listed but is not a link to a cell', async () => {
    const host = new HeldHost(await openSample(ZENGCHENG));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('checkbox', { name: /gz-zengcheng-2023/ }));
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();
    expect(screen.getByTestId('total-score').textContent).toBe('90.00');
    const group = groups().find((g) => g.getAttribute('data-rule') === 'gz-songwennuan/dibao-cap')!;
    expect(group.textContent).toContain('提示');
    const [item] = within(group).getAllByTestId('anomaly-item');
    expect(item.tagName).not.toBe('BUTTON');
    expect(item.textContent).toContain('月低保标准');
  });
});

function finding(i: number, severity: Finding['severity'] = 'error'): Finding {
  return { rule: 'demo/amount-band', severity, sheet: '发放明细', cell: `G${i + 2}`, row: i + 2, value: 1000, allowed: '2000–5000', message: `第 ${i + 2} 行金额低于标准` };
}

function moreButton(text: string): HTMLElement {
  const button = screen.getByText(text).closest('button');
  if (!button) throw new Error(`no button “${text}”`);
  return button;
}

function Harness({ findings }: { findings: Finding[] }) {
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  return (
    <FluentProvider theme={webLightTheme}>
      <AnomalySection findings={findings} severities={state.severities} shown={state.shown} dispatch={dispatch} onSelect={() => {}} />
    </FluentProvider>
  );
}

describe('a long 异常清单', () => {
  it('renders 200 items of a group at a time, and 显示更多 shows the next 200', async () => {
    const findings = Array.from({ length: 450 }, (_, i) => finding(i));
    render(<Harness findings={findings} />);
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(200);
    expect(screen.getByTestId('anomaly-count').textContent).toBe('450 条');
    const user = userEvent.setup({ delay: null });
    // getByRole computes every item's accessible name, which takes jsdom seconds per query here.
    await user.click(moreButton('显示更多（已显示 200/450）'));
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(400);
    await user.click(moreButton('显示更多（已显示 400/450）'));
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(450);
    expect(screen.queryByText(/显示更多/)).toBeNull();
  });

  it('100,000 findings render quickly: only the first page is in the page', () => {
    const findings = Array.from({ length: 100_000 }, (_, i) => finding(i, i % 3 === 0 ? 'warning' : 'error'));
    const started = Date.now();
    render(<Harness findings={findings} />);
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(screen.getByText('错误 66666').closest('button')?.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('警告 33334')).toBeTruthy();
    expect(screen.getByText('显示更多（已显示 200/100000）')).toBeTruthy();
  });
});
