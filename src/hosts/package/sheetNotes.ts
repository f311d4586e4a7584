/**
 * Notes (Excel's classic comments) on one worksheet, through its comments part and the legacy VML
 * drawing that shows them. A finding's message is added below an officer's note as one more run, or as
 * a new note; the officer's comment element is recorded whole so clearing puts back exactly what was
 * there. Parts the add-in created for its notes are removed again once they hold no note.
 */
import { a1 } from '../../core/address';
import { addRelationship, CONTENT_TYPE, ensureDefault, REL, relationshipsOf, removeRelationship, setOverride } from './relationships';
import type { ZipPackage } from './zipPackage';
import { escapeXml, partFolder, relativeTarget, relsPartOf, unescapeXml, xmlSafe } from './xmlText';

const AUTHOR = '绩效评价助手';
/**
 * Parts are named as Excel names them (`xl/comments3.xml`, `xl/drawings/vmlDrawing3.vml`), which ExcelJS
 * requires; a comments part whose only author is the add-in is the add-in's, and goes once it is empty.
 */
function onlyOurs(comments: string): boolean {
  const authors = [...comments.matchAll(/<(?:\w+:)?author\b[^>]*>([\s\S]*?)<\/(?:\w+:)?author>/g)].map((m) => unescapeXml(m[1]));
  return authors.length === 1 && authors[0] === AUTHOR;
}

const COMMENTS_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function commentRe(ref: string): RegExp {
  return new RegExp(`<(?:\\w+:)?comment\\b[^>]*\\bref\\s*=\\s*"${ref}"[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?comment>)`);
}

/** The plain text of a comment element: its `<t>` texts joined. */
export function commentText(element: string): string {
  let s = '';
  for (const m of element.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) s += unescapeXml(m[1] ?? '');
  return s;
}

function shapeRe(r: number, c: number): RegExp {
  return new RegExp(`<v:shape\\b(?:(?!<v:shape\\b)[\\s\\S])*?<x:Row>\\s*${r}\\s*</x:Row>\\s*<x:Column>\\s*${c}\\s*</x:Column>[\\s\\S]*?</v:shape>\\s*`);
}

export class SheetNotes {
  private commentsPart: string | undefined;
  private vmlPart: string | undefined;
  private comments: string | undefined;
  private vml: string | undefined;
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
    if (this.commentsPart) this.comments = pkg.text(this.commentsPart);
    if (this.vmlPart) this.vml = pkg.text(this.vmlPart);
  }

  /** The officer's note on a cell as its comment element, or undefined when there is none. */
  element(ref: string): string | undefined {
    return this.comments ? commentRe(ref).exec(this.comments)?.[0] : undefined;
  }

  /** Adds `message` below the cell's note (or as a new note). */
  addMessage(r: number, c: number, message: string): void {
    const ref = a1(r, c);
    this.ensureParts();
    const run = `<r><t xml:space="preserve">${escapeXml(xmlSafe(message))}</t></r>`;
    const existing = this.element(ref);
    if (existing) {
      const text = commentText(existing);
      const added = text === '' ? run : run.replace('preserve">', 'preserve">\n');
      const at = existing.search(/<(?:\w+:)?(?:rPh|phoneticPr)\b|<\/(?:\w+:)?text>/);
      const updated = at < 0 ? existing : existing.slice(0, at) + added + existing.slice(at);
      this.comments = this.comments!.replace(existing, () => updated);
    } else {
      const author = this.authorId();
      const element = `<comment ref="${ref}" authorId="${author}"><text>${run}</text></comment>`;
      this.comments = this.comments!.replace(/(<\/(?:\w+:)?commentList>)/, `${element}$1`);
      if (!shapeRe(r, c).test(this.vml!)) this.addShape(r, c);
    }
    this.changed = true;
  }

  /** Puts the cell's note back: the recorded element, or none. */
  restore(r: number, c: number, original: string | null): void {
    if (!this.comments) return;
    const ref = a1(r, c);
    const current = this.element(ref);
    if (original) {
      if (current) this.comments = this.comments.replace(current, () => original);
      else this.comments = this.comments.replace(/(<\/(?:\w+:)?commentList>)/, () => `${original}</commentList>`);
    } else if (current) {
      this.comments = this.comments.replace(current, '');
      if (this.vml) this.vml = this.vml.replace(shapeRe(r, c), '');
    }
    this.changed = true;
  }

  private authorId(): number {
    const block = /<(?:\w+:)?authors\b[^>]*>([\s\S]*?)<\/(?:\w+:)?authors>/.exec(this.comments!)?.[1] ?? '';
    const names = [...block.matchAll(/<(?:\w+:)?author\b[^>]*>([\s\S]*?)<\/(?:\w+:)?author>/g)].map((m) => unescapeXml(m[1]));
    const known = names.indexOf(AUTHOR);
    if (known >= 0) return known;
    this.comments = this.comments!.replace(/<((?:\w+:)?)authors\b([^>]*?)\/>/, '<$1authors$2></$1authors>').replace(/(<\/(?:\w+:)?authors>)/, `<author>${AUTHOR}</author>$1`);
    return names.length;
  }

  private addShape(r: number, c: number): void {
    if (!this.vml!.includes('_x0000_t202')) this.vml = this.vml!.replace(/(<\/xml>\s*)$/, `${SHAPETYPE}$1`);
    const ids = [...this.vml!.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
    const id = Math.max(this.sheetNumber * 1024, ...ids) + 1;
    const shape =
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:220pt;height:80pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 4}, 15, ${r + 5}, 2</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`;
    this.vml = this.vml!.replace(/(<\/xml>\s*)$/, `${shape}$1`);
  }

  private ensureParts(): void {
    const folder = partFolder(this.sheetPart);
    if (!this.comments) {
      this.commentsPart = this.freePart((n) => `xl/comments${n}.xml`);
      this.comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${COMMENTS_NS}"><authors><author>${AUTHOR}</author></authors><commentList></commentList></comments>`;
      addRelationship(this.pkg, this.sheetPart, REL.comments, relativeTarget(folder, this.commentsPart));
      setOverride(this.pkg, this.commentsPart, CONTENT_TYPE.comments);
    }
    if (!this.vml) {
      this.vmlPart = this.freePart((n) => `xl/drawings/vmlDrawing${n}.vml`);
      this.vml =
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${this.sheetNumber}"/></o:shapelayout>${SHAPETYPE}</xml>`;
      const id = addRelationship(this.pkg, this.sheetPart, REL.vmlDrawing, relativeTarget(folder, this.vmlPart));
      ensureDefault(this.pkg, 'vml', CONTENT_TYPE.vml);
      this.addLegacyDrawing(id);
    }
    this.changed = true;
  }

  private freePart(name: (n: number) => string): string {
    for (let n = this.sheetNumber; ; n++) if (!this.pkg.has(name(n))) return name(n);
  }

  /** `<legacyDrawing>` goes after `<drawing>` and before the elements the schema puts after it. */
  private addLegacyDrawing(id: string): void {
    const xml = this.pkg.text(this.sheetPart)!;
    const element = `<legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`;
    const at = xml.search(/<(?:\w+:)?(?:legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/(?:\w+:)?worksheet>/);
    this.pkg.setText(this.sheetPart, xml.slice(0, at) + element + xml.slice(at));
  }

  private removeOwnParts(): void {
    const xml = this.pkg.text(this.sheetPart)!;
    for (const rel of relationshipsOf(this.pkg, this.sheetPart)) {
      if ((rel.type === REL.comments && rel.part === this.commentsPart) || (rel.type === REL.vmlDrawing && rel.part === this.vmlPart)) {
        removeRelationship(this.pkg, this.sheetPart, rel.id);
        this.pkg.remove(rel.part);
        setOverride(this.pkg, rel.part, undefined);
        if (rel.type === REL.vmlDrawing) {
          const re = new RegExp(`<(?:\\w+:)?legacyDrawing\\b[^>]*"${rel.id}"[^>]*/>`);
          this.pkg.setText(this.sheetPart, xml.replace(re, ''));
        }
      }
    }
    const relsPart = relsPartOf(this.sheetPart);
    const rels = this.pkg.text(relsPart);
    if (rels !== undefined && !/<(?:\w+:)?Relationship\b/.test(rels)) this.pkg.remove(relsPart);
  }

  save(): void {
    if (!this.changed || !this.comments || !this.commentsPart || !this.vmlPart || this.vml === undefined) return;
    const empty = !/<(?:\w+:)?comment\b/.test(this.comments);
    if (empty && onlyOurs(this.comments)) {
      this.removeOwnParts();
      return;
    }
    // Our author is dropped again once no note uses it, so a cleared part is the officer's as it was.
    const block = /<(?:\w+:)?authors\b[^>]*>([\s\S]*?)<\/(?:\w+:)?authors>/.exec(this.comments)?.[1] ?? '';
    const names = [...block.matchAll(/<(?:\w+:)?author\b[^>]*>([\s\S]*?)<\/(?:\w+:)?author>/g)].map((m) => unescapeXml(m[1]));
    const ours = names.indexOf(AUTHOR);
    if (ours === names.length - 1 && ours > 0 && !new RegExp(`authorId\\s*=\\s*"${ours}"`).test(this.comments)) {
      this.comments = this.comments.replace(`<author>${AUTHOR}</author>`, '');
    }
    this.pkg.setText(this.commentsPart, this.comments);
    this.pkg.setText(this.vmlPart, this.vml);
  }
}
