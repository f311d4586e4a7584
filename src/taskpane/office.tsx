/**
 * The task pane inside Excel (webpack's `taskpane` entry). The only file of the pane that touches
 * Office.js: it waits for Office, builds the Office host, reads the display language and theme, and
 * hands them to the pane as props.
 */
import { workerRunner } from '../app/workerRunner';
import { OfficeHost } from '../hosts/office/officeHost';
import { localeFromDisplayLanguage } from '../i18n/locale';
import { DOCX_MIME, downloadFile } from './downloadFile';
import { mountTaskpane } from './mount';
import type { OfficeThemeColors } from './theme';

function rootElement(): HTMLElement {
  const existing = document.getElementById('root');
  if (existing) return existing;
  const div = document.createElement('div');
  div.id = 'root';
  document.body.appendChild(div);
  return div;
}

/** `Office.context.officeTheme` where the host has it (Excel on Windows and Mac; not every web client). */
function officeTheme(): OfficeThemeColors | undefined {
  try {
    const theme = Office.context.officeTheme;
    return theme ? { ...theme } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Excel on the web runs the pane in a browser tab, which downloads a file as any page does; the desktop
 * clients' embedded browsers do not, so there the pane only writes the 自评报告（草稿） sheet and says so.
 */
function reportDownload(): ((bytes: Uint8Array, fileName: string) => void) | undefined {
  try {
    return Office.context.platform === Office.PlatformType.OfficeOnline ? (bytes, fileName) => downloadFile(bytes, fileName, DOCX_MIME) : undefined;
  } catch {
    return undefined;
  }
}

/** The workbook's file name from its URL (`…/昆明2019自评表.xlsx`), for the report's file name. */
function workbookName(): string | undefined {
  try {
    const url = Office.context.document.url;
    const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? '').replace(/[?#].*$/, '');
    return name || undefined;
  } catch {
    return undefined;
  }
}

void Office.onReady(() => {
  const locale = localeFromDisplayLanguage(Office.context.displayLanguage);
  document.documentElement.lang = locale;
  // The pipeline runs in a Web Worker; Office.js reads and writes stay here, in the Office host.
  mountTaskpane(rootElement(), { host: new OfficeHost(), locale, officeTheme: officeTheme(), runner: workerRunner(), saveReport: reportDownload(), workbookName: workbookName() });
});
