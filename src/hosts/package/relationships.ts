/**
 * Relationship parts (`_rels/*.rels`) and `[Content_Types].xml`, read and edited as text: a relation or
 * a content type is added or removed as one element, and the rest of the part keeps its bytes.
 */
import type { ZipPackage } from './zipPackage';
import { attributes, escapeXml, partFolder, relsPartOf, resolvePart } from './xmlText';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

export interface Relationship {
  id: string;
  /** The type with a strict-OOXML (`purl.oclc.org`) URI mapped to its transitional form. */
  type: string;
  /** The target as a package path (resolved), or as written when external. */
  part: string;
  external: boolean;
}

const STRICT_PREFIX = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';
const TRANSITIONAL_PREFIX = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export function relationshipsOf(pkg: ZipPackage, source: string): Relationship[] {
  const text = pkg.text(source === '' ? '_rels/.rels' : relsPartOf(source));
  if (!text) return [];
  const out: Relationship[] = [];
  for (const m of text.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = a.get('Id');
    const target = a.get('Target');
    if (!id || target === undefined) continue;
    const external = a.get('TargetMode') === 'External';
    const type = (a.get('Type') ?? '').replace(STRICT_PREFIX, TRANSITIONAL_PREFIX);
    out.push({ id, type, external, part: external ? target : resolvePart(partFolder(source), target) });
  }
  return out;
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Adds a relationship from `source` and returns its new id. `target` is written as given (relative). */
export function addRelationship(pkg: ZipPackage, source: string, type: string, target: string): string {
  const name = relsPartOf(source);
  const text = pkg.text(name) ?? EMPTY_RELS;
  const used = new Set([...text.matchAll(/\bId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const closed = text.replace(/<((?:\w+:)?)Relationships\b([^>]*?)\/>/, '<$1Relationships$2></$1Relationships>');
  pkg.setText(name, closed.replace(/(<\/(?:\w+:)?Relationships>)/, `${element}$1`));
  return id;
}

export function removeRelationship(pkg: ZipPackage, source: string, id: string): void {
  const name = relsPartOf(source);
  const text = pkg.text(name);
  if (!text) return;
  const re = new RegExp(`<(?:\\w+:)?Relationship\\b[^>]*\\bId\\s*=\\s*"${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?(/>|>\\s*</(?:\\w+:)?Relationship>)`);
  pkg.setText(name, text.replace(re, ''));
}

const CONTENT_TYPES = '[Content_Types].xml';

export function setOverride(pkg: ZipPackage, part: string, contentType: string | undefined): void {
  const text = pkg.text(CONTENT_TYPES);
  if (!text) return;
  const partName = `/${part}`;
  const re = new RegExp(`<(?:\\w+:)?Override\\b[^>]*\\bPartName\\s*=\\s*"${partName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?(/>|>\\s*</(?:\\w+:)?Override>)`, 'i');
  let out = text.replace(re, '');
  if (contentType !== undefined) out = out.replace(/(<\/(?:\w+:)?Types>)/, `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>$1`);
  if (out !== text) pkg.setText(CONTENT_TYPES, out);
}

export function ensureDefault(pkg: ZipPackage, extension: string, contentType: string): void {
  const text = pkg.text(CONTENT_TYPES);
  if (!text) return;
  if (new RegExp(`<(?:\\w+:)?Default\\b[^>]*\\bExtension\\s*=\\s*"${extension}"`, 'i').test(text)) return;
  pkg.setText(CONTENT_TYPES, text.replace(/(<\/(?:\w+:)?Types>)/, `<Default Extension="${extension}" ContentType="${contentType}"/>$1`));
}
