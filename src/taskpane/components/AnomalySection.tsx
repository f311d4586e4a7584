/**
 * 5. 异常清单: findings grouped by rule under the rule's Chinese name (the id in a tooltip), each group
 * folded to its name and count until opened, filtered by severity. A sticky bar keeps the filters and
 * 「第 n / N 条」 with 上一条/下一条 in view while the reviewer walks the findings; the arrow keys do the
 * same, and the whole list is one tab stop (the current item), not one per finding.
 */
import { Badge, Button, ToggleButton, makeStyles, mergeClasses, tokens, type BadgeProps } from '@fluentui/react-components';
import { CheckmarkRegular, ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { memo, useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Finding, Severity } from '../../core/findings';
import { figuresText, messageAfterPlace } from '../../core/report/findingFigures';
import { ruleName } from '../../core/ruleNames';
import { useMessages } from '../messagesContext';
import { describeRule, groupFindings, placeOf, severityCounts, SEVERITIES, visibleFindings, type AnomalyGroup } from '../state/anomalyGroups';
import { PAGE_SIZE, type PaneAction } from '../state/paneState';
import { useSectionStyles } from './styles';

/** Tinted badges: dark text on a light fill (and the reverse in the dark theme), readable at any size. */
const BADGE_COLOR: Record<Severity, BadgeProps['color']> = { error: 'danger', warning: 'warning', info: 'informative' };

const useStyles = makeStyles({
  sticky: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  walker: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  position: { marginInlineEnd: 'auto', fontVariantNumeric: 'tabular-nums' },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  groupButton: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    minWidth: 0,
    textAlign: 'start',
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    backgroundColor: 'transparent',
    border: 'none',
    padding: `${tokens.spacingVerticalXS} 0`,
    cursor: 'pointer',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  groupName: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  count: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  items: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  item: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    minWidth: 0,
    textAlign: 'start',
    font: 'inherit',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: {
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1Selected,
  },
  place: { fontWeight: tokens.fontWeightSemibold, marginInlineEnd: tokens.spacingHorizontalS },
  figure: { display: 'block', fontVariantNumeric: 'tabular-nums' },
  message: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface AnomalySectionProps {
  findings: Finding[];
  severities: Record<Severity, boolean>;
  shown: Record<string, number>;
  expanded: Record<string, boolean>;
  current: number | null;
  dispatch: (a: PaneAction) => void;
  onSelect: (f: Finding) => void;
}

interface Visible {
  group: AnomalyGroup;
  items: Finding[];
}

export function AnomalySection({ findings, severities, shown, expanded, current, dispatch, onSelect }: AnomalySectionProps) {
  const t = useMessages();
  const s = useSectionStyles();
  const c = useStyles();
  const headingId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const focusOnMove = useRef(false);
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const counts = useMemo(() => severityCounts(findings), [findings]);
  const indexOf = useMemo(() => new Map(findings.map((f, i) => [f, i])), [findings]);
  const visible: Visible[] = useMemo(
    () => groups.map((g) => ({ group: g, items: visibleFindings(g, severities) })).filter((x) => x.items.length > 0),
    [groups, severities],
  );
  // The walking order: the visible findings, group after group.
  const walk = useMemo(() => visible.flatMap((v) => v.items), [visible]);
  const walkPos = useMemo(() => new Map(walk.map((f, i) => [indexOf.get(f)!, i])), [walk, indexOf]);
  const pos = current === null ? -1 : walkPos.get(current) ?? -1;

  const go = useCallback(
    (to: number, focus: boolean) => {
      if (walk.length === 0) return;
      const p = Math.max(0, Math.min(walk.length - 1, to));
      const f = walk[p];
      const v = visible.find((x) => x.group.rule === f.rule)!;
      focusOnMove.current = focus;
      dispatch({ type: 'findingCurrent', index: indexOf.get(f)!, rule: f.rule, shownAt: v.items.indexOf(f) });
      if (f.cell) onSelect(f);
    },
    [walk, visible, indexOf, dispatch, onSelect],
  );

  // One callback for every item, whatever the filters: memoised items and groups are not redrawn for it.
  const pick = useRef<(f: Finding) => void>(() => {});
  pick.current = (f) => go(walkPos.get(indexOf.get(f)!) ?? 0, false);
  const onPick = useCallback((f: Finding) => pick.current(f), []);

  useEffect(() => {
    if (current === null) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (!el) return;
    el.scrollIntoView?.({ block: 'nearest' });
    if (focusOnMove.current) el.focus();
    focusOnMove.current = false;
  }, [current]);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (step !== 0) go(pos < 0 ? 0 : pos + step, true);
    else if (e.key === 'Home') go(0, true);
    else if (e.key === 'End') go(walk.length - 1, true);
    else return;
    e.preventDefault();
  };

  // The one tab stop of the list: the current item, or the first one drawn.
  const tabStop = current !== null && pos >= 0 ? current : null;

  return (
    <section className={s.section} aria-labelledby={headingId} data-testid="anomalies">
      <h2 id={headingId} className={s.heading}>{t.anomaliesHeading}</h2>
      {findings.length === 0 ? (
        <p className={s.hint}>{t.noFindings}</p>
      ) : (
        <>
          <div className={c.sticky} data-testid="anomaly-toolbar">
            <div className={s.row} role="group" aria-label={t.severityFilter}>
              {SEVERITIES.map((sev) => (
                <ToggleButton
                  key={sev}
                  size="small"
                  appearance={severities[sev] && counts[sev] > 0 ? 'primary' : 'outline'}
                  icon={severities[sev] && counts[sev] > 0 ? <CheckmarkRegular /> : undefined}
                  checked={severities[sev]}
                  disabled={counts[sev] === 0}
                  onClick={() => dispatch({ type: 'severityToggled', severity: sev })}
                >
                  {t.severityToggle(t.severities[sev], counts[sev])}
                </ToggleButton>
              ))}
            </div>
            <div className={c.walker}>
              <span className={c.position} data-testid="walk-position" aria-live="polite">
                {pos >= 0 ? t.walkPosition(pos + 1, walk.length) : t.walkNone(walk.length)}
              </span>
              <Button size="small" disabled={walk.length === 0 || pos === 0} onClick={() => go(pos < 0 ? 0 : pos - 1, false)}>
                {t.previous}
              </Button>
              <Button size="small" appearance="primary" disabled={walk.length === 0 || pos === walk.length - 1} onClick={() => go(pos + 1, false)}>
                {t.next}
              </Button>
            </div>
          </div>
          {visible.length === 0 ? <p className={s.hint}>{t.allFiltered}</p> : null}
          <div ref={listRef} role="group" aria-label={t.findingsList} onKeyDown={onKeyDown}>
            {visible.map(({ group, items }, gi) => (
              <GroupView
                key={group.rule}
                group={group}
                items={items}
                open={expanded[group.rule] === true}
                limit={shown[group.rule] ?? PAGE_SIZE}
                current={current}
                indexOf={indexOf}
                tabStop={tabStop ?? (gi === 0 ? indexOf.get(items[0])! : null)}
                dispatch={dispatch}
                onPick={onPick}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

const GroupView = memo(function GroupView({ group, items, open, limit, current, indexOf, tabStop, dispatch, onPick }: {
  group: AnomalyGroup;
  items: Finding[];
  open: boolean;
  limit: number;
  current: number | null;
  indexOf: Map<Finding, number>;
  tabStop: number | null;
  dispatch: (a: PaneAction) => void;
  onPick: (f: Finding) => void;
}) {
  const t = useMessages();
  const c = useStyles();
  const listId = useId();
  const s = useSectionStyles();
  const name = ruleName(group.rule);
  const description = open ? describeRule(group.rule, t) : '';
  const page = items.length > limit ? items.slice(0, limit) : items;
  return (
    <section className={c.group} data-testid="anomaly-group" data-rule={group.rule}>
      <h3 className={c.groupHeading}>
        <button
          type="button"
          className={c.groupButton}
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          title={t.ruleId(group.rule)}
          onClick={() => dispatch({ type: 'groupToggled', rule: group.rule })}
        >
          {open ? <ChevronDownRegular aria-hidden /> : <ChevronRightRegular aria-hidden />}
          <Badge appearance="tint" color={BADGE_COLOR[group.severity]}>{t.severities[group.severity]}</Badge>
          <span className={c.groupName} data-testid="anomaly-name">{name}</span>
          <span className={c.count} data-testid="anomaly-count">{t.groupCount(items.length)}</span>
        </button>
      </h3>
      {open ? (
        <>
          {description ? <p className={s.hint}>{description}</p> : null}
          <ul className={c.items} id={listId}>
            {page.map((f) => {
              const index = indexOf.get(f)!;
              return (
                <li key={index}>
                  <Item finding={f} index={index} isCurrent={index === current} tabbable={index === tabStop} onPick={onPick} />
                </li>
              );
            })}
          </ul>
          {items.length > limit ? (
            <Button size="small" appearance="subtle" onClick={() => dispatch({ type: 'showMore', rule: group.rule })}>{t.showMore(limit, items.length)}</Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
});

const Item = memo(function Item({ finding: f, index, isCurrent, tabbable, onPick }: {
  finding: Finding;
  index: number;
  isCurrent: boolean;
  tabbable: boolean;
  onPick: (f: Finding) => void;
}) {
  const t = useMessages();
  const c = useStyles();
  const figures = figuresText(f, { value: t.value, allowed: t.allowed });
  return (
    <button
      type="button"
      className={mergeClasses(c.item, isCurrent && c.current)}
      data-testid="anomaly-item"
      data-index={index}
      aria-current={isCurrent ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      title={f.cell ? t.goToCell(placeOf(f)) : undefined}
      onClick={() => onPick(f)}
    >
      <span className={c.place}>{f.cell ? placeOf(f) : f.sheet || t.wholeWorkbook}</span>
      {figures ? <span className={c.figure}>{figures}</span> : null}
      <span className={c.message}>{messageAfterPlace(f)}</span>
    </button>
  );
});
