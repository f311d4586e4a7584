/**
 * The pane's side effects in one place: every host call the pane makes, each turning into reducer
 * actions. Components get `state` and these callbacks; they never call the host themselves.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { clearMarks } from '../../app/clearMarks';
import { detectTables } from '../../app/detectTables';
import { generateReport, reportFileName } from '../../app/generateReport';
import { insertTemplate } from '../../app/insertTemplate';
import type { PipelineRunner } from '../../app/pipelineRunner';
import { scoreWorkbook } from '../../app/scoreWorkbook';
import type { Finding } from '../../core/findings';
import type { WorkbookHost } from '../../core/host';
import type { Report } from '../../core/report/report';
import { canScore, canUseTool, initialPaneState, paneReducer, scoreRequest, type PaneAction, type PaneState } from './paneState';
import { plainMessage } from './plainMessage';

export interface PaneActions {
  dispatch: (action: PaneAction) => void;
  detect: () => void;
  score: () => void;
  cancel: () => void;
  clear: () => void;
  insertTemplate: () => void;
  report: () => void;
  select: (finding: Finding) => void;
}

export interface PaneOptions {
  detectOnLoad: boolean;
  onScored?: (report: Report) => void;
  /** Where the host allows downloads, hands over the 自评报告 .docx. */
  saveReport?: (bytes: Uint8Array, fileName: string) => void;
  workbookName?: string;
  /** Where the pipeline runs (a Web Worker in Excel and the preview); on the page when omitted. */
  runner?: PipelineRunner;
}

export function usePane(host: WorkbookHost, options: PaneOptions): [PaneState, PaneActions] {
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  // The latest state for callbacks started from an older render; updated synchronously by `run`.
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Bumped when the host changes, so a late answer from the previous workbook is dropped. */
  const generation = useRef(0);
  const abort = useRef<AbortController | null>(null);
  /** Set before the first await, so a double click cannot start a second run. */
  const busy = useRef<'score' | 'tool' | null>(null);
  const onScored = useRef(options.onScored);
  onScored.current = options.onScored;
  const saveReport = useRef(options.saveReport);
  saveReport.current = options.saveReport;
  const workbookName = useRef(options.workbookName);
  workbookName.current = options.workbookName;
  const runnerRef = useRef(options.runner);
  runnerRef.current = options.runner;

  const send = useCallback((gen: number, action: PaneAction) => {
    if (gen === generation.current) dispatch(action);
  }, []);

  const detect = useCallback(() => {
    if (busy.current || !canUseTool(stateRef.current)) return;
    const gen = generation.current;
    busy.current = 'tool';
    dispatch({ type: 'toolStarted', tool: 'detect' });
    detectTables(host)
      .then((workbook) => send(gen, { type: 'detected', workbook }))
      .catch((e: unknown) => send(gen, { type: 'detectFailed', detail: plainMessage(e) }))
      .finally(() => {
        if (gen === generation.current && busy.current === 'tool') busy.current = null;
      });
  }, [host, send]);

  const score = useCallback(() => {
    if (busy.current === 'score' || !canScore(stateRef.current)) return;
    const gen = generation.current;
    const request = scoreRequest(stateRef.current);
    const controller = new AbortController();
    abort.current = controller;
    busy.current = 'score';
    dispatch({ type: 'scoreStarted' });
    scoreWorkbook(host, request, {
      runner: runnerRef.current,
      signal: controller.signal,
      onProgress: (progress) => send(gen, { type: 'progress', progress }),
    })
      .then((outcome) => {
        send(gen, { type: 'scoreFinished', outcome });
        if (outcome.status === 'scored' && gen === generation.current) onScored.current?.(outcome.report);
      })
      .catch((e: unknown) => send(gen, { type: 'scoreCrashed', detail: plainMessage(e) }))
      .finally(() => {
        if (abort.current === controller) abort.current = null;
        if (gen === generation.current && busy.current === 'score') busy.current = null;
      });
  }, [host, send]);

  const cancel = useCallback(() => {
    abort.current?.abort();
    dispatch({ type: 'cancelRequested' });
  }, []);

  const tool = useCallback(
    (kind: 'clear' | 'template' | 'report') => {
      if (busy.current || !canUseTool(stateRef.current)) return;
      const gen = generation.current;
      busy.current = 'tool';
      dispatch({ type: 'toolStarted', tool: kind });
      const work: Promise<PaneAction> =
        kind === 'clear'
          ? clearMarks(host).then(
              (r): PaneAction => ({ type: 'cleared', cells: r.cleared }),
              (e: unknown): PaneAction => ({ type: 'clearFailed', detail: plainMessage(e) }),
            )
          : kind === 'report'
            ? // With the packs and scheme the workbook remembers from its last 评分.
              generateReport(host, {}, { writeSheet: true }).then(
                (r): PaneAction => {
                  const save = saveReport.current;
                  if (save) save(r.docx, reportFileName(workbookName.current ?? ''));
                  return { type: 'reportWritten', sheet: r.sheet ?? '', downloaded: save !== undefined };
                },
                (e: unknown): PaneAction => ({ type: 'reportFailed', detail: plainMessage(e) }),
              )
          : insertTemplate(host).then(
              (r): PaneAction => ({ type: 'templateInserted', sheet: r.sheet }),
              (e: unknown): PaneAction => ({ type: 'templateFailed', detail: plainMessage(e) }),
            );
      void work.then((action) => {
        send(gen, action);
        if (gen === generation.current && busy.current === 'tool') busy.current = null;
      });
    },
    [host, send],
  );

  const select = useCallback(
    (finding: Finding) => {
      if (!finding.cell) return;
      const gen = generation.current;
      host.select(finding.sheet, finding.cell).catch((e: unknown) => send(gen, { type: 'selectFailed', detail: plainMessage(e) }));
    },
    [host, send],
  );

  // A new host is a new workbook: forget everything about the old one, then look at the new one.
  useEffect(() => {
    generation.current++;
    abort.current?.abort();
    abort.current = null;
    busy.current = null;
    dispatch({ type: 'reset' });
    stateRef.current = initialPaneState;
    if (options.detectOnLoad) detect();
    return () => {
      // Closing the pane (or switching workbooks) stops a run before it writes; late answers are dropped.
      // The counter is meant to be the latest value here: bumping it is what drops them.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      generation.current++;
      abort.current?.abort();
    };
    // `detect` changes exactly when `host` does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  return [
    state,
    {
      dispatch,
      detect,
      score,
      cancel,
      clear: () => tool('clear'),
      insertTemplate: () => tool('template'),
      report: () => tool('report'),
      select,
    },
  ];
}
