/**
 * @jest-environment jsdom
 *
 * The ribbon's 评分 button runs without the pane: Office keeps the button busy until the function calls
 * `event.completed()`, so it must on every path, and a failure must reach the user in Chinese.
 */
import type { ScoreOutcome, ScoreRequest } from '../../src/app/scoreWorkbook';
import type { WorkbookHost } from '../../src/core/host';
import type { Report } from '../../src/core/report/report';
import { messageDialogUrl, messageFromSearch, renderMessagePage } from '../../src/commands/messageDialog';
import { internalErrorMessage, makeScoreCommand } from '../../src/commands/scoreCommand';

const host: WorkbookHost = {
  read: () => Promise.reject(new Error('not used')),
  apply: () => Promise.resolve(),
  select: () => Promise.resolve(),
};

function setUp(outcome: () => Promise<ScoreOutcome>) {
  const shown: string[] = [];
  const requests: ScoreRequest[] = [];
  const event = { completed: jest.fn() };
  const command = makeScoreCommand({
    createHost: () => host,
    showMessage: async (message) => {
      shown.push(message);
    },
    score: async (_host, request = {}) => {
      requests.push(request);
      return outcome();
    },
  });
  return { command, event, shown, requests };
}

describe('the ribbon 评分 command', () => {
  test('scores with the options the workbook remembers, shows nothing on success, and completes', async () => {
    const { command, event, shown, requests } = setUp(async () => ({ status: 'scored', report: {} as Report }));
    await command(event);
    expect(requests).toEqual([{}]);
    expect(shown).toEqual([]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test('a workbook that cannot be scored shows the Chinese reason, then completes', async () => {
    const message = '没有找到预算表或绩效指标表。已查看的工作表：Sheet1。';
    const { command, event, shown } = setUp(async () => ({ status: 'failed', message }));
    await command(event);
    expect(shown).toEqual([message]);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test('an internal error still completes the command and says what happened', async () => {
    const { command, event, shown } = setUp(async () => {
      throw new Error('RichApi.Error: The request payload size has exceeded the limit');
    });
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await command(event);
    } finally {
      log.mockRestore();
    }
    expect(shown).toEqual([internalErrorMessage(new Error('RichApi.Error: The request payload size has exceeded the limit'))]);
    expect(shown[0]).toContain('评分未完成');
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test('a message that cannot be shown does not leave the button busy', async () => {
    const event = { completed: jest.fn() };
    const command = makeScoreCommand({
      createHost: () => host,
      showMessage: () => Promise.reject(new Error('DialogApi not supported')),
      score: async () => ({ status: 'failed', message: '无法评分' }),
    });
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await command(event);
    } finally {
      log.mockRestore();
    }
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe('the message dialog a failed 评分 opens', () => {
  const message = '无法评分：“发放明细”!A1:H20 & <b>不是</b> 表格 #1';

  test('carries the message through its URL on the function file\'s own page', () => {
    const url = messageDialogUrl('https://localhost:3000/commands.html?_host_Info=Excel$Win32#x', message);
    expect(url.startsWith('https://localhost:3000/commands.html?')).toBe(true);
    expect(messageFromSearch(new URL(url).search)).toBe(message);
    expect(messageFromSearch('?_host_Info=Excel$Win32')).toBeNull();
  });

  test('shows the message as text, never as markup, with a focused 知道了 button', () => {
    document.body.innerHTML = '<div id="message" role="alert"></div>';
    const onClose = jest.fn();
    renderMessagePage(document, message, onClose);
    const box = document.getElementById('message')!;
    expect(box.querySelector('p')?.textContent).toBe(message);
    expect(box.querySelector('b')).toBeNull();
    const button = box.querySelector('button')!;
    expect(button.textContent).toBe('知道了');
    expect(document.activeElement).toBe(button);
    button.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
