/**
 * BENCHMARKS.md is written by several benches: `npm run bench` most of it, and bench:layouts, bench:pane and
 * bench/cliStart.ts one section each. Each replaces only what it measured.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function writeSection(title: string, section: string): void {
  const path = resolve(__dirname, '..', 'BENCHMARKS.md');
  const text = readFileSync(path, 'utf8');
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = text.search(new RegExp(`^## ${escaped}\\s*$`, 'm'));
  let next: string;
  if (start < 0) next = `${text.trimEnd()}\n\n${section}\n`;
  else {
    const after = text.slice(start + 1).search(/^## /m);
    const end = after < 0 ? text.length : start + 1 + after;
    next = `${text.slice(0, start)}${section}\n${after < 0 ? '' : `\n${text.slice(end)}`}`;
  }
  writeFileSync(path, next);
}

/**
 * Writes `markdown` (a whole run of `npm run bench`) as BENCHMARKS.md, keeping the sections of the current
 * file it does not have itself (those written by the other benches), in their order, after it.
 */
export function writeKeepingOtherSections(markdown: string): void {
  const path = resolve(__dirname, '..', 'BENCHMARKS.md');
  let old = '';
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // no file yet
  }
  const titles = new Set([...markdown.matchAll(/^## (.+?)\s*$/gm)].map((m) => m[1]));
  const kept = old
    .split(/^(?=## )/m)
    .filter((section) => section.startsWith('## ') && !titles.has(/^## (.+?)\s*$/m.exec(section)![1]))
    .map((section) => section.trimEnd());
  writeFileSync(path, kept.length > 0 ? `${markdown.trimEnd()}\n\n${kept.join('\n\n')}\n` : markdown);
}
