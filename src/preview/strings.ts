/**
 * The preview page's own words (the toolbar and the sheet viewer). The pane brings its strings from
 * src/i18n; these are only for what surrounds it, in the same two languages.
 */
import type { Locale } from '../i18n/messages';

export interface PreviewStrings {
  pageTitle: string;
  pageNote: string;
  sampleLabel: string;
  ownFile: string;
  openFile: string;
  openFileHint: string;
  download: string;
  downloadHint: string;
  languageLabel: string;
  loading: (name: string) => string;
  openFailed: (name: string, reason: string) => string;
  viewerLabel: string;
  sheetTabs: string;
  noSheets: string;
  rowsShown: (shown: number, total: number) => string;
  showMore: (n: number) => string;
  columnsCut: (shown: number, total: number) => string;
  flagged: string;
}

const zhCN: PreviewStrings = {
  pageTitle: '绩效评价助手 · 浏览器预览',
  pageNote: '在浏览器中试用：工作簿只在本页面中处理，不会上传。',
  sampleLabel: '示例工作簿',
  ownFile: '（自己的文件）',
  openFile: '打开 .xlsx 文件…',
  openFileHint: '选择要评分的 .xlsx 工作簿',
  download: '下载评分后的文件',
  downloadHint: '先点击“评分”，再下载带有“绩效目标”和“异常清单”的副本',
  languageLabel: '界面语言',
  loading: (name) => `正在打开 ${name}…`,
  openFailed: (name, reason) => `无法打开 ${name}：${reason}`,
  viewerLabel: '工作簿内容',
  sheetTabs: '工作表',
  noSheets: '这个工作簿没有可见的工作表。',
  rowsShown: (shown, total) => `显示前 ${shown} 行，共 ${total} 行`,
  showMore: (n) => `再显示 ${n} 行`,
  columnsCut: (shown, total) => `只显示前 ${shown} 列，共 ${total} 列`,
  flagged: '已标记',
};

const enUS: PreviewStrings = {
  pageTitle: 'Performance Evaluation Assistant · browser preview',
  pageNote: 'Try it in the browser: the workbook is processed in this page only and is never uploaded.',
  sampleLabel: 'Sample workbook',
  ownFile: '(your own file)',
  openFile: 'Open .xlsx file…',
  openFileHint: 'Choose an .xlsx workbook to score',
  download: 'Download scored copy',
  downloadHint: 'Click 评分 (Score) first, then download a copy with the 绩效目标 and 异常清单 sheets',
  languageLabel: 'Language',
  loading: (name) => `Opening ${name}…`,
  openFailed: (name, reason) => `Could not open ${name}: ${reason}`,
  viewerLabel: 'Workbook contents',
  sheetTabs: 'Sheets',
  noSheets: 'This workbook has no visible sheets.',
  rowsShown: (shown, total) => `Showing the first ${shown} of ${total} rows`,
  showMore: (n) => `Show ${n} more rows`,
  columnsCut: (shown, total) => `Showing the first ${shown} of ${total} columns`,
  flagged: 'flagged',
};

export function previewStrings(locale: Locale): PreviewStrings {
  return locale === 'en-US' ? enUS : zhCN;
}
