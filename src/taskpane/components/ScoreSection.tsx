/** 3. 评分: the primary button; while it runs, the stage, a progress bar and 取消. */
import { Button, Field, ProgressBar } from '@fluentui/react-components';
import { STAGES } from '../../app/scoreWorkbook';
import type { Messages } from '../../i18n/messages';
import { useMessages } from '../messagesContext';
import type { RunState } from '../state/paneState';
import { useSectionStyles } from './styles';

/** Progress as a fraction: whole stages done, plus the share of sheets read within 读取. */
export function runFraction(run: Extract<RunState, { status: 'running' }>): number {
  const index = STAGES.indexOf(run.stage);
  const within = run.stage === 'read' && run.total ? (run.done ?? 0) / run.total : 0;
  return (index + within) / STAGES.length;
}

export function runStatusText(run: Extract<RunState, { status: 'running' }>, t: Messages): string {
  const step = t.stageStatus(t.stages[run.stage], STAGES.indexOf(run.stage) + 1, STAGES.length);
  const sheets = run.stage === 'read' && run.total ? ` · ${t.sheetsRead(run.done ?? 0, run.total)}` : '';
  return `${step}${sheets}${run.cancelling ? ` · ${t.cancelling}` : ''}`;
}

export interface ScoreSectionProps {
  run: RunState;
  canScore: boolean;
  onScore: () => void;
  onCancel: () => void;
}

export function ScoreSection({ run, canScore, onScore, onCancel }: ScoreSectionProps) {
  const t = useMessages();
  const s = useSectionStyles();
  return (
    <div className={s.section}>
      <div className={s.row}>
        <Button appearance="primary" size="large" onClick={onScore} disabled={!canScore}>
          {t.scoreButton}
        </Button>
        {run.status === 'running' ? (
          <Button onClick={onCancel} disabled={run.cancelling}>
            {t.cancelButton}
          </Button>
        ) : null}
      </div>
      {run.status === 'running' ? (
        <Field label={t.progressLabel} hint={<span data-testid="stage">{runStatusText(run, t)}</span>}>
          <ProgressBar value={runFraction(run)} max={1} />
        </Field>
      ) : null}
    </div>
  );
}
