import { enUS } from '../../src/i18n/en-US';
import { localeFromDisplayLanguage, messagesFor } from '../../src/i18n/locale';
import { zhCN } from '../../src/i18n/zh-CN';
import { plainMessage } from '../../src/taskpane/state/plainMessage';
import { isDarkTheme, luminance } from '../../src/taskpane/theme';

describe('the pane’s language', () => {
  it('is English for any English Office and Chinese otherwise', () => {
    expect(localeFromDisplayLanguage('en-US')).toBe('en-US');
    expect(localeFromDisplayLanguage('en-GB')).toBe('en-US');
    expect(localeFromDisplayLanguage('zh-CN')).toBe('zh-CN');
    expect(localeFromDisplayLanguage('zh-TW')).toBe('zh-CN');
    expect(localeFromDisplayLanguage('fr-FR')).toBe('zh-CN');
    expect(localeFromDisplayLanguage(undefined)).toBe('zh-CN');
    expect(messagesFor('en-US').scoreButton).toBe('Score');
    expect(messagesFor('zh-CN').scoreButton).toBe('评分');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.keys(enUS.ruleDescriptions).sort()).toEqual(Object.keys(zhCN.ruleDescriptions).sort());
  });
});

describe('the pane’s theme', () => {
  it('follows a dark Office body background, and an explicit flag wins', () => {
    expect(isDarkTheme(undefined, { bodyBackgroundColor: '#262626' })).toBe(true);
    expect(isDarkTheme(undefined, { bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkTheme(undefined, { bodyBackgroundColor: '#fff' })).toBe(false);
    expect(isDarkTheme(undefined, undefined)).toBe(false);
    expect(isDarkTheme(undefined, { bodyBackgroundColor: 'not a colour' })).toBe(false);
    expect(isDarkTheme(true, { bodyBackgroundColor: '#FFFFFF' })).toBe(true);
    expect(isDarkTheme(false, { bodyBackgroundColor: '#000000' })).toBe(false);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
  });
});

describe('an exception as the user sees it', () => {
  it('is its message’s first line, never the stack', () => {
    const e = new Error('写入失败\n    at applyPatch (x.ts:1:1)');
    expect(plainMessage(e)).toBe('写入失败');
    expect(plainMessage('text')).toBe('text');
    expect(plainMessage(new TypeError(''))).toBe('TypeError');
    expect(plainMessage(42)).toBe('未知错误');
    expect(plainMessage(new Error('x'.repeat(400)))).toHaveLength(301);
  });
});
