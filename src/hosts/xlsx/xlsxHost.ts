/**
 * The xlsx host (SPEC §2): the `WorkbookHost` the CLI, the browser preview and most tests run the
 * pipeline on. It holds one ExcelJS workbook in memory; reading never changes it, applying a patch
 * changes only the in-memory copy, and nothing is written until `toBuffer`/`writeFile` is called.
 */
import ExcelJS from 'exceljs';
import type { ReadOptions, WorkbookHost } from '../../core/host';
import type { Patch } from '../../core/patch';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { applyPatch, selectCell } from './applyPatch';
import { setActiveWorksheet } from './sheetOrder';
import { looksLikeOleFile, WorkbookReadError, workbookReadError } from './errors';
import { installCompactDefinedNames } from './compactDefinedNames';
import { installLinearMergeLoading } from './linearMerges';
import { normaliseWorkbook } from './normalise';
import { preflightXlsx } from './preflight';
import { snapshotFromWorkbook } from './readSnapshot';

/**
 * ExcelJS types `load` as taking a Node `Buffer`, but it hands the bytes straight to JSZip, which takes
 * any `ArrayBuffer` or `Uint8Array` (and must, in the browser, where there is no `Buffer`). Method
 * parameters are checked bivariantly, so the real `Xlsx` object satisfies this wider view.
 */
interface BinaryLoader {
  load(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook>;
}

/** A zip that is not a workbook (a .docx, say) loads without error but has no sheets. */
function requireSheets(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  if (wb.worksheets.length === 0) {
    throw new WorkbookReadError('无法读取工作簿：文件中没有任何工作表，不是有效的 .xlsx 文件。');
  }
  return wb;
}

export class XlsxHost implements WorkbookHost {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    /** The file it was read from, which `writeFile` refuses to overwrite (SPEC §7). */
    private readonly sourcePath?: string,
    /** What loading changed that the officer should hear about (Chinese, without the 提示 prefix). */
    readonly notices: readonly string[] = [],
  ) {}

  /** Node only. Opens the file for reading; it is never written to. */
  static async fromFile(path: string): Promise<XlsxHost> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.readFile(path);
    } catch (err) {
      // ExcelJS reports a missing file with this message before opening anything.
      const missing = err instanceof Error && err.message.startsWith('File not found');
      throw workbookReadError(err, missing ? { missing: path } : /\.(xls|et)$/i.test(path) ? 'ole' : undefined);
    }
    return new XlsxHost(requireSheets(wb), path);
  }

  /**
   * Browser-safe: the bytes of an .xlsx file (the CLI reads the file itself and passes its path as
   * `sourcePath`). The package is checked first (preflight.ts): a claim that would make ExcelJS allocate far
   * beyond the file's real size is refused before loading, and what ExcelJS loads but cannot write back
   * is repaired after (normalise.ts).
   */
  static async fromBuffer(buf: ArrayBuffer | Uint8Array, sourcePath?: string): Promise<XlsxHost> {
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    if (looksLikeOleFile(bytes)) throw workbookReadError(new Error('OLE compound file'), 'ole');
    let seen;
    try {
      seen = await preflightXlsx(bytes);
    } catch (err) {
      // A part damaged inside an intact zip (a size or checksum that does not match) fails here first.
      throw err instanceof WorkbookReadError ? err : workbookReadError(err);
    }
    installLinearMergeLoading();
    installCompactDefinedNames();
    const wb = new ExcelJS.Workbook();
    const loader: BinaryLoader = wb.xlsx;
    try {
      await loader.load(seen.rewritten ?? bytes);
    } catch (err) {
      throw workbookReadError(err);
    }
    normaliseWorkbook(wb, seen);
    const notices = seen.longSheetNames.map(
      ({ name, shortened }) => `工作表名称“${name}”超过 Excel 允许的 31 个字符，输出文件中改为“${shortened}”。`,
    );
    return new XlsxHost(requireSheets(wb), sourcePath, notices);
  }

  async read(options?: ReadOptions): Promise<WorkbookSnapshot> {
    return snapshotFromWorkbook(this.workbook, options);
  }

  async apply(patch: Patch): Promise<void> {
    applyPatch(this.workbook, patch);
  }

  async select(sheet: string, cell: string): Promise<void> {
    const ws = selectCell(this.workbook, { sheet, cell });
    if (ws) setActiveWorksheet(this.workbook, ws);
  }

  async toBuffer(): Promise<Uint8Array> {
    // Typed as an ArrayBuffer-like `Buffer`; at run time a Node Buffer (or the browser build's
    // polyfill), both Uint8Arrays. Callers get a plain Uint8Array view so none depends on Buffer.
    const buf: unknown = await this.workbook.xlsx.writeBuffer();
    if (buf instanceof Uint8Array) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    if (buf instanceof ArrayBuffer) return new Uint8Array(buf);
    throw new Error('ExcelJS returned an unexpected buffer type');
  }

  /** Node only. Refuses the path the workbook was read from: the input file is never modified. */
  async writeFile(path: string): Promise<void> {
    if (this.sourcePath !== undefined && path === this.sourcePath) {
      throw new Error(`refusing to overwrite the input workbook ${path}; write to a different path`);
    }
    await this.workbook.xlsx.writeFile(path);
  }
}
