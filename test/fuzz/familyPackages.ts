/**
 * Family (c): corrupted packages. A valid .xlsx (one of examples/ or a generated layout) with its zip
 * or its parts damaged: truncated, bytes flipped, a part dropped or replaced with junk XML, a shared
 * string run without text, an orphan shared formula, a gradient fill with junk attributes; or a .docx,
 * a .pdf, an empty file or an OLE header under an .xlsx name.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toXlsxBytes } from '../support/layouts';
import type { Built } from './built';
import { layoutFrom, type Prng } from './rng';
import { editPart, openZip, sheetParts, zipBytes } from './zip';

const EXAMPLES = ['kunming-2019-self-evaluation.xlsx', 'kunming-2019-subtotal-rows.xlsx', 'zengcheng-2023-index-system.xlsx', 'wuhua-2023-separate-sheets.xlsx'];
const examplesDir = join(__dirname, '../../examples');

async function source(rng: Prng): Promise<{ name: string; bytes: Uint8Array }> {
  if (rng.next() < 0.5) {
    const name = rng.pick(EXAMPLES);
    return { name, bytes: new Uint8Array(readFileSync(join(examplesDir, name))) };
  }
  const layout = layoutFrom(rng);
  return { name: `layout [${layout.features.join(', ') || 'baseline'}]`, bytes: await toXlsxBytes(layout.spec) };
}

const JUNK_XML = [
  '<foo>',
  '<?xml version="1.0"?><root><unclosed></root>',
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  '\u0000\u0001\u0002 binary junk \uffff',
  '',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;&a;&a;</x>',
  '<?xml version="1.0"?><sst count="5"><si><t>only one</t></si></sst>',
];

type Zipped = (zip: JSZip, rng: Prng) => Promise<string>;

/** Part-level damage, on the unzipped package. */
const PART_DAMAGE: Record<string, Zipped> = {
  'drop a part': async (zip, rng) => {
    const part = rng.pick(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', ...sheetParts(zip)]);
    zip.remove(part);
    return `dropped ${part}`;
  },
  'junk XML in a part': async (zip, rng) => {
    const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    const part = rng.pick(parts);
    const junk = rng.pick(JUNK_XML);
    zip.file(part, junk);
    return `${part} replaced by ${JSON.stringify(junk.slice(0, 40))}`;
  },
  'shared string run without text': async (zip) => {
    await editPart(zip, 'xl/sharedStrings.xml', (xml) => xml.replace(/<si>[\s\S]*?<\/si>/, '<si><r><rPr><b/></rPr></r></si>'));
    return 'first shared string is a run without <t>';
  },
  'orphan shared formula': async (zip, rng) => {
    const part = rng.pick(sheetParts(zip));
    let done = false;
    await editPart(zip, part, (xml) => xml.replace(/<c r="([A-Z]+\d+)"([^>]*?)(\/>|>[\s\S]*?<\/c>)/, (m, ref: string, attrs: string) => {
      done = true;
      return `<c r="${ref}"${attrs.replace(/ t="[^"]*"/, '')}><f t="shared" si="7"/><v>1</v></c>`;
    }));
    return done ? `orphan shared formula si=7 in ${part}` : 'orphan shared formula: no cell found';
  },
  'gradient fill with junk attributes': async (zip, rng) => {
    const junk = rng.pick([
      '<fill><gradientFill degree="abc" type="zzz"><stop position="x"><color rgb="GG"/></stop></gradientFill></fill>',
      '<fill><gradientFill type="path" left="-1" right="2"><stop/></gradientFill></fill>',
      '<fill><gradientFill><stop position="0"/><stop position="1"><color theme="99" tint="NaN"/></stop></gradientFill></fill>',
    ]);
    await editPart(zip, 'xl/styles.xml', (xml) => xml.replace(/<fill>[\s\S]*?<\/fill>/, junk));
    return `first fill replaced by ${junk.slice(0, 50)}…`;
  },
};

/** Byte-level damage, on the zip itself. */
const BYTE_DAMAGE: Record<string, (bytes: Uint8Array, rng: Prng) => { bytes: Uint8Array; what: string }> = {
  truncate: (bytes, rng) => {
    const n = rng.int(0, bytes.length - 1);
    return { bytes: bytes.slice(0, n), what: `truncated to ${n} of ${bytes.length} bytes` };
  },
  'flip bytes': (bytes, rng) => {
    const out = bytes.slice();
    const k = rng.int(1, 8);
    const at: number[] = [];
    for (let i = 0; i < k; i++) {
      const p = rng.int(0, out.length - 1);
      out[p] ^= 1 << rng.int(0, 7);
      at.push(p);
    }
    return { bytes: out, what: `bits flipped at ${at.join(',')}` };
  },
};

/** Not a workbook at all, under an .xlsx name. */
const IMPOSTORS: Record<string, () => Promise<Uint8Array>> = {
  docx: async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>绩效目标</w:t></w:r></w:p></w:body></w:document>');
    return zipBytes(zip);
  },
  pdf: async () => new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
  empty: async () => new Uint8Array(0),
  'OLE header': async () => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return b;
  },
  'OLE header, 8 bytes': async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
};

export const PACKAGE_DAMAGE = [...Object.keys(PART_DAMAGE), ...Object.keys(BYTE_DAMAGE), 'impostor'];

export async function buildPackage(rng: Prng, only?: string): Promise<Built> {
  const kind = only ?? rng.pick(PACKAGE_DAMAGE);
  if (kind === 'impostor') {
    const what = rng.pick(Object.keys(IMPOSTORS));
    return { label: `impostor: ${what} named .xlsx`, bytes: await IMPOSTORS[what](), fileName: rng.pick(['input.xlsx', '绩效自评表.xlsx', 'INPUT.XLSX']) };
  }
  const src = await source(rng);
  const args = src.name.startsWith('zengcheng') && rng.next() < 0.5 ? ['--rules', 'gz-zengcheng-2023'] : [];
  if (kind in BYTE_DAMAGE) {
    const { bytes, what } = BYTE_DAMAGE[kind](src.bytes, rng);
    return { label: `${kind}: ${src.name}, ${what}`, bytes, args };
  }
  const zip = await openZip(src.bytes);
  const what = await PART_DAMAGE[kind](zip, rng);
  return { label: `${kind}: ${src.name}, ${what}`, bytes: await zipBytes(zip), args };
}
