/**
 * Notes (Excel's classic comments) on one worksheet, through its comments part and the legacy VML
 * drawing that shows them. A finding's message is added below an officer's note as one more run, or as
 * a new note; the officer's comment element is recorded whole so clearing puts back exactly what was
 * there. Parts the add-in created for its notes are removed again once they hold no note.
 *
 * Both parts are split once into their elements (each keeping the whitespace after it), so a thousand
 * notes cost one pass, and a part whose notes end up as they were is written back byte for byte.
 */
import { a1 } from '../../core/address';
import { addRelationship, CONTENT_TYPE, ensureDefault, REL, relationshipsOf, removeRelationship, setOverride } from './relationships';
import type { ZipPackage } from './zipPackage';
import { escapeXml, partFolder, relativeTarget, relsPartOf, unescapeXml, xmlSafe } from './xmlText';

const AUTHOR = '绩效评价助手';

const COMMENTS_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The plain text of a comment element: its `<t>` texts joined. */
export function commentText(element: string): string {
  let s = '';
  for (const m of element.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) s += unescapeXml(m[1] ?? '');
  return s;
}

/** A part cut into head, elements (each with the text after it) and tail. */
interface Segments {
  head: string;
  items: { key: string; element: string; after: string }[];
  tail: string;
}

function split(text: string, element: RegExp, keyOf: (element: string) => string, tailStart: number): Segments {
  const matches = [...text.matchAll(element)].filter((m) => m.index! < tailStart);
  if (matches.length === 0) return { head: text.slice(0, tailStart), items: [], tail: text.slice(tailStart) };
  const items = matches.map((m, i) => {
    const end = m.index! + m[0].length;
    const next = i + 1 < matches.length ? matches[i + 1].index! : tailStart;
    return { key: keyOf(m[0]), element: m[0], after: text.slice(end, next) };
  });
  return { head: text.slice(0, matches[0].index!), items, tail: text.slice(tailStart) };
}

function join(s: Segments, extra: string): string {
  let out = s.head;
  for (const item of s.items) out += item.element + item.after;
  return out + extra + s.tail;
}

/**
 * Parts are named as Excel names them (`xl/comments3.xml`, `xl/drawings/vmlDrawing3.vml`), which ExcelJS
 * requires; a comments part whose only author is the add-in is the add-in's, and goes once it is empty.
 */
function authorsOf(head: string): string[] {
  return [...head.matchAll(/<(?:\w+:)?author\b[^>]*>([\s\S]*?)<\/(?:\w+:)?author>/g)].map((m) => unescapeXml(m[1]));
}

export class SheetNotes {
  private commentsPart: string | undefined;
  private vmlPart: string | undefined;
  private comments: Segments | undefined;
  private byRef = new Map<string, { key: string; element: string; after: string }>();
  private vml: Segments | undefined;
  private shapeAt = new Set<string>();
  private newShapes: string[] = [];
  private nextShapeId = 0;
  private changed = false;

  constructor(
    private readonly pkg: ZipPackage,
    private readonly sheetPart: string,
    /** Distinguishes the sheet's new parts and VML shape ids from other sheets'. */
    private readonly sheetNumber: number,
  ) {
    for (const rel of relationshipsOf(pkg, sheetPart)) {
      if (rel.type === REL.comments && !rel.external) this.commentsPart = rel.part;
      if (rel.type === REL.vmlDrawing && !rel.external) this.vmlPart = rel.part;
    }
    const comments = this.commentsPart ? pkg.text(this.commentsPart) : undefined;
    if (comments !== undefined) this.loadComments(comments);
    const vml = this.vmlPart ? pkg.text(this.vmlPart) : undefined;
    if (vml !== undefined) this.loadVml(vml);
  }

  private loadComments(text: string): void {
    let end = text.search(/<\/(?:\w+:)?commentList>/);
    if (end < 0) {
      // `<commentList/>`: opened so notes can go in.
      text = text.replace(/<((?:\w+:)?)commentList\s*\/>/, '<$1commentList></$1commentList>');
      end = text.search(/<\/(?:\w+:)?commentList>/);
    }
    this.comments = split(text, /<(?:\w+:)?comment\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?comment>)/g, (e) => /\bref\s*=\s*"([^"]*)"/.exec(e)?.[1] ?? '', end);
    for (const item of this.comments.items) this.byRef.set(item.key, item);
  }

  private loadVml(text: string): void {
    const end = text.lastIndexOf('</xml>');
    this.vml = split(text, /<v:shape\b[\s\S]*?<\/v:shape>/g, (e) => {
      const m = /<x:Row>\s*(\d+)\s*<\/x:Row>\s*<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(e);
      return m ? `${m[1]},${m[2]}` : '';
    }, end < 0 ? text.length : end);
    for (const item of this.vml.items) if (item.key) this.shapeAt.add(item.key);
    const ids = [...text.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
    this.nextShapeId = Math.max(this.sheetNumber * 1024, ...ids) + 1;
  }

  /** The officer's note on a cell as its comment element, or undefined when there is none. */
  element(ref: string): string | undefined {
    const item = this.byRef.get(ref);
    return item && item.element !== '' ? item.element : undefined;
  }

  /** Adds `message` below the cell's note (or as a new note). */
  addMessage(r: number, c: number, message: string): void {
    const ref = a1(r, c);
    this.ensureParts();
    const run = `<r><t xml:space="preserve">${escapeXml(xmlSafe(message))}</t></r>`;
    const item = this.byRef.get(ref);
    if (item && item.element !== '') {
      const existing = item.element;
      const added = commentText(existing) === '' ? run : run.replace('preserve">', 'preserve">\n');
      const at = existing.search(/<(?:\w+:)?(?:rPh|phoneticPr)\b|<\/(?:\w+:)?text>/);
      if (at >= 0) item.element = existing.slice(0, at) + added + existing.slice(at);
    } else {
      const element = `<comment ref="${ref}" authorId="${this.authorId()}"><text>${run}</text></comment>`;
      this.put(ref, element);
      if (!this.shapeAt.has(`${r},${c}`)) this.addShape(r, c);
    }
    this.changed = true;
  }

  private put(ref: string, element: string): void {
    const item = this.byRef.get(ref);
    if (item) item.element = element;
    else {
      const added = { key: ref, element, after: '' };
      this.comments!.items.push(added);
      this.byRef.set(ref, added);
    }
  }

  /** Puts the cell's note back: the recorded element, or none. */
  restore(r: number, c: number, original: string | null): void {
    if (!this.comments) return;
    const ref = a1(r, c);
    if (original) this.put(ref, original);
    else {
      const item = this.byRef.get(ref);
      if (!item || item.element === '') return;
      item.element = '';
      const shape = this.vml?.items.find((s) => s.key === `${r},${c}`);
      if (shape) shape.element = shape.after = '';
      this.shapeAt.delete(`${r},${c}`);
    }
    this.changed = true;
  }

  private authorId(): number {
    const names = authorsOf(this.comments!.head);
    const known = names.indexOf(AUTHOR);
    if (known >= 0) return known;
    this.comments!.head = this.comments!.head
      .replace(/<((?:\w+:)?)authors\b([^>]*?)\/>/, '<$1authors$2></$1authors>')
      .replace(/(<\/(?:\w+:)?authors>)/, `<author>${AUTHOR}</author>$1`);
    return names.length;
  }

  private addShape(r: number, c: number): void {
    if (!this.vml!.head.includes('_x0000_t202')) this.vml!.head += SHAPETYPE;
    const id = this.nextShapeId++;
    this.newShapes.push(
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:220pt;height:80pt;z-index:${(id % 1024) + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 4}, 15, ${r + 5}, 2</x:Anchor>` +
        `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`,
    );
    this.shapeAt.add(`${r},${c}`);
  }

  private freePart(name: (n: number) => string): string {
    for (let n = this.sheetNumber; ; n++) if (!this.pkg.has(name(n))) return name(n);
  }

  private ensureParts(): void {
    const folder = partFolder(this.sheetPart);
    if (!this.comments) {
      this.commentsPart = this.freePart((n) => `xl/comments${n}.xml`);
      this.loadComments(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${COMMENTS_NS}"><authors><author>${AUTHOR}</author></authors><commentList></commentList></comments>`,
      );
      addRelationship(this.pkg, this.sheetPart, REL.comments, relativeTarget(folder, this.commentsPart));
      setOverride(this.pkg, this.commentsPart, CONTENT_TYPE.comments);
    }
    if (!this.vml) {
      this.vmlPart = this.freePart((n) => `xl/drawings/vmlDrawing${n}.vml`);
      this.loadVml(
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
          `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${this.sheetNumber}"/></o:shapelayout>${SHAPETYPE}</xml>`,
      );
      const id = addRelationship(this.pkg, this.sheetPart, REL.vmlDrawing, relativeTarget(folder, this.vmlPart));
      ensureDefault(this.pkg, 'vml', CONTENT_TYPE.vml);
      this.addLegacyDrawing(id);
    }
    this.changed = true;
  }

  /** `<legacyDrawing>` goes after `<drawing>` and before the elements the schema puts after it. */
  private addLegacyDrawing(id: string): void {
    const xml = this.pkg.text(this.sheetPart)!;
    const element = `<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`;
    const at = xml.search(/<(?:\w+:)?(?:legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/);
    this.pkg.setText(this.sheetPart, xml.slice(0, at) + element + xml.slice(at));
  }

  private removeOwnParts(): void {
    for (const rel of relationshipsOf(this.pkg, this.sheetPart)) {
      const ours = (rel.type === REL.comments && rel.part === this.commentsPart) || (rel.type === REL.vmlDrawing && rel.part === this.vmlPart);
      if (!ours) continue;
      removeRelationship(this.pkg, this.sheetPart, rel.id);
      this.pkg.remove(rel.part);
      setOverride(this.pkg, rel.part, undefined);
      if (rel.type === REL.vmlDrawing) {
        const xml = this.pkg.text(this.sheetPart)!;
        this.pkg.setText(this.sheetPart, xml.replace(new RegExp(`<(?:\\w+:)?legacyDrawing\\b[^>]*"${rel.id}"[^>]*/>`), ''));
      }
    }
    const relsPart = relsPartOf(this.sheetPart);
    const rels = this.pkg.text(relsPart);
    if (rels !== undefined && !/<(?:\w+:)?Relationship\b/.test(rels)) this.pkg.remove(relsPart);
  }

  save(): void {
    const comments = this.comments;
    if (!this.changed || !comments || !this.commentsPart || !this.vmlPart || !this.vml) return;
    const empty = comments.items.every((item) => item.element === '');
    const authors = authorsOf(comments.head);
    if (empty && authors.length === 1 && authors[0] === AUTHOR) {
      this.removeOwnParts();
      return;
    }
    // Our author is dropped again once no note uses it, so a cleared part is the officer's as it was.
    const ours = authors.indexOf(AUTHOR);
    if (ours === authors.length - 1 && ours > 0 && !comments.items.some((item) => new RegExp(`authorId\\s*=\\s*"${ours}"`).test(item.element))) {
      comments.head = comments.head.replace(`<author>${AUTHOR}</author>`, '');
    }
    // Notes added after the officer's keep the officer's spacing out of the way: they have none.
    this.pkg.setText(this.commentsPart, join(comments, ''));
    this.pkg.setText(this.vmlPart, join(this.vml, this.newShapes.join('')));
  }
}
