/**
 * Reading an .xlsx package as its parts, for the fidelity tests (test/hosts/package, test/interop): which
 * part holds which sheet, what a part's relationships point at, and every cell element of a sheet part.
 * Plain string work on the XML, independent of both readers under test.
 */
import { strFromU8, unzipSync } from 'fflate';

export type Parts = Record<string, Uint8Array>;

export const partsOf = (bytes: Uint8Array): Parts => unzipSync(bytes);
export const text = (parts: Parts, name: string): string => strFromU8(parts[name]);

/** Resolves a relationship target against the folder of the part that owns the relationships. */
function resolveTarget(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = folder === '' ? [] : folder.split('/');
  for (const seg of target.split('/')) {
    if (seg === '..') segments.pop();
    else if (seg !== '.') segments.push(seg);
  }
  return segments.join('/');
}

/** The relationships part of a part (`xl/worksheets/_rels/sheet1.xml.rels`; `_rels/.rels` for the package's own, `''`). */
export function relsOf(part: string): string {
  const folder = part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '';
  const file = part.slice(part.lastIndexOf('/') + 1);
  return folder ? `${folder}/_rels/${file}.rels` : `_rels/${file}.rels`;
}

/** A part's relationships (the package's own for `''`), their targets resolved; external ones left out. */
export function relationships(parts: Parts, part: string): { id: string; type: string; target: string }[] {
  const folder = part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '';
  const rels = parts[relsOf(part)];
  if (!rels) return [];
  return [...strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)]
    .filter((m) => !/TargetMode="External"/.test(m[0]))
    .map((m) => ({
      id: /Id="([^"]+)"/.exec(m[0])![1],
      type: /Type="([^"]+)"/.exec(m[0])![1],
      target: resolveTarget(folder, /Target="([^"]+)"/.exec(m[0])![1]),
    }));
}

/** The parts `part`'s relationships of a type point at (comments, vmlDrawing …). */
export function relatedParts(parts: Parts, part: string, type: RegExp): string[] {
  return relationships(parts, part)
    .filter((r) => type.test(r.type))
    .map((r) => r.target);
}

/** The workbook part, as the package's relationships name it. */
export function workbookPart(parts: Parts): string {
  return relatedParts(parts, '', /\/officeDocument$/)[0];
}

/** Sheet name → worksheet part, as the workbook part lists them. */
export function sheetParts(parts: Parts): Map<string, string> {
  const book = workbookPart(parts);
  const byId = new Map(relationships(parts, book).map((r) => [r.id, r.target]));
  const out = new Map<string, string>();
  for (const m of text(parts, book).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\sname="([^"]+)"/.exec(m[0])![1].replace(/&amp;/g, '&');
    const id = /\s(?:r|\w+):id="([^"]+)"/.exec(m[0])![1];
    out.set(name, byId.get(id)!);
  }
  return out;
}

/** Every cell element of a worksheet part (value, type and style index), by reference. */
export function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?c>)/g)) out.set(m[1], m[0]);
  return out;
}
