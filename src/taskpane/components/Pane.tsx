/**
 * The pane's layout at 350 px: 评分 and its result first (the answer in the first screen), the folded
 * 规则与方案, the findings to walk, the score details, then the tables and the tools. And the live region.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import type { PipelineRunner } from '../../app/pipelineRunner';
import type { WorkbookHost } from '../../core/host';
import type { Report } from '../../core/report/report';
import type { Locale } from '../../i18n/messages';
import { useMessages } from '../messagesContext';
import { canScore, canUseTool, type NoticeSource } from '../state/paneState';
import { usePane } from '../state/usePane';
import { AnomalySection } from './AnomalySection';
import { NoticeBars } from './NoticeBar';
import { formatScore, ResultCard, ResultsSection } from './ResultsSection';
import { packTitles, RulesSection } from './RulesSection';
import { runStatusText, ScoreSection } from './ScoreSection';
import { useSectionStyles } from './styles';
import { TablesSection } from './TablesSection';
import { ToolsSection } from './ToolsSection';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    paddingInline: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

export interface PaneProps {
  host: WorkbookHost;
  locale: Locale;
  extraActions?: ReactNode;
  onScored?: (report: Report) => void;
  detectOnLoad: boolean;
  saveReport?: (bytes: Uint8Array, fileName: string) => void;
  workbookName?: string;
  runner?: PipelineRunner;
}

export function Pane({ host, locale, extraActions, onScored, detectOnLoad, saveReport, workbookName, runner }: PaneProps) {
  const t = useMessages();
  const s = useSectionStyles();
  const c = useStyles();
  const [state, actions] = usePane(host, { detectOnLoad, onScored, saveReport, workbookName, runner });
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state.reportSeq > 0) resultsHeading.current?.focus();
  }, [state.reportSeq]);

  const live =
    state.run.status === 'running'
      ? runStatusText(state.run, t)
      : state.report
        ? state.report.total === null
          ? t.liveChecked(state.report.findings.length)
          : t.liveScored(formatScore(state.report.total), state.report.grade ?? '', state.report.findings.length)
        : '';
  const dismiss = (source: NoticeSource) => actions.dispatch({ type: 'noticeDismissed', source });
  const idle = canUseTool(state);

  return (
    <main className={c.root} lang={locale}>
      <header className={c.header}>
        <h1 className={c.title}>{t.appTitle}</h1>
        {extraActions ? <div className={c.actions}>{extraActions}</div> : null}
      </header>
      <div role="status" aria-live="polite" aria-atomic="true" className={s.visuallyHidden} data-testid="live-region">
        {live}
      </div>

      <ScoreSection run={state.run} canScore={canScore(state)} onScore={actions.score} onCancel={actions.cancel} />
      <NoticeBars notices={state.notices} sources={['score']} onDismiss={dismiss} />
      {state.report ? <ResultCard ref={resultsHeading} report={state.report} packNames={packTitles} /> : null}

      <RulesSection state={state} disabled={state.run.status === 'running'} dispatch={actions.dispatch} />

      {state.report ? (
        <AnomalySection
          findings={state.report.findings}
          severities={state.severities}
          shown={state.shown}
          expanded={state.expanded}
          current={state.current}
          dispatch={actions.dispatch}
          onSelect={actions.select}
        />
      ) : null}
      <NoticeBars notices={state.notices} sources={['select']} onDismiss={dismiss} />
      {state.report ? <ResultsSection report={state.report} /> : null}

      <TablesSection
        state={state}
        canDetect={idle}
        onDetect={actions.detect}
        onRoleChange={(key, role) => actions.dispatch({ type: 'roleChanged', key, role })}
      />
      <NoticeBars notices={state.notices} sources={['detect']} onDismiss={dismiss} />

      <ToolsSection disabled={!idle} onClear={actions.clear} onInsertTemplate={actions.insertTemplate} onReport={actions.report} />
      <NoticeBars notices={state.notices} sources={['clear', 'template', 'report']} onDismiss={dismiss} />
    </main>
  );
}
