/** 2. 规则与方案: the rule packs the ledger is checked with, the scoring scheme, and the 规则 sheet switch. */
import { Checkbox, Field, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import { listPacks } from '../../core/rules/resolvePacks';
import { SCHEMES } from '../../core/scoring/scheme';
import { useMessages } from '../messagesContext';
import type { PaneAction, PaneState } from '../state/paneState';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

export function RulesSection({ state, disabled, dispatch }: { state: PaneState; disabled: boolean; dispatch: (a: PaneAction) => void }) {
  const t = useMessages();
  const s = useSectionStyles();
  const c = useStyles();
  const headingId = useId();
  const hintId = useId();
  const packs = useMemo(() => listPacks(), []);
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>{t.rulesHeading}</h2>
      <fieldset className={c.fieldset} aria-describedby={hintId}>
        <legend className={c.legend}>{t.packsLabel}</legend>
        {packs.map((p) => (
          <Checkbox
            key={p.id}
            label={`${p.name}（${p.id}）`}
            checked={state.packs.includes(p.id)}
            disabled={disabled}
            onChange={(_, data) => dispatch({ type: 'packToggled', id: p.id, on: data.checked === true })}
          />
        ))}
        <span id={hintId} className={s.hint}>{t.packsHint}</span>
      </fieldset>
      <Field label={t.schemeLabel}>
        <Select value={state.scheme} disabled={disabled} onChange={(_, data) => dispatch({ type: 'schemeChanged', scheme: data.value })}>
          {Object.values(SCHEMES).map((scheme) => (
            <option key={scheme.id} value={scheme.id}>{scheme.name}</option>
          ))}
        </Select>
      </Field>
      <Switch
        label={t.writeRulesLabel}
        checked={state.writeRules}
        disabled={disabled}
        onChange={(_, data) => dispatch({ type: 'writeRulesChanged', on: data.checked })}
      />
    </section>
  );
}
