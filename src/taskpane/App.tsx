/**
 * The task pane. Everything it needs arrives as props — above all the `WorkbookHost` it scores — so the
 * same pane runs in Excel (Office host), in the browser preview and in tests (xlsx host).
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PipelineRunner } from '../app/pipelineRunner';
import type { WorkbookHost } from '../core/host';
import type { Report } from '../core/report/report';
import { messagesFor } from '../i18n/locale';
import type { Locale } from '../i18n/messages';
import { Pane } from './components/Pane';
import { MessagesContext } from './messagesContext';
import { isDarkTheme, type OfficeThemeColors } from './theme';

export interface AppProps {
  /** The workbook the pane works on. A different host object is a different workbook: the pane starts over. */
  host: WorkbookHost;
  /** `zh-CN` (default) or `en-US`. */
  locale?: Locale;
  /** Rendered in the pane's header, e.g. the preview's 打开文件 / 下载 buttons. */
  extraActions?: ReactNode;
  /** Called after every successful 评分, with its report. */
  onScored?: (report: Report) => void;
  /** Office's theme colours (`Office.context.officeTheme`); a dark body background gives the dark theme. */
  officeTheme?: OfficeThemeColors;
  /** Force dark (true) or light (false); wins over `officeTheme`. */
  dark?: boolean;
  /** Detect the workbook's tables as soon as the pane opens (default true). */
  detectOnLoad?: boolean;
  /** Hands the 自评报告 .docx to the user, where the host allows downloads (the preview, Excel on the web). */
  saveReport?: (bytes: Uint8Array, fileName: string) => void;
  /** The workbook's file name, for the report's (`原文件名-自评报告.docx`). */
  workbookName?: string;
  /** Where the pipeline runs (a Web Worker in Excel and the preview); on the page when omitted. */
  runner?: PipelineRunner;
}

export function App({ host, locale = 'zh-CN', extraActions, onScored, officeTheme, dark, detectOnLoad = true, saveReport, workbookName, runner }: AppProps) {
  const theme = isDarkTheme(dark, officeTheme) ? webDarkTheme : webLightTheme;
  return (
    <FluentProvider theme={theme} lang={locale}>
      <MessagesContext.Provider value={messagesFor(locale)}>
        <Pane host={host} locale={locale} extraActions={extraActions} onScored={onScored} detectOnLoad={detectOnLoad} saveReport={saveReport} workbookName={workbookName} runner={runner} />
      </MessagesContext.Provider>
    </FluentProvider>
  );
}
