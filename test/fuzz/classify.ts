/**
 * What a run did, in the issue's classes: scored (exit 0) / refused (exit 2, a clean Chinese message) /
 * internal error (exit 1, an exception, a crash) / hang / data loss; and the output checks a user would
 * meet: a file Excel would repair, English on stderr.
 */
import { listPacks } from '../../src/core/rules/resolvePacks';
import { SCHEMES } from '../../src/core/scoring/scheme';
import type { SheetCells } from './cells';

export type Outcome = 'scored' | 'refused' | 'internal' | 'hang' | 'dataLoss';

/** A Node or library stack line, which a user must never see. */
export const STACK_LINE = /\bat .*:\d+:\d+/;

/** Latin words a Chinese message may use: format and product names, the CLI's own commands. */
const ALLOWED_WORDS = new Set(['xlsx', 'xls', 'xlsm', 'docx', 'pdf', 'ods', 'csv', 'excel', 'wps', 'libreoffice', 'office', 'json', 'id', 'zip', 'npm', 'cli', 'jixiao', 'xml', 'ole']);
const PACK_IDS = [...listPacks().map((p) => p.id), ...Object.keys(SCHEMES)].sort((a, b) => b.length - a.length);

/**
 * The stderr lines that carry English: after removing what may be Latin in a Chinese message — file
 * names and paths, quoted names (sheet names, the officer's text), pack and scheme ids, option names,
 * cell addresses, `npm run --silent cli -- packs` — any word of two or more Latin letters not allowed.
 */
export function englishLines(stderr: string, names: readonly string[] = []): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      if (STACK_LINE.test(line)) return true;
      let t = line;
      for (const n of [...names].sort((a, b) => b.length - a.length)) if (n) t = t.split(n).join(' ');
      t = t
        // Quoted text is the workbook's own (a sheet name, a cell's text, cut short with no closing quote).
        .replace(/“[^”]*(?:”|$)|「[^」]*(?:」|$)|‘[^’]*(?:’|$)|"[^"]{0,80}"/g, ' ')
        .replace(/(?:\/|[A-Za-z]:\\)[^\s（）()，。：；“”]+/g, ' ')
        .replace(/[\w.-]+\.(?:xlsx|xls|xlsm|json|docx|pdf|ods|csv)\b/gi, ' ')
        .replace(/npm run --silent cli --\s*\w*/g, ' ')
        .replace(/--[a-z][a-z-]*/g, ' ')
        .replace(/\b\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{1,7})?\b/g, ' ');
      for (const id of PACK_IDS) t = t.split(id).join(' ');
      const words = t.match(/[A-Za-z]{2,}/g) ?? [];
      return words.some((w) => !ALLOWED_WORDS.has(w.toLowerCase()));
    });
}

const INVALID_NAME_CHARS = /[\\/?*[\]:]/;

/** What Excel would repair in an output: a text over 32,767 characters, a bad or duplicate sheet name. */
export function repairProblems(sheets: readonly SheetCells[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const s of sheets) {
    const n = s.name;
    if (n.length === 0 || n.length > 31) out.push(`sheet name of ${n.length} characters: “${n.slice(0, 40)}”`);
    if (INVALID_NAME_CHARS.test(n) || n.startsWith("'") || n.endsWith("'")) out.push(`invalid sheet name “${n}”`);
    if (n.toLowerCase() === 'history') out.push(`reserved sheet name “${n}”`);
    const key = n.toLowerCase();
    if (seen.has(key)) out.push(`duplicate sheet names “${seen.get(key)}” and “${n}”`);
    seen.set(key, n);
    for (const [addr, v] of s.cells) if (v.length - 2 > 32_767) out.push(`${n}!${addr}: ${v.length - 2} characters`);
  }
  return out;
}

/**
 * Cells of the user's sheets that the run changed, added or dropped (at most `limit` lines). `userSheets`
 * are names in `before`; each is looked up in `after` by its name.
 */
export function lostCells(before: readonly SheetCells[], after: readonly SheetCells[], userSheets: readonly string[], limit = 5): string[] {
  const out: string[] = [];
  for (const name of userSheets) {
    const b = before.find((s) => s.name === name);
    if (!b) continue;
    const a = after.find((s) => s.name === name) ?? after.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!a) {
      out.push(`user sheet “${name}” (${b.cells.size} cells) is gone`);
      continue;
    }
    let diffs = 0;
    let first = '';
    for (const [addr, v] of b.cells) {
      const w = a.cells.get(addr);
      if (w !== v) {
        diffs++;
        first ||= `${addr} was ${short(v)}, now ${w === undefined ? 'empty' : short(w)}`;
      }
    }
    for (const [addr, w] of a.cells) {
      if (!b.cells.has(addr)) {
        diffs++;
        first ||= `${addr} was empty, now ${short(w)}`;
      }
    }
    if (diffs > 0) out.push(`user sheet “${name}”${a.name !== name ? ` (now “${a.name}”)` : ''}: ${diffs} cells differ, first ${first}`);
    if (out.length >= limit) break;
  }
  return out;
}

function short(v: string): string {
  return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
}
