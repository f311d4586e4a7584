/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import './jsdomShims';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { strFromU8, unzipSync } from 'fflate';
import { HeldHost, KUNMING, openSample, renderPane, sheetNames } from './paneHarness';

describe('生成报告 in the task pane', () => {
  it('writes 自评报告（草稿） and, where the host can download, hands over 原文件名-自评报告.docx', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    const saved: { bytes: Uint8Array; name: string }[] = [];
    await renderPane({ host, saveReport: (bytes, name) => saved.push({ bytes, name }), workbookName: '昆明2019自评表.xlsx' });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '生成报告' }));
    const bar = await screen.findByTestId('notice-report', {}, { timeout: 20_000 });
    expect(bar.textContent).toContain('已写入“自评报告（草稿）”工作表（A4 纵向，可直接打印），并下载了 Word 版本。');
    expect(sheetNames(host.inner)).toContain('自评报告（草稿）');
    expect(saved.map((s) => s.name)).toEqual(['昆明2019自评表-自评报告.docx']);
    expect(strFromU8(unzipSync(saved[0].bytes)['word/document.xml'])).toContain('经评价，项目综合得分 97.54 分，评价等级为“优”。');
  });

  it('where the host cannot download (Excel\'s desktop pane) it writes the sheet and says where the Word version can be had', async () => {
    const host = new HeldHost(await openSample(KUNMING));
    await renderPane({ host });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: '生成报告' }));
    await waitFor(() => expect(screen.getByTestId('notice-report').textContent).toContain('此版本的 Excel 不能从任务窗格下载文件'), { timeout: 20_000 });
    expect(sheetNames(host.inner)).toContain('自评报告（草稿）');
  });
});
