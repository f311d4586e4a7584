/**
 * The workbook part's sheet list as the package host edits it: sheets are added, removed and moved as
 * `<sheet>` elements (an untouched sheet keeps its element text), and what refers to a sheet by its
 * position (`localSheetId` of defined names, the active and first tab) follows the move.
 */
import { REL, relationshipsOf } from './relationships';
import type { ZipPackage } from './zipPackage';
import { attributes, escapeXml, prefixedAttribute, setAttribute } from './xmlText';

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part (`xl/worksheets/sheet1.xml`); undefined for a chart sheet or a dangling entry. */
  part: string | undefined;
  relId: string;
  sheetId: number;
  /** The element as it was in the file, kept when the sheet is not changed. */
  element: string;
  /** Tab position in the file as read; undefined for a sheet added by this run. */
  originalIndex?: number;
}

export function workbookPartName(pkg: ZipPackage): string {
  const rel = relationshipsOf(pkg, '').find((r) => r.type === REL.officeDocument);
  return rel?.part ?? 'xl/workbook.xml';
}

export class WorkbookPart {
  readonly sheets: SheetEntry[];
  activeTab: number;
  /** Rows printed at the top of every page, by sheet (`$1:$7`), written as `_xlnm.Print_Titles` on save. */
  readonly printTitles = new Map<SheetEntry, string>();

  constructor(
    private readonly pkg: ZipPackage,
    readonly name: string,
  ) {
    const text = pkg.text(name) ?? '';
    const rels = new Map(relationshipsOf(pkg, name).map((r) => [r.id, r]));
    const sheetsBlock = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(text)?.[1] ?? '';
    this.sheets = [...sheetsBlock.matchAll(/<(?:\w+:)?sheet\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?sheet>)/g)].map((m, index) => {
      const a = attributes(m[0].slice(0, m[0].indexOf('>') + 1));
      const relId = prefixedAttribute(a, 'id') ?? '';
      const rel = rels.get(relId);
      const state = a.get('state');
      return {
        name: a.get('name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: rel && rel.type === REL.worksheet ? rel.part : undefined,
        relId,
        sheetId: Number(a.get('sheetId') ?? 0),
        element: m[0],
        originalIndex: index,
      };
    });
    const view = /<(?:\w+:)?workbookView\b[^>]*>/.exec(text)?.[0];
    this.activeTab = Number((view && attributes(view).get('activeTab')) ?? 0);
  }

  nextSheetId(): number {
    return Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
  }

  /** Replaces each sheet's `_xlnm.Print_Titles` with the rows set in `printTitles`, at its final tab position. */
  private withPrintTitles(text: string): string {
    for (const [entry, rows] of this.printTitles) {
      const index = this.sheets.indexOf(entry);
      if (index < 0) continue;
      text = text.replace(/<(?:\w+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g, (element) => {
        const a = attributes(element.slice(0, element.indexOf('>') + 1));
        return a.get('name') === '_xlnm.Print_Titles' && a.get('localSheetId') === String(index) ? '' : element;
      });
      const name = `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`'${entry.name.replace(/'/g, "''")}'!${rows}`)}</definedName>`;
      if (/<\/(?:\w+:)?definedNames>/.test(text)) text = text.replace(/<\/((?:\w+:)?)definedNames>/, (close) => `${name}${close}`);
      else {
        // definedNames follows sheets (and external references, when there are any).
        const after = /<\/(?:\w+:)?externalReferences>/.exec(text) ?? /<\/(?:\w+:)?sheets>/.exec(text);
        if (after) text = text.slice(0, after.index + after[0].length) + `<definedNames>${name}</definedNames>` + text.slice(after.index + after[0].length);
      }
    }
    return text;
  }

  /** Writes the sheet list, defined names and workbook view back into the part. */
  save(): void {
    const original = this.pkg.text(this.name) ?? '';
    // Only a prefix the root declares is in scope for new elements (openpyxl declares it on each <sheet>).
    const root = /<(?:\w+:)?workbook\b[^>]*>/.exec(original)?.[0] ?? '';
    const relPrefix = /xmlns:(\w+)="http:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships"/.exec(root)?.[1];
    const sheetsXml = this.sheets
      .map((s) => {
        if (s.element) return s.element;
        const relAttr = relPrefix
          ? `${relPrefix}:id="${s.relId}"`
          : `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${s.relId}"`;
        const state = s.state === 'visible' ? '' : ` state="${s.state}"`;
        return `<sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${state} ${relAttr}/>`;
      })
      .join('');
    let text = original.replace(/(<(?:\w+:)?sheets\b[^>]*>)[\s\S]*?(<\/(?:\w+:)?sheets>)/, (_, open: string, close: string) => `${open}${sheetsXml}${close}`);

    // Defined names scoped to a sheet refer to it by position: follow the sheet, drop those of removed sheets.
    const newIndexOf = new Map<number, number>();
    this.sheets.forEach((s, i) => {
      if (s.originalIndex !== undefined) newIndexOf.set(s.originalIndex, i);
    });
    text = text.replace(/<(?:\w+:)?definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?definedName>)/g, (element) => {
      const open = element.slice(0, element.indexOf('>') + 1);
      const local = attributes(open).get('localSheetId');
      if (local === undefined) return element;
      const moved = newIndexOf.get(Number(local));
      if (moved === undefined) return '';
      return moved === Number(local) ? element : setAttribute(open, 'localSheetId', String(moved)) + element.slice(open.length);
    });
    text = this.withPrintTitles(text);
    text = text.replace(/<((?:\w+:)?)definedNames\b[^>]*>\s*<\/\1definedNames>/, '');

    const active = Math.max(0, Math.min(this.activeTab, this.sheets.length - 1));
    text = text.replace(/<(?:\w+:)?workbookView\b[^>]*>/, (tag) => {
      let out = setAttribute(tag, 'activeTab', active === 0 ? undefined : String(active));
      const first = Number(attributes(tag).get('firstSheet') ?? 0);
      if (first > active || first >= this.sheets.length) out = setAttribute(out, 'firstSheet', undefined);
      return out;
    });
    if (text !== original) this.pkg.setText(this.name, text);
  }
}
