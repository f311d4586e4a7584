/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import './jsdomShims';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HeldHost, KUNMING, WUHUA, findResults, openRules, openSample, renderPane, sheetNames } from './paneHarness';

function fillOf(host: HeldHost, sheet: string, cell: string): unknown {
  return JSON.parse(JSON.stringify(host.inner.workbook.getWorksheet(sheet)!.getCell(cell).fill ?? null));
}

describe('清除标记 and 插入模板 in the task pane', () => {
  it('清除标记 after a run gives every highlighted ledger cell its own fill back and says how many', async () => {
    const host = new HeldHost(await openSample(WUHUA));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await openRules(user);
    await user.click(screen.getByRole('checkbox', { name: /五华区/ }));
    await user.click(screen.getByRole('button', { name: '评分' }));
    await findResults();
    const highlights = host.applied[0].highlights;
    expect(highlights.length).toBeGreaterThan(0);
    const { sheet, cell } = highlights[0];
    const before = await (await openSample(WUHUA)).read();
    expect(before.sheets.some((s) => s.name === sheet)).toBe(true);
    const original = JSON.parse(JSON.stringify((await openSample(WUHUA)).workbook.getWorksheet(sheet)!.getCell(cell).fill ?? null));
    expect(fillOf(host, sheet, cell)).not.toEqual(original);

    await user.click(screen.getByRole('button', { name: '清除标记' }));
    const bar = await screen.findByTestId('notice-clear');
    expect(bar.textContent).toContain(`已清除 ${highlights.length} 个单元格的标记，恢复了原有格式。`);
    expect(fillOf(host, sheet, cell)).toEqual(original);
    // The scored sheet stays.
    expect(sheetNames(host.inner)).toContain('绩效目标');

    await user.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(screen.getByTestId('notice-clear').textContent).toContain('没有需要清除的标记。'));
  });

  it('插入模板 adds a blank 绩效自评表 and says so; a second one is 绩效自评表2', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '插入模板' }));
    expect((await screen.findByTestId('notice-template')).textContent).toContain('已插入空白自评表“绩效自评表”。');
    expect(sheetNames(host.inner)).toContain('绩效自评表');
    await user.click(screen.getByRole('button', { name: '插入模板' }));
    await waitFor(() => expect(screen.getByTestId('notice-template').textContent).toContain('“绩效自评表2”'));
  });

  it('a host that cannot write shows the failure of each in its own message, which can be dismissed', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    host.apply = async () => {
      throw new Error('工作簿处于只读模式');
    };
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '插入模板' }));
    expect((await screen.findByTestId('notice-template')).textContent).toContain('插入模板失败：工作簿处于只读模式');
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    const clear = await screen.findByTestId('notice-clear');
    expect(clear.textContent).toContain('清除标记失败：工作簿处于只读模式');
    await user.click(within(clear).getByRole('button', { name: '关闭' }));
    expect(screen.queryByTestId('notice-clear')).toBeNull();
    expect(screen.getByTestId('notice-template')).toBeTruthy();
  });
});
