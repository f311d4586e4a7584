/**
 * The little XML the package host reads and writes itself: attributes of one start tag, escaping, and
 * relative part paths. Parts are edited as text (elements found by tag), never re-serialised, so
 * everything the host does not touch keeps its exact bytes.
 */

const NEEDS_ESCAPE = /[&<>"]/;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

/** Characters XML 1.0 forbids even escaped (control characters a cell can hold in Excel). */
export function xmlSafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** Attributes of a start tag (`<sheet name="A" r:id="rId1"/>`), keyed by their qualified name. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ''));
  return out;
}

/** The value of the attribute whose local name is `local` (any prefix), e.g. `id` of `r:id`. */
export function prefixedAttribute(attrs: Map<string, string>, local: string): string | undefined {
  for (const [name, value] of attrs) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}

/** Sets (or adds) one attribute in a start tag's text, leaving the rest of the tag as it was. */
export function setAttribute(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === undefined) return tag.replace(re, '');
  if (re.test(tag)) return tag.replace(re, ` ${name}="${escapeXml(value)}"`);
  return tag.replace(/^(<[\w:.-]+)/, `$1 ${name}="${escapeXml(value)}"`);
}

/** The folder of a part (`xl/worksheets/sheet1.xml` → `xl/worksheets`). */
export function partFolder(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** Resolves a relationship target against the folder of its source part. */
export function resolvePart(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = folder === '' ? [] : folder.split('/');
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** The relationships part of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
export function relsPartOf(part: string): string {
  const folder = partFolder(part);
  const file = part.slice(folder.length === 0 ? 0 : folder.length + 1);
  return `${folder === '' ? '' : `${folder}/`}_rels/${file}.rels`;
}

/** `target` written relative to the folder `from` (both package paths). */
export function relativeTarget(from: string, target: string): string {
  const a = from === '' ? [] : from.split('/');
  const b = target.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
