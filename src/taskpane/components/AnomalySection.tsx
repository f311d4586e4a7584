/**
 * 5. 异常清单: findings grouped by rule, filtered by severity; each item takes the reviewer to its cell.
 * Items are plain buttons (a ledger can have 100k findings) and each group renders a page at a time.
 */
import { Badge, Button, ToggleButton, makeStyles, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import { memo, useId, useMemo } from 'react';
import type { Finding, Severity } from '../../core/findings';
import { formatNumber } from '../../core/report/format';
import { useMessages } from '../messagesContext';
import { describeRule, groupFindings, placeOf, severityCounts, SEVERITIES, visibleFindings, type AnomalyGroup } from '../state/anomalyGroups';
import { PAGE_SIZE, type PaneAction } from '../state/paneState';
import { useSectionStyles } from './styles';

const BADGE_COLOR: Record<Severity, BadgeProps['color']> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  ruleId: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  items: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  static: { cursor: 'default', ':hover': { backgroundColor: tokens.colorNeutralBackground1 } },
  place: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
  figure: { marginInlineEnd: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums' },
  message: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

function showValue(v: Finding['value']): string {
  if (v === null || v === '') return '—';
  return typeof v === 'number' ? formatNumber(v) : v;
}

export interface AnomalySectionProps {
  findings: Finding[];
  severities: Record<Severity, boolean>;
  shown: Record<string, number>;
  dispatch: (a: PaneAction) => void;
  onSelect: (f: Finding) => void;
}

export function AnomalySection({ findings, severities, shown, dispatch, onSelect }: AnomalySectionProps) {
  const t = useMessages();
  const s = useSectionStyles();
  const headingId = useId();
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const counts = useMemo(() => severityCounts(findings), [findings]);
  const visible = groups
    .map((g) => ({ group: g, items: visibleFindings(g, severities) }))
    .filter((x) => x.items.length > 0);
  return (
    <section className={s.section} aria-labelledby={headingId} data-testid="anomalies">
      <h2 id={headingId} className={s.heading}>{t.anomaliesHeading}</h2>
      {findings.length === 0 ? (
        <p className={s.hint}>{t.noFindings}</p>
      ) : (
        <>
          <div className={s.row} role="group" aria-label={t.severityFilter}>
            {SEVERITIES.map((sev) => (
              <ToggleButton
                key={sev}
                size="small"
                checked={severities[sev]}
                disabled={counts[sev] === 0}
                onClick={() => dispatch({ type: 'severityToggled', severity: sev })}
              >
                {t.severityToggle(t.severities[sev], counts[sev])}
              </ToggleButton>
            ))}
          </div>
          {visible.length === 0 ? <p className={s.hint}>{t.allFiltered}</p> : null}
          {visible.map(({ group, items }) => (
            <GroupView
              key={group.rule}
              group={group}
              items={items}
              limit={shown[group.rule] ?? PAGE_SIZE}
              onMore={() => dispatch({ type: 'showMore', rule: group.rule })}
              onSelect={onSelect}
            />
          ))}
        </>
      )}
    </section>
  );
}

const GroupView = memo(function GroupView({ group, items, limit, onMore, onSelect }: {
  group: AnomalyGroup;
  items: Finding[];
  limit: number;
  onMore: () => void;
  onSelect: (f: Finding) => void;
}) {
  const t = useMessages();
  const s = useSectionStyles();
  const c = useStyles();
  const headingId = useId();
  const description = describeRule(group.rule, t) || items[0].message;
  const page = items.length > limit ? items.slice(0, limit) : items;
  return (
    <section className={c.group} aria-labelledby={headingId} data-testid="anomaly-group" data-rule={group.rule}>
      <h3 id={headingId} className={s.subheading}>
        <span className={s.row}>
          <Badge appearance="filled" color={BADGE_COLOR[group.severity]}>{t.severities[group.severity]}</Badge>
          <span className={c.ruleId}>{group.rule}</span>
          <Badge appearance="outline" color="subtle" data-testid="anomaly-count">{t.groupCount(items.length)}</Badge>
        </span>
      </h3>
      <p className={s.hint}>{description}</p>
      <ul className={c.items}>
        {page.map((f, i) => (
          <li key={i}>
            <Item finding={f} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {items.length > limit ? (
        <Button size="small" appearance="subtle" onClick={onMore}>{t.showMore(limit, items.length)}</Button>
      ) : null}
    </section>
  );
});

function Item({ finding: f, onSelect }: { finding: Finding; onSelect: (f: Finding) => void }) {
  const t = useMessages();
  const c = useStyles();
  const content = (
    <>
      <span className={c.place}>{f.cell ? placeOf(f) : `${f.sheet || t.wholeWorkbook}`}</span>
      <span className={c.figure}>{t.value} {showValue(f.value)}</span>
      {f.allowed !== null ? <span className={c.figure}>{t.allowed} {f.allowed}</span> : null}
      <span className={c.message}>{f.message}</span>
    </>
  );
  if (!f.cell) {
    return <div className={mergeClasses(c.item, c.static)} data-testid="anomaly-item">{content}</div>;
  }
  return (
    <button type="button" className={c.item} data-testid="anomaly-item" title={t.goToCell(placeOf(f))} onClick={() => onSelect(f)}>
      {content}
    </button>
  );
}
