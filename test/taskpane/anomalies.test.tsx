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
import { HeldHost, KUNMING, WUHUA, ZENGCHENG, findResults, openRules, openSample, renderPane } from './paneHarness';

function groups() {
  return screen.getAllByTestId('anomaly-group');
}

/** Groups start folded to their name and count; the reviewer opens one by its heading. */
async function openGroup(user: ReturnType<typeof userEvent.setup>, group: HTMLElement) {
  const heading = within(group).getAllByRole('button')[0];
  if (heading.getAttribute('aria-expanded') !== 'true') await user.click(heading);
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
    // The rule's Chinese name heads the group; its id is only the heading's tooltip.
    expect(within(group).getByTestId('anomaly-name').textContent).toBe('自评分高于计算分');
    expect(within(group).getAllByRole('button')[0].getAttribute('title')).toBe('规则编号：self-score-above-computed');
    expect(within(group).getByTestId('anomaly-count').textContent).toBe('7 条');
    expect(group.textContent).toContain('需核实');
    expect(within(group).queryAllByTestId('anomaly-item')).toHaveLength(0);
    expect(screen.getByRole('button', { name: '需核实 7' }).getAttribute('aria-pressed')).toBe('true');

    await openGroup(user, group);
    expect(group.textContent).toContain('自评得分高于按实际完成值计算的得分');
    const items = within(group).getAllByTestId('anomaly-item');
    expect(items).toHaveLength(7);
    const item = items.find((i) => i.textContent?.startsWith('项目支出绩效自评表!G20'))!;
    expect(item.tagName).toBe('BUTTON');
    expect(item.textContent).toContain('填报 5 分 · 标准 ≤ 4.84 分');
    // The cell is said once: in the place, not again at the start of the message.
    expect(item.textContent?.split('G20')).toHaveLength(2);
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
    await openRules(user);
    await user.click(screen.getByRole('checkbox', { name: /五华区/ }));
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();

    // What the pane lists is exactly what the pipeline finds on the same workbook with the same pack.
    const expected = runPipeline(await (await openSample(WUHUA)).read(), { rules: ['km-wuhua-2023'] }).report.findings;
    const rules = [...new Set(expected.map((f) => f.rule))];
    expect(groups().map((g) => g.getAttribute('data-rule'))).toEqual(rules);
    for (const g of groups()) await openGroup(user, g);
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(expected.length);
    expect(groups()[0].textContent).toContain('违规');
    expect(host.applied[0].state.rules).toEqual(['km-wuhua-2023']);

    const errors = expected.filter((f) => f.severity === 'error').length;
    const warnings = expected.filter((f) => f.severity === 'warning').length;
    await user.click(screen.getByRole('button', { name: `需核实 ${warnings}` }));
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(errors);
    await user.click(screen.getByRole('button', { name: `违规 ${errors}` }));
    expect(screen.queryAllByTestId('anomaly-item')).toHaveLength(0);
    expect(screen.getByText('所选严重程度下没有异常。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: `需核实 ${warnings}` }));
    for (const g of groups()) await openGroup(user, g);
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(warnings);

    const first = expected.find((f) => f.severity === 'warning' && f.cell)!;
    await user.click(screen.getAllByTestId('anomaly-item').find((i) => i.textContent?.startsWith(`${first.sheet}!${first.cell}`))!);
    expect(host.selected).toEqual([{ sheet: first.sheet, cell: first.cell }]);
  });

  it('增城 checked with gz-zengcheng-2023: a finding about the whole ledger is listed but takes the reviewer to no cell', async () => {
    const host = new HeldHost(await openSample(ZENGCHENG));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await openRules(user);
    await user.click(screen.getByRole('checkbox', { name: /增城区/ }));
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();
    expect(screen.getByTestId('total-score').textContent).toBe('90.00');
    const group = groups().find((g) => g.getAttribute('data-rule') === 'gz-songwennuan/dibao-cap')!;
    expect(group.textContent).toContain('提示');
    expect(within(group).getByTestId('anomaly-name').textContent).toBe('超过低保标准上限');
    await openGroup(user, group);
    const [item] = within(group).getAllByTestId('anomaly-item');
    expect(item.textContent).toContain('月低保标准');
    expect(item.textContent).not.toContain('gz-songwennuan/dibao-cap');
    await user.click(item);
    expect(host.selected).toEqual([]);
    expect(item.getAttribute('aria-current')).toBe('true');
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
      <AnomalySection
        findings={findings}
        severities={state.severities}
        shown={state.shown}
        expanded={state.expanded}
        current={state.current}
        dispatch={dispatch}
        onSelect={() => {}}
      />
    </FluentProvider>
  );
}

describe('a long 异常清单', () => {
  it('renders 100 items of a group at a time, and 显示更多 shows the next 100', async () => {
    const findings = Array.from({ length: 225 }, (_, i) => finding(i));
    render(<Harness findings={findings} />);
    const user = userEvent.setup({ delay: null });
    expect(screen.queryAllByTestId('anomaly-item')).toHaveLength(0);
    await openGroup(user, groups()[0]);
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(100);
    expect(screen.getByTestId('anomaly-count').textContent).toBe('225 条');
    // getByRole computes every item's accessible name, which takes jsdom seconds per query here.
    await user.click(moreButton('显示更多（已显示 100/225）'));
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(200);
    await user.click(moreButton('显示更多（已显示 200/225）'));
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(225);
    expect(screen.queryByText(/显示更多/)).toBeNull();
  });

  it('100,000 findings render quickly: the group folded with its count, then only the first page', async () => {
    const findings = Array.from({ length: 100_000 }, (_, i) => finding(i, i % 3 === 0 ? 'warning' : 'error'));
    const started = Date.now();
    render(<Harness findings={findings} />);
    expect(screen.queryAllByTestId('anomaly-item')).toHaveLength(0);
    expect(screen.getByTestId('anomaly-count').textContent).toBe('100000 条');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(screen.getByText('违规 66666').closest('button')?.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('需核实 33334')).toBeTruthy();
    await openGroup(userEvent.setup({ delay: null }), groups()[0]);
    expect(screen.getAllByTestId('anomaly-item')).toHaveLength(100);
    expect(screen.getByText('显示更多（已显示 100/100000）')).toBeTruthy();
  });

  it('下一条 walks the 昆明 findings in order, marks the current one, says 第 n / 7 条 and puts Excel’s cursor on each cell; the arrow keys do the same from one tab stop', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();
    const expected = runPipeline(await (await openSample(KUNMING)).read()).report.findings;
    expect(screen.getByTestId('walk-position').textContent).toBe('共 7 条');

    const next = screen.getByRole('button', { name: '下一条' });
    for (let n = 1; n <= expected.length; n++) {
      await user.click(next);
      expect(screen.getByTestId('walk-position').textContent).toBe(`第 ${n} / 7 条`);
      expect(host.selected[n - 1]).toEqual({ sheet: expected[n - 1].sheet, cell: expected[n - 1].cell });
      const current = screen.getAllByTestId('anomaly-item').filter((i) => i.getAttribute('aria-current') === 'true');
      expect(current).toHaveLength(1);
      expect(current[0].textContent?.startsWith(`${expected[n - 1].sheet}!${expected[n - 1].cell}`)).toBe(true);
    }
    expect((next as HTMLButtonElement).disabled).toBe(true);

    // One tab stop for the whole list: the current item.
    const tabbable = screen.getAllByTestId('anomaly-item').filter((i) => i.tabIndex === 0);
    expect(tabbable).toHaveLength(1);
    tabbable[0].focus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('walk-position').textContent).toBe('第 6 / 7 条');
    expect(host.selected.at(-1)).toEqual({ sheet: expected[5].sheet, cell: expected[5].cell });
    expect(document.activeElement?.getAttribute('aria-current')).toBe('true');
    await user.click(screen.getByRole('button', { name: '上一条' }));
    expect(screen.getByTestId('walk-position').textContent).toBe('第 5 / 7 条');
  });
});
