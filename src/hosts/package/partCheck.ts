/**
 * A damaged XML part is refused before anything is read (issue 12/13). The package host hands every part
 * it does not edit back byte for byte, and SheetJS reads leniently: a truncated sheet part reads as
 * fewer rows, a junk styles part would be edited into a worse one, and a junk `docProps/app.xml` would
 * go back to the officer for Excel to "repair". So each XML part must have one root element, the one
 * its content type calls for, closed at the end of the part, and no DOCTYPE (entity expansion). The
 * check looks at the start and the end of each part only: it costs a scan of the parts' text, not a
 * parse. It does not prove a part well-formed inside; it catches what truncation, a wrong file or junk
 * bytes leave, which is what damage looks like.
 */
import { WorkbookReadError } from '../xlsx/errors';
import { partLabel, type ZipPackage } from './zipPackage';

/** The root element (local name) each content type calls for; parts of other types only need one closed root. */
const ROOTS: [RegExp, string][] = [
  [/spreadsheetml\.worksheet\+xml$/, 'worksheet'],
  [/spreadsheetml\.chartsheet\+xml$/, 'chartsheet'],
  [/spreadsheetml\.(sheet\.main|sheet\.macroEnabled\.main|template\.main|template\.macroEnabled\.main)\+xml$/, 'workbook'],
  [/spreadsheetml\.styles\+xml$/, 'styleSheet'],
  [/spreadsheetml\.sharedStrings\+xml$/, 'sst'],
  [/spreadsheetml\.comments\+xml$/, 'comments'],
  [/spreadsheetml\.calcChain\+xml$/, 'calcChain'],
  [/package\.relationships\+xml$/, 'Relationships'],
  [/extended-properties\+xml$/, 'Properties'],
  [/package\.core-properties\+xml$/, 'coreProperties'],
  [/officedocument\.theme\+xml$/, 'theme'],
  [/drawing\+xml$/, 'wsDr'],
  [/drawingml\.chart\+xml$/, 'chartSpace'],
];

const CONTENT_TYPES = '[Content_Types].xml';

function damaged(part: string, why: string): never {
  throw new WorkbookReadError(`无法读取工作簿：文件中的${partLabel(part)}已损坏（${why}），文件可能不完整或被其他程序改坏。请在 Excel 中打开原文件并“另存为” .xlsx 后再试。`);
}

/** The root element's qualified name and where its start tag begins, skipping the prolog; undefined if there is none. */
function rootOf(xml: string): { name: string; at: number } | undefined {
  // A byte-order mark, decoded (U+FEFF) or as the markup view gives its three UTF-8 bytes.
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : xml.startsWith('\u00ef\u00bb\u00bf') ? 3 : 0;
  for (;;) {
    while (i < xml.length && /\s/.test(xml[i])) i++;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      return { name: '!DOCTYPE', at: i };
    } else if (xml[i] === '<') {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(i, i + 200));
      return m ? { name: m[1], at: i } : undefined;
    } else return undefined;
  }
}

/** True when the root element ends the part (its end tag, or a self-closing start tag), with only space or comments after. */
function closesAtEnd(xml: string, root: { name: string; at: number }): boolean {
  const tail = xml.slice(Math.max(root.at, xml.length - 4096)).replace(/(?:\s|<!--[\s\S]*?-->)+$/, '');
  if (tail.endsWith(`</${root.name}>`) || new RegExp(`</${root.name.replace(/[.]/g, '\\.')}\\s+>$`).test(tail)) return true;
  // A root with no content: `<root …/>` is the whole element.
  if (!tail.endsWith('/>')) return false;
  const start = xml.slice(root.at);
  const close = start.indexOf('>');
  return close === start.replace(/(?:\s|<!--[\s\S]*?-->)+$/, '').length - 1;
}

/** Content type of each part, from `[Content_Types].xml` (overrides, then defaults by extension). */
export function contentTypes(pkg: ZipPackage): ContentTypeOf {
  const xml = pkg.text(CONTENT_TYPES) ?? '';
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?(Override|Default)\b[^>]*>/g)) {
    const type = /\sContentType\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    if (!type) continue;
    if (m[1] === 'Override') {
      const name = /\sPartName\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
      if (name) overrides.set(decodeURIComponent(name.replace(/^\//, '')).toLowerCase(), type);
    } else {
      const ext = /\sExtension\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
      if (ext) defaults.set(ext.toLowerCase(), type);
    }
  }
  return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
}

/** Whether a part is XML by its name or content type (VML, often not well-formed, is not checked). */
function isXmlPart(part: string, type: string | undefined): boolean {
  return part === CONTENT_TYPES || /\.(xml|rels)$/i.test(part) || (type !== undefined && /[+/]xml$/.test(type));
}

export type ContentTypeOf = (part: string) => string | undefined;

/**
 * Refuses (WorkbookReadError, naming the part) an XML part that is empty, not XML, cut short, has a
 * DOCTYPE, or has another root than its content type calls for.
 */
export function checkXmlPart(part: string, xml: string, typeOf: ContentTypeOf): void {
  const type = part === CONTENT_TYPES ? 'types' : typeOf(part);
  if (!isXmlPart(part, type)) return;
  const root = rootOf(xml);
  if (!root) damaged(part, xml.trim() === '' ? '内容为空' : '不是 XML');
  if (root.name === '!DOCTYPE') damaged(part, '含有文档类型声明，工作簿部件中不应出现');
  const local = root.name.slice(root.name.indexOf(':') + 1);
  const expected = part === CONTENT_TYPES ? 'Types' : ROOTS.find(([re]) => type !== undefined && re.test(type))?.[1];
  if (expected !== undefined && local !== expected) damaged(part, `根元素是“${root.name}”，应为“${expected}”`);
  if (!closesAtEnd(xml, root)) damaged(part, 'XML 不完整');
}

/** Checks every XML part of the package except those in `checked` (already checked by the caller, with the text at hand). */
export function checkXmlParts(pkg: ZipPackage, typeOf: ContentTypeOf, checked: ReadonlySet<string> = new Set()): void {
  for (const part of pkg.names()) {
    if (checked.has(part) || !isXmlPart(part, part === CONTENT_TYPES ? 'types' : typeOf(part))) continue;
    checkXmlPart(part, pkg.markup(part) ?? '', typeOf);
  }
}
