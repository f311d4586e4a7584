/** 4. 评分结果: total and grade, the 评价情况 per 一级指标, what lost points and why, and the self-score. */
import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { forwardRef, useId } from 'react';
import { formatPercent } from '../../core/report/format';
import type { Report } from '../../core/report/report';
import { selfTotalFinding } from '../../core/report/selfTotalFinding';
import { GRADE_WITHHELD } from '../../core/scoring/scoreProject';
import { useMessages } from '../messagesContext';
import { useSectionStyles } from './styles';

/** Scores as the 自评表 writes them: two decimals. */
export function formatScore(n: number): string {
  return n.toFixed(2);
}

export interface Deviation {
  name: string;
  group: string;
  score: number;
  weight: number;
  completionRate: number | null;
  explanation: string;
}

/** Everything that scored below its weight: the budget line first, then the indicators in table order. */
export function deviationsOf(report: Report, budgetLabel: string): Deviation[] {
  const out: Deviation[] = [];
  const b = report.budget;
  if (b && b.weight !== null && b.score !== null && b.score < b.weight) {
    out.push({ name: budgetLabel, group: '', score: b.score, weight: b.weight, completionRate: b.executionRate, explanation: b.explanation });
  }
  for (const i of report.indicators) {
    if (i.weight === null || i.score >= i.weight) continue;
    out.push({
      name: i.name,
      group: [i.level1, i.level2].filter((x) => x).join(' / '),
      score: i.score,
      weight: i.weight,
      completionRate: i.completionRate,
      explanation: i.explanation,
    });
  }
  return out;
}

const useStyles = makeStyles({
  headline: { display: 'flex', alignItems: 'baseline', columnGap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  figure: { display: 'flex', flexDirection: 'column' },
  figureLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  total: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold },
  grade: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  /** 「—（分值合计异常）」 is a warning, not a grade: smaller, so it fits beside the total, and in red. */
  gradeWithheld: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  deviation: {
    paddingBlock: tokens.spacingVerticalXS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  deviationName: { fontWeight: tokens.fontWeightSemibold },
  explanation: { margin: 0, whiteSpace: 'pre-wrap' },
  pair: { display: 'grid', gridTemplateColumns: 'auto auto', justifyContent: 'start', columnGap: tokens.spacingHorizontalM, margin: 0 },
  dd: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  card: { rowGap: tokens.spacingVerticalXS },
  bar: { minWidth: 0 },
  barBody: { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 },
  unfinished: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteDarkOrangeForeground2 },
});

/** A drafted explanation the officer has not finished: the draft ends in （待填写）. */
export function isUnfinishedDraft(explanation: string): boolean {
  return explanation.includes('（待填写）');
}

/**
 * The result card, right under 评分 so it is in the first screen at 350 px: total, grade, the self-score
 * beside the computed one, the counts of 违规 and 需核实, and whether the ledger was checked at all.
 */
export const ResultCard = forwardRef<HTMLHeadingElement, { report: Report; packNames: (ids: string[]) => string; onUsePack?: (id: string) => void }>(function ResultCard({ report, packNames }, headingRef) {
  const t = useMessages();
  const s = useSectionStyles();
  const c = useStyles();
  const headingId = useId();
  const total = report.total;
  const counts = { error: 0, warning: 0 };
  for (const f of report.findings) if (f.severity !== 'info') counts[f.severity]++;
  const ledger = report.ledgerCheck;
  return (
    <section className={mergeClasses(s.section, c.card)} aria-labelledby={headingId} data-testid="results">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={s.heading}>{t.resultsHeading}</h2>
      {total === null ? (
        <p data-testid="ledger-only">{t.ledgerOnly}</p>
      ) : (
        <div className={c.headline}>
          <div className={c.figure}>
            <span className={c.figureLabel}>{t.total}</span>
            <span className={c.total} data-testid="total-score">{formatScore(total)}</span>
          </div>
          <div className={c.figure}>
            <span className={c.figureLabel}>{t.grade}</span>
            <span className={report.grade === GRADE_WITHHELD ? c.gradeWithheld : c.grade} data-testid="grade">{report.grade}</span>
          </div>
        </div>
      )}
      {total !== null && report.selfReportedTotal !== null ? (
        <span data-testid="self-vs-computed">{t.selfVsComputed(formatScore(report.selfReportedTotal), formatScore(total))}</span>
      ) : null}
      <span data-testid="result-counts">{t.resultCounts(counts.error, counts.warning)}</span>
      {ledger && !ledger.checked ? (
        <MessageBar intent="warning" layout="multiline" className={c.bar} data-testid="ledger-unchecked">
          <MessageBarBody className={c.barBody}>
            {t.ledgerUnchecked}
            {ledger.suggestedPacks.length > 0 ? <> {t.suggestPack(packNames(ledger.suggestedPacks.slice(0, 1)))}</> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {report.output.scoredSheet ? <p className={s.hint}>{t.writtenTo(report.output.scoredSheet)}</p> : null}
    </section>
  );
});

/** 评分明细: the 评价情况 per 一级指标, what lost points and why, and the self-score comparison. */
export function ResultsSection({ report }: { report: Report }) {
  const t = useMessages();
  const s = useSectionStyles();
  const c = useStyles();
  const headingId = useId();
  const summaryId = useId();
  const deviationsId = useId();
  const selfId = useId();
  const deviations = deviationsOf(report, t.budgetExecution);
  const self = report.selfReportedTotal;
  const total = report.total;
  if (total === null) return null;
  return (
    <section className={s.section} aria-labelledby={headingId} data-testid="result-details">
      <h2 id={headingId} className={s.heading}>{t.detailsHeading}</h2>
      {report.summary.length > 0 ? (
        <>
          <h3 id={summaryId} className={s.subheading}>{t.summaryHeading}</h3>
          <Table size="extra-small" aria-labelledby={summaryId} data-testid="summary">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.factor}</TableHeaderCell>
                <TableHeaderCell className={c.number}>{t.weight}</TableHeaderCell>
                <TableHeaderCell className={c.number}>{t.score}</TableHeaderCell>
                <TableHeaderCell className={c.number}>{t.rate}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.summary.map((row) => (
                <TableRow key={row.factor}>
                  <TableCell>{row.factor}</TableCell>
                  <TableCell className={c.number}>{formatScore(row.weight)}</TableCell>
                  <TableCell className={c.number}>{formatScore(row.score)}</TableCell>
                  <TableCell className={c.number}>{row.rate === null ? '—' : formatPercent(row.rate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}

      <h3 id={deviationsId} className={s.subheading}>{t.deviationsHeading}</h3>
      {deviations.length === 0 ? (
        <p className={s.hint}>{t.noDeviations}</p>
      ) : (
        <ul className={s.plainList} aria-labelledby={deviationsId} data-testid="deviations">
          {deviations.map((d, i) => (
            <li key={i} className={c.deviation} data-testid="deviation">
              <div className={s.row}>
                <span className={c.deviationName}>{d.name}</span>
                <span>{t.scoreOfWeight(formatScore(d.score), formatScore(d.weight))}</span>
                {d.completionRate !== null ? <span className={s.hint}>{t.completion(formatPercent(d.completionRate))}</span> : null}
              </div>
              {d.group ? <div className={s.hint}>{d.group}</div> : null}
              {!d.explanation || isUnfinishedDraft(d.explanation) ? (
                <>
                  <p className={mergeClasses(c.explanation, c.unfinished)} data-testid="explanation-missing">{t.explanationMissing}</p>
                  {d.explanation ? <p className={mergeClasses(c.explanation, s.hint)}>{t.draft}：{d.explanation.replace(/\s*原因：（待填写）\s*$/, '')}</p> : null}
                </>
              ) : (
                <p className={c.explanation}>{d.explanation}</p>
              )}
            </li>
          ))}
        </ul>
      )}

      <h3 id={selfId} className={s.subheading}>{t.selfScoreHeading}</h3>
      <div data-testid="self-score-comparison" aria-labelledby={selfId} role="group">
        {self === null ? (
          <p className={s.hint}>{t.noSelfScore}</p>
        ) : (
          <>
            <dl className={c.pair}>
              <dt>{t.selfReported}</dt>
              <dd className={c.dd}>{formatScore(self)}</dd>
              <dt>{t.computed}</dt>
              <dd className={c.dd}>{formatScore(total)}</dd>
            </dl>
            {selfTotalFinding(report) ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t.selfHigher(formatScore(self), formatScore(total), formatScore(self - total))}</MessageBarBody>
              </MessageBar>
            ) : (
              <p className={s.hint}>{t.selfNotHigher}</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
