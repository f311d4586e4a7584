/**
 * The styles part as the package host extends it: fonts, fills, borders, number formats and cell
 * formats (`cellXfs`) are only ever appended, so every index a cell of the officer's already uses keeps
 * meaning what it meant. A highlighted cell gets a copy of its own cell format with the highlight fill;
 * clearing puts its own index back.
 */
import { STYLES, type StyleName, type StyleSpec } from '../../core/patch';
import type { ZipPackage } from './zipPackage';
import { attributes, escapeXml, setAttribute } from './xmlText';

type Section = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs';
const CHILD: Record<Section, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };
/** Schema order of the sections, for creating a missing one in the right place. */
const ORDER: string[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

/** Excel's built-in number formats a written format may name directly. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, 'yyyy-mm-dd': 14 };

const LINK_COLOR = 'FF0563C1';

export class StylesPart {
  private text: string;
  private readonly counts = new Map<Section, number>();
  private readonly added = new Map<Section, string[]>();
  private readonly cache = new Map<string, number>();
  private prefix: string;
  private nextNumFmtId: number;

  constructor(
    private readonly pkg: ZipPackage,
    readonly name: string,
  ) {
    this.text = pkg.text(name) ?? EMPTY_STYLES;
    this.prefix = /<(\w+:)?styleSheet\b/.exec(this.text)?.[1] ?? '';
    const ids = [...this.text.matchAll(/<(?:\w+:)?numFmt\b[^>]*\bnumFmtId\s*=\s*"(\d+)"/g)].map((m) => Number(m[1]));
    this.nextNumFmtId = Math.max(163, ...ids) + 1;
  }

  private block(section: Section): string | undefined {
    const p = this.prefix;
    const re = new RegExp(`<${p}${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${section}>)`);
    const m = re.exec(this.text);
    return m ? (m[1] ?? '') : undefined;
  }

  private count(section: Section): number {
    let n = this.counts.get(section);
    if (n === undefined) {
      const body = this.block(section) ?? '';
      n = [...body.matchAll(new RegExp(`<${this.prefix}${CHILD[section]}\\b`, 'g'))].length;
      this.counts.set(section, n);
    }
    return n;
  }

  /** Appends an element to a section and returns its index (for numFmts, callers use the id). */
  private append(section: Section, element: string): number {
    const index = this.count(section) + (this.added.get(section)?.length ?? 0);
    const list = this.added.get(section) ?? [];
    list.push(element);
    this.added.set(section, list);
    return index;
  }

  /** The `index`-th cell format element of the file (or of those appended). */
  private xfElement(index: number): string {
    const own = this.count('cellXfs');
    if (index >= own) return this.added.get('cellXfs')?.[index - own] ?? this.xfElement(0);
    const body = this.block('cellXfs') ?? '';
    const re = new RegExp(`<${this.prefix}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${this.prefix}xf>)`, 'g');
    let i = 0;
    for (const m of body.matchAll(re)) if (i++ === index) return m[0];
    return `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
  }

  /** A cell format like `xf` with a solid `argb` fill: the highlight of a cell whose own format is `xf`. */
  highlightOf(xf: number, argb: string): number {
    const key = `h|${xf}|${argb}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const fillId = this.fillOf(argb);
    const element = this.xfElement(xf);
    const open = element.slice(0, element.indexOf('>') + 1);
    let tag = setAttribute(open, 'fillId', String(fillId));
    tag = setAttribute(tag, 'applyFill', '1');
    const index = this.append('cellXfs', tag + element.slice(open.length));
    this.cache.set(key, index);
    return index;
  }

  private fillElements: string[] | undefined;

  /**
   * The fill of cell format `xf` in ExcelJS's shape (`{ type: 'pattern', pattern: 'solid', fgColor: {
   * argb } }`), for the other hosts to read from a highlight record; undefined for a gradient or a fill
   * it cannot describe.
   */
  fillOfXf(xf: number | null): Record<string, unknown> | undefined {
    const open = /^<[^>]*>/.exec(this.xfElement(xf ?? 0))?.[0] ?? '';
    const fillId = Number(attributes(open).get('fillId') ?? 0);
    this.fillElements ??= [...(this.block('fills') ?? '').matchAll(new RegExp(`<${this.prefix}fill\\b[^>]*?(?:/>|>[\\s\\S]*?</${this.prefix}fill>)`, 'g'))].map((m) => m[0]);
    const element = this.fillElements[fillId];
    if (element === undefined) return undefined;
    const pattern = /<(?:\w+:)?patternFill\b[^>]*>/.exec(element)?.[0];
    if (!pattern) return /gradientFill/.test(element) ? undefined : { type: 'pattern', pattern: 'none' };
    const fill: Record<string, unknown> = { type: 'pattern', pattern: attributes(pattern).get('patternType') ?? 'none' };
    for (const which of ['fgColor', 'bgColor']) {
      const tag = new RegExp(`<(?:\\w+:)?${which}\\b[^>]*>`).exec(element)?.[0];
      if (!tag) continue;
      const a = attributes(tag);
      const color: Record<string, unknown> = {};
      if (a.has('rgb')) color.argb = a.get('rgb');
      if (a.has('theme')) color.theme = Number(a.get('theme'));
      if (a.has('indexed')) color.indexed = Number(a.get('indexed'));
      if (a.has('tint')) color.tint = Number(a.get('tint'));
      if (Object.keys(color).length > 0) fill[which] = color;
    }
    return fill;
  }

  /** A cell format like `xf` with a solid `argb` fill, or with no fill (`null`): another host's record put back. */
  withFill(xf: number, argb: string | null): number {
    if (argb !== null) return this.highlightOf(xf, argb);
    const key = `nofill|${xf}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const element = this.xfElement(xf);
    const open = element.slice(0, element.indexOf('>') + 1);
    const index = this.append('cellXfs', setAttribute(open, 'fillId', '0') + element.slice(open.length));
    this.cache.set(key, index);
    return index;
  }

  private fillOf(argb: string): number {
    const key = `f|${argb}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const id = this.append('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    this.cache.set(key, id);
    return id;
  }

  private baseFont(): { name: string; size: string } {
    const first = new RegExp(`<${this.prefix}font\\b[^>]*>([\\s\\S]*?)</${this.prefix}font>`).exec(this.block('fonts') ?? '')?.[1] ?? '';
    const name = /<(?:\w+:)?name\b[^>]*>/.exec(first)?.[0];
    const size = /<(?:\w+:)?sz\b[^>]*>/.exec(first)?.[0];
    return { name: (name && attributes(name).get('val')) ?? 'Calibri', size: (size && attributes(size).get('val')) ?? '11' };
  }

  /** The cell format of one of the add-in's own cells: a named style (`STYLES`), a number format, a link look. */
  ownStyle(name: StyleName | undefined, numFmt: string | undefined, link: boolean): number {
    const key = `o|${name ?? ''}|${numFmt ?? ''}|${link ? 1 : 0}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const spec: StyleSpec = name ? STYLES[name] : {};
    const p = this.prefix;
    const base = this.baseFont();
    const color = spec.fontColor ?? (link ? LINK_COLOR : undefined);
    const fontId =
      spec.bold || spec.fontSize !== undefined || color || link
        ? this.append(
            'fonts',
            `<${p}font>${spec.bold ? `<${p}b/>` : ''}${link ? `<${p}u/>` : ''}<${p}sz val="${spec.fontSize ?? base.size}"/>` +
              `${color ? `<${p}color rgb="${color}"/>` : ''}<${p}name val="${escapeXml(base.name)}"/></${p}font>`,
          )
        : 0;
    const fillId = spec.fill ? this.fillOf(spec.fill) : 0;
    const borderId = spec.border
      ? this.cachedAppend('b|thin', 'borders', `<${p}border><${p}left style="thin"/><${p}right style="thin"/><${p}top style="thin"/><${p}bottom style="thin"/><${p}diagonal/></${p}border>`)
      : 0;
    let numFmtId = 0;
    if (numFmt) {
      numFmtId = BUILTIN_FORMATS[numFmt] ?? this.cache.get(`n|${numFmt}`) ?? -1;
      if (numFmtId < 0) {
        numFmtId = this.nextNumFmtId++;
        this.append('numFmts', `<${p}numFmt numFmtId="${numFmtId}" formatCode="${escapeXml(numFmt)}"/>`);
        this.cache.set(`n|${numFmt}`, numFmtId);
      }
    }
    const alignment =
      spec.align || spec.wrap
        ? `<${p}alignment${spec.align ? ` horizontal="${spec.align}"` : ''}${spec.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    const xf = alignment
      ? `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}>${alignment}</${p}xf>`
      : `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}/>`;
    const index = this.append('cellXfs', xf);
    this.cache.set(key, index);
    return index;
  }

  private cachedAppend(key: string, section: Section, element: string): number {
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const index = this.append(section, element);
    this.cache.set(key, index);
    return index;
  }

  /** Writes the appended elements into the part; leaves it untouched when nothing was added. */
  save(): void {
    if (this.added.size === 0) return;
    const p = this.prefix;
    let text = this.text;
    for (const section of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'] as Section[]) {
      const extra = this.added.get(section);
      if (!extra || extra.length === 0) continue;
      const total = this.count(section) + extra.length;
      const re = new RegExp(`<${p}${section}\\b([^>]*?)(/>|>([\\s\\S]*?)</${p}${section}>)`);
      const m = re.exec(text);
      if (m) {
        const open = setAttribute(`<${p}${section}${m[1]}>`, 'count', String(total));
        const body = m[3] ?? '';
        text = text.slice(0, m.index) + open + body + extra.join('') + `</${p}${section}>` + text.slice(m.index + m[0].length);
      } else {
        // A missing section goes before the first section that follows it in schema order.
        const element = `<${p}${section} count="${total}">${extra.join('')}</${p}${section}>`;
        const later = ORDER.slice(ORDER.indexOf(section) + 1)
          .map((s) => new RegExp(`<${p}${s}\\b`).exec(text)?.index)
          .filter((i): i is number => i !== undefined);
        const at = later.length > 0 ? Math.min(...later) : text.lastIndexOf(`</${p}styleSheet>`);
        text = text.slice(0, at) + element + text.slice(at);
      }
    }
    this.text = text;
    this.counts.clear();
    this.added.clear();
    this.pkg.setText(this.name, text);
  }
}
