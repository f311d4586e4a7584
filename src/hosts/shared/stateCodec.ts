/**
 * The add-in's memory (SPEC §3, §6) as both hosts store it: `AddinState` as JSON in a very hidden sheet
 * `_jixiao_state`, split over cells. One format, so a workbook scored by the CLI or the preview and then
 * opened in Excel knows its own sheets and highlights.
 */
import { z } from 'zod';
import { parseA1, parseRangeA1 } from '../../core/address';
import type { AddinState } from '../../core/snapshot';

export const STATE_SHEET_NAME = '_jixiao_state';

/**
 * The names the state may be stored under: `_jixiao_state`, or `_jixiao_state2`, `_jixiao_state3` … when
 * the officer has a sheet of their own called `_jixiao_state` (in any case: Excel compares names
 * case-insensitively). Both hosts use these, so either finds the state the other stored.
 */
const STATE_NAME_SCHEME = new RegExp(`^${STATE_SHEET_NAME}(?:[2-9]|[1-9]\\d+)?$`, 'i');

/** How many fallback names are tried before giving up; a workbook with that many is not an officer's. */
const MAX_STATE_NAMES = 100;

export function isStateSheetName(name: string): boolean {
  return STATE_NAME_SCHEME.test(name);
}

/** The first name of the scheme that none of `taken` has, compared as Excel compares names. */
export function freeStateSheetName(taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  let name = STATE_SHEET_NAME;
  for (let n = 2; lower.has(name.toLowerCase()); n++) {
    if (n > MAX_STATE_NAMES) throw new Error('no free name for the state sheet');
    name = `${STATE_SHEET_NAME}${n}`;
  }
  return name;
}

/** Excel allows 32,767 characters per cell; stay well below so nothing is ever truncated. */
export const STATE_CHUNK_SIZE = 30_000;

/**
 * The state as stored. It is part of the workbook, so it can be stale, edited, copied from another
 * file or damaged: every field is checked before either host or the core relies on it (a highlight on
 * a cell outside the grid, a mapping range `A0`, `rules` as a string were each enough to crash a run).
 */
const cell = z.string().refine((a) => parseA1(a) !== null, '不是有效的单元格地址');
const range = z.string().refine((a) => parseRangeA1(a) !== null, '不是有效的单元格区域');
const sheetName = z.string().min(1).max(31);
const ROLES = ['budget', 'targets', 'actuals', 'selfEvaluation', 'indexSystem', 'ledger', 'rules'] as const;

const stateSchema = z.object({
  version: z.literal(1),
  ownSheets: z.array(z.object({ name: sheetName, role: z.enum(['scored', 'anomalies', 'rules', 'report']), mark: z.string().max(64).optional() })),
  mapping: z.array(z.object({ sheet: sheetName, range: range.optional(), role: z.enum([...ROLES, 'ignore']) })).optional(),
  rules: z.array(z.string()).optional(),
  scheme: z.string().optional(),
  drafts: z.record(z.string(), z.string()).optional(),
  highlights: z
    .array(
      z.object({
        sheet: sheetName,
        cell,
        originalFill: z.string().nullable(),
        originalNote: z.string().nullable().optional(),
        // Host-specific: the xlsx host keeps a formatted note whole, the Office host marks comments it added.
        originalRichNote: z
          .object({ texts: z.array(z.object({ text: z.string() }).passthrough()).optional() })
          .passthrough()
          .optional(),
        addedComment: z.boolean().optional(),
      }).passthrough(),
    )
    .optional(),
});

/** What reading the stored state gave: the state, or why it was set aside. */
export type DecodedState = { state: AddinState; problem?: undefined } | { state?: undefined; problem: string };

/** Reads the stored JSON; a state that is not valid JSON or fails the schema is set aside, never half used. */
export function decodeState(json: string): DecodedState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { problem: '不是有效的 JSON' };
  }
  const result = stateSchema.safeParse(parsed);
  if (result.success) return { state: result.data };
  const issue = result.error.issues[0];
  return { problem: `${issue.path.join('.') || '根'}：${issue.message}` };
}

/** True when `v` is a state both hosts can rely on. */
export function isAddinState(v: unknown): v is AddinState {
  return stateSchema.safeParse(v).success;
}

/** Splits without cutting a surrogate pair in two: half a pair is not valid XML text. */
export function chunkText(text: string, size: number = STATE_CHUNK_SIZE): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

