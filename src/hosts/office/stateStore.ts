/**
 * The add-in's memory in a live workbook, stored exactly as the xlsx host stores it (see
 * src/hosts/xlsx/stateSheet.ts): `AddinState` as JSON in column A of the very hidden sheet
 * `_jixiao_state`, cut into chunks of 30,000 characters from A1 down. A workbook scored by the CLI and
 * opened in Excel therefore knows its own sheets and highlights, and the other way round.
 *
 * The officer's choice (mapping overrides, rule packs, scheme) is also mirrored in the workbook's
 * settings (`workbook.settings`, ExcelApi 1.4) under one key, so the choice is remembered even if the
 * state sheet is lost (it cannot be unhidden from Excel's UI, but it can be deleted by code or another
 * tool). The state sheet wins when both exist: only it knows which sheets are the add-in's own.
 */
import type { AddinState } from '../../core/snapshot';
import { chunkText, decodeState, isStateSheetName, STATE_SHEET_NAME, type DecodedState } from '../shared/stateCodec';
import { CALL_BYTES, jsonBytes } from './payload';
import type { SyncBatch } from './syncBatch';

export { STATE_SHEET_NAME };

/**
 * The sheet holding the add-in's state among the workbook's: very hidden, with a name of the scheme
 * (stateCodec). A sheet the officer can see is theirs whatever it is called.
 */
export function stateSheetAmong(sheets: readonly { name: string; visibility: string }[]): string | undefined {
  return sheets.find((ws) => isStateSheetName(ws.name) && ws.visibility === 'VeryHidden')?.name;
}

/** The one workbook setting the add-in owns. */
export const SETTINGS_KEY = 'jixiao.choice';

export type RememberedChoice = Pick<AddinState, 'mapping' | 'rules' | 'scheme'>;

/** The state from the state sheet's column A (as `Range.values` gives it), or `undefined`. Never throws. */
export function stateFromColumn(values: readonly (readonly unknown[])[] | undefined): AddinState | undefined {
  return storedStateFromColumn(values)?.state;
}

/** The state as read from column A: the state, or why it was set aside; `undefined` when there is none. */
export function storedStateFromColumn(values: readonly (readonly unknown[])[] | undefined): DecodedState | undefined {
  if (!values) return undefined;
  let json = '';
  for (const row of values) {
    const v = row[0];
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  return json === '' ? undefined : decodeState(json);
}

/**
 * Rows of the state sheet per read request: each holds up to 30,000 characters (90 KB even if all were
 * Chinese), so 40 stay under the budget. A state rarely needs more than one request; one with tens of
 * thousands of highlight records reads on in further requests.
 */
export const STATE_ROWS_PER_READ = 40;

/**
 * Queues the first read of the state sheet (its used rows and column A's first rows) into the current
 * request; `finish` completes it after that request is sent, reading further rows only if there are any.
 */
export function queueStateRead(ws: Excel.Worksheet): { finish(b: SyncBatch): Promise<DecodedState | undefined> } {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowCount');
  const first = ws.getRange(`A1:A${STATE_ROWS_PER_READ}`);
  first.load('values');
  return {
    async finish(b) {
      if (used.isNullObject) return undefined;
      let values: unknown[][] = first.values;
      for (let top = STATE_ROWS_PER_READ; top < used.rowCount && values[values.length - 1]?.[0] !== ''; top += STATE_ROWS_PER_READ) {
        const more = ws.getRange(`A${top + 1}:A${top + STATE_ROWS_PER_READ}`);
        more.load('values');
        await b.sync();
        values = values.concat(more.values);
      }
      return storedStateFromColumn(values);
    },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The remembered choice from the setting's value (stored as a JSON string), or `undefined`. */
export function choiceFromSetting(value: unknown): RememberedChoice | undefined {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(v)) return undefined;
  const choice: RememberedChoice = {};
  if (Array.isArray(v.mapping) && v.mapping.every((m) => isRecord(m) && typeof m.sheet === 'string' && typeof m.role === 'string')) {
    choice.mapping = v.mapping as AddinState['mapping'];
  }
  if (Array.isArray(v.rules) && v.rules.every((r) => typeof r === 'string')) choice.rules = v.rules as string[];
  if (typeof v.scheme === 'string') choice.scheme = v.scheme;
  return Object.keys(choice).length > 0 ? choice : undefined;
}

/**
 * What the add-in knows when only the setting survived: the choice, and no own sheets (so nothing of
 * the user's can be mistaken for the add-in's and replaced).
 */
export function stateFromChoice(choice: RememberedChoice): AddinState {
  return { version: 1, ownSheets: [], ...choice };
}

export function choiceOf(state: AddinState): RememberedChoice {
  const choice: RememberedChoice = {};
  if (state.mapping) choice.mapping = state.mapping;
  if (state.rules) choice.rules = state.rules;
  if (state.scheme) choice.scheme = state.scheme;
  return choice;
}

/**
 * Queues the new state into the state sheet (created very hidden by the structure run when missing):
 * the sheet is cleared first, so no stale chunk of a longer earlier state survives, and its cells are
 * formatted as text before the JSON goes in — a chunk can start with `=` or `-`, which Excel would
 * otherwise parse. The setting mirrors the choice.
 */
export async function queueStateWrite(b: SyncBatch, state: AddinState, sheetName: string): Promise<void> {
  const ws = b.ctx.workbook.worksheets.getItem(sheetName);
  const chunks = chunkText(JSON.stringify(state));
  await b.room(CALL_BYTES * 3);
  ws.getRange().clear('All');
  for (let i = 0; i < chunks.length; i++) {
    await b.room(CALL_BYTES * 3 + jsonBytes(chunks[i]));
    const cell = ws.getRangeByIndexes(i, 0, 1, 1);
    cell.numberFormat = [['@']];
    cell.values = [[chunks[i]]];
  }
  const choice = JSON.stringify(choiceOf(state));
  await b.room(CALL_BYTES * 2 + jsonBytes(choice));
  b.ctx.workbook.settings.add(SETTINGS_KEY, choice);
}
