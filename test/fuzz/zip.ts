/** Package-level access to an .xlsx (a zip of XML parts), for corrupting it and for reading it safely. */
import JSZip from 'jszip';

export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function zipBytes(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function readPart(zip: JSZip, name: string): Promise<string | null> {
  const f = zip.file(name);
  return f ? f.async('string') : null;
}

/** The worksheet parts in workbook order as ExcelJS writes them (xl/worksheets/sheetN.xml). */
export function sheetParts(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a.slice(14))![0]) - Number(/\d+/.exec(b.slice(14))![0]));
}

/** Rewrites one part's text. */
export async function editPart(zip: JSZip, name: string, edit: (xml: string) => string): Promise<void> {
  const xml = await readPart(zip, name);
  if (xml !== null) zip.file(name, edit(xml));
}

/** Adds `<mergeCells>` with `refs` to a sheet part (ExcelJS's own writer is quadratic in merges). */
export function withMerges(sheetXml: string, refs: string[]): string {
  const merges = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
  const clean = sheetXml.replace(/<mergeCells[^>]*\/>|<mergeCells[\s\S]*?<\/mergeCells>/g, '');
  return clean.replace('</sheetData>', `</sheetData>${merges}`);
}

/**
 * The workbook without its merge lists, so the checker can read a file with 25,000 merges or one merge
 * over the whole grid (ExcelJS would hang or run out of memory on them). Values are not affected: a
 * merge's value is its top-left cell's. Null when the bytes are not a zip.
 */
export async function withoutMerges(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const zip = await openZip(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      await editPart(zip, name, (xml) => xml.replace(/<mergeCells[^>]*\/>|<mergeCells[\s\S]*?<\/mergeCells>/g, ''));
    }
    return await zipBytes(zip);
  } catch {
    return null; // not a zip, or a part that does not inflate
  }
}
