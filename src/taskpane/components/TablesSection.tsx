/** 1. 识别的表格: each detected table with its role, which the user can change before 评分. */
import { Badge, Button, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { RoleChoice } from '../../i18n/messages';
import { useMessages } from '../messagesContext';
import { effectiveRole, type PaneState, type PaneTable } from '../state/paneState';
import { useSectionStyles } from './styles';

/** In the order an officer thinks of a project's workbook. */
export const ROLE_CHOICES: readonly RoleChoice[] = ['budget', 'targets', 'actuals', 'selfEvaluation', 'indexSystem', 'ledger', 'rules', 'ignore'];

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  place: { overflowWrap: 'anywhere' },
  range: { color: tokens.colorNeutralForeground3, marginInlineStart: tokens.spacingHorizontalXS },
  because: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
});

export interface TablesSectionProps {
  state: PaneState;
  canDetect: boolean;
  onDetect: () => void;
  onRoleChange: (key: string, role: RoleChoice) => void;
}

export function TablesSection({ state, canDetect, onDetect, onRoleChange }: TablesSectionProps) {
  const t = useMessages();
  const s = useSectionStyles();
  const c = useStyles();
  const headingId = useId();
  const detecting = state.tool === 'detect';
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <div className={s.row}>
        <h2 id={headingId} className={s.heading}>{t.tablesHeading}</h2>
        <Button size="small" onClick={onDetect} disabled={!canDetect}>{t.detectButton}</Button>
        {detecting ? <Spinner size="extra-tiny" label={t.detecting} /> : null}
      </div>
      {state.tables.length === 0 && !detecting ? <p className={s.hint}>{t.noTables}</p> : null}
      {state.tables.length > 0 ? (
        <ul className={s.plainList}>
          {state.tables.map((table) => (
            <TableItem key={table.key} table={table} role={effectiveRole(state, table)} pending={table.key in state.pendingRoles} onRoleChange={onRoleChange} className={c} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function TableItem({ table, role, pending, onRoleChange, className: c }: {
  table: PaneTable;
  role: RoleChoice;
  pending: boolean;
  onRoleChange: (key: string, role: RoleChoice) => void;
  className: ReturnType<typeof useStyles>;
}) {
  const t = useMessages();
  const s = useSectionStyles();
  const hintId = useId();
  const confidence = `${Math.round(table.confidence * 100)}%`;
  const hint = pending ? t.rolePending : table.overridden ? t.roleOverridden : '';
  return (
    <li className={c.item} data-testid="detected-table">
      <span className={c.place}>
        {table.sheet}
        <span className={c.range}>{table.range}</span>
      </span>
      <Badge appearance="tint" color={table.confidence >= 0.8 ? 'success' : table.confidence >= 0.5 ? 'warning' : 'danger'} aria-label={`${t.columnConfidence} ${confidence}`}>
        {confidence}
      </Badge>
      <Select
        size="small"
        aria-label={t.roleSelectLabel(table.sheet, table.range)}
        aria-describedby={hint ? hintId : undefined}
        value={role}
        onChange={(_, data) => onRoleChange(table.key, data.value as RoleChoice)}
      >
        {ROLE_CHOICES.map((r) => (
          <option key={r} value={r}>{t.roles[r]}</option>
        ))}
      </Select>
      {hint ? <span id={hintId} className={s.hint}>{hint}</span> : <span />}
      {table.because ? <span className={c.because} data-testid="table-because">{table.because}</span> : null}
    </li>
  );
}
