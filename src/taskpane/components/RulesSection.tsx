/**
 * 2. 规则与方案: the rule packs the ledger is checked with, the scoring scheme, and the 规则 sheet switch,
 * folded to one line (which packs, which scheme) so the result stays in the first screen at 350 px. A
 * ledger no pack will check is said above the fold, with the pack that fits it.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
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
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  header: { minWidth: 0 },
  headerText: { display: 'flex', flexDirection: 'column', minWidth: 0, textAlign: 'start' },
  summary: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: 'anywhere',
  },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, marginInline: 0, minWidth: 0 },
  // A long scheme name must not widen the pane.
  select: { minWidth: 0, maxWidth: '100%' },
  checkbox: { overflowWrap: 'anywhere' },
  barBody: { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 },
});

/** The packs' names by id, for the one-line summary and the suggestion. */
export function packTitles(ids: readonly string[]): string {
  const byId = new Map(listPacks().map((p) => [p.id, p.name]));
  return ids.map((id) => byId.get(id) ?? id).join('、');
}

export function RulesSection({ state, disabled, dispatch }: { state: PaneState; disabled: boolean; dispatch: (a: PaneAction) => void }) {
  const t = useMessages();
  const s = useSectionStyles();
  const c = useStyles();
  const hintId = useId();
  const packs = useMemo(() => listPacks(), []);
  const scheme = SCHEMES[state.scheme]?.name ?? state.scheme;
  const summary = t.rulesSummary(state.packs.length > 0 ? packTitles(state.packs) : t.noPacks, scheme);
  const suggested = state.suggestedPacks[0];
  const unchecked = state.ledgerSheets.length > 0 && state.packs.length === 0;
  return (
    <section className={s.section} data-testid="rules">
      {unchecked ? (
        <MessageBar intent="warning" layout="multiline" data-testid="ledger-hint">
          <MessageBarBody className={c.barBody}>
            {t.ledgerFound(state.ledgerSheets.map((x) => `“${x}”`).join('、'))}
            {suggested ? <> {t.suggestPack(packTitles([suggested]))}</> : null}
          </MessageBarBody>
          {suggested ? (
            <MessageBarActions>
              <Button size="small" disabled={disabled} onClick={() => dispatch({ type: 'packToggled', id: suggested, on: true })}>{t.usePack}</Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      <Accordion collapsible>
        <AccordionItem value="rules">
          <AccordionHeader as="h2" className={c.header} expandIconPosition="end">
            <span className={c.headerText}>
              <span>{t.rulesHeading}</span>
              <span className={c.summary} data-testid="rules-summary">{summary}</span>
            </span>
          </AccordionHeader>
          <AccordionPanel className={c.panel}>
            <fieldset className={c.fieldset} aria-describedby={hintId}>
              <legend className={c.legend}>{t.packsLabel}</legend>
              {packs.map((p) => (
                <Checkbox
                  key={p.id}
                  className={c.checkbox}
                  label={p.name}
                  checked={state.packs.includes(p.id)}
                  disabled={disabled}
                  onChange={(_, data) => dispatch({ type: 'packToggled', id: p.id, on: data.checked === true })}
                />
              ))}
              <span id={hintId} className={s.hint}>{t.packsHint}</span>
            </fieldset>
            <Field label={t.schemeLabel}>
              <Select className={c.select} value={state.scheme} disabled={disabled} onChange={(_, data) => dispatch({ type: 'schemeChanged', scheme: data.value })}>
                {Object.values(SCHEMES).map((sc) => (
                  <option key={sc.id} value={sc.id}>{sc.name}</option>
                ))}
              </Select>
            </Field>
            <Switch
              label={t.writeRulesLabel}
              checked={state.writeRules}
              disabled={disabled}
              onChange={(_, data) => dispatch({ type: 'writeRulesChanged', on: data.checked })}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
