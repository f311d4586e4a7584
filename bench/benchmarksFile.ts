/** Replaces (or appends) one `## Title` section of BENCHMARKS.md, leaving every other section as it is. */
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
