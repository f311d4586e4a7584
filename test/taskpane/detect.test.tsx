/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import './jsdomShims';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { runPipeline } from '../../src/core/pipeline';
import { App } from '../../src/taskpane/App';
import { mountTaskpane } from '../../src/taskpane/mount';
import { SCHEMES } from '../../src/core/scoring/scheme';
import { HeldHost, KUNMING, WUHUA, findResults, openRules, openSample, renderPane } from './paneHarness';

function tableTexts(): string[] {
  return screen.getAllByTestId('detected-table').map((row) => {
    const [place, confidence] = [...row.children].map((c) => c.textContent);
    return `${place} ${confidence} → ${row.querySelector('select')!.value}`;
  });
}

describe('识别的表格 before the first 评分', () => {
  it('lists the 昆明 workbook’s two tables with role and confidence as soon as the pane opens, without changing it', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    await renderPane({ host });
    expect(tableTexts()).toEqual(['项目支出绩效自评表A5:H9 100% → budget', '项目支出绩效自评表A19:H52 100% → selfEvaluation']);
    expect(host.applied).toHaveLength(0);
  });

  it('shows what the workbook remembers: the packs and scheme of the last run and a table set to 忽略', async () => {
    const inner = await openSample(WUHUA);
    const snapshot = await inner.read();
    const { patch } = runPipeline(snapshot, {
      rules: ['km-wuhua-2023'],
      scheme: 'jiangxi',
      mapping: [{ sheet: '预算执行（万元）', range: 'A2:D3', role: 'ignore' }],
    });
    await inner.apply(patch);
    render(<App host={inner} />);
    await waitFor(() => expect(screen.getAllByTestId('detected-table')).toHaveLength(4));
    expect((screen.getByRole('combobox', { name: '“预算执行（万元）”!A2:D3 的用途' }) as HTMLSelectElement).value).toBe('ignore');
    // Folded, 规则与方案 says the remembered choice in one line; opened, the boxes say the same.
    expect(screen.getByTestId('rules-summary').textContent).toBe('规则包：五华区困难帮扶经费（2023） · 方案：' + SCHEMES.jiangxi.name);
    await openRules(userEvent.setup({ delay: null }));
    expect((screen.getByRole('checkbox', { name: /五华区/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /广州市工会送温暖/ }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('combobox', { name: '评分方案' }) as HTMLSelectElement).value).toBe('jiangxi');
  });

  it('识别表格 reads again on request; with detectOnLoad off nothing is read until then', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    render(<App host={host} detectOnLoad={false} />);
    expect(screen.getByText('还没有识别到表格。点击“识别表格”或直接“评分”。')).toBeTruthy();
    expect(host.reads).toHaveLength(0);
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '识别表格' }));
    await waitFor(() => expect(screen.getAllByTestId('detected-table')).toHaveLength(2));
    expect(host.reads).toHaveLength(1);
  });

  it('in en-US the roles and headings are English', async () => {
    await renderPane({ host: await openSample(KUNMING), locale: 'en-US' });
    expect(screen.getByRole('heading', { name: 'Detected tables' })).toBeTruthy();
    const select = screen.getByRole('combobox', { name: 'Role of 项目支出绩效自评表!A5:H9' }) as HTMLSelectElement;
    expect(select.selectedOptions[0].textContent).toBe('Budget');
    expect(screen.getByRole('button', { name: 'Score' })).toBeTruthy();
  });
});

describe('mountTaskpane', () => {
  it('mounts the pane into an element, re-renders with a new host (another workbook), and unmounts', async () => {
    const element = document.createElement('div');
    document.body.appendChild(element);
    const first = await openSample(KUNMING);
    const mounted = await act(async () => mountTaskpane(element, { host: first }));
    await waitFor(() => expect(screen.getAllByTestId('detected-table')).toHaveLength(2));
    const second = await openSample(WUHUA);
    act(() => mounted.render({ host: second, extraActions: <button type="button">打开文件</button> }));
    await waitFor(() => expect(screen.getAllByTestId('detected-table')).toHaveLength(4));
    expect(screen.getByRole('button', { name: '打开文件' })).toBeTruthy();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '评分' }));
    await findResults();
    expect(screen.getByTestId('total-score').textContent).toBe('99.41');
    act(() => mounted.unmount());
    expect(element.childElementCount).toBe(0);
    element.remove();
  });
});
