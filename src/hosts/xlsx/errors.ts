/**
 * Errors the xlsx host raises for problems the user can fix, as opposed to bugs. The CLI maps
 * `WorkbookReadError` to exit code 2 and prints `message` as is, so the message is Chinese and names
 * the file problem in the officer's terms.
 */
export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Keeps `instanceof` working when the class is compiled down or crosses bundle boundaries.
    Object.setPrototypeOf(this, WorkbookReadError.prototype);
  }
}

/** The first bytes of an OLE compound file: old binary .xls workbooks and password-protected .xlsx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function looksLikeOleFile(bytes: Uint8Array): boolean {
  if (bytes.length < OLE_SIGNATURE.length) return false;
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

const RESAVE_HINT = '如果它是旧版 .xls 文件或设置了打开密码，请在 Excel 中取消密码并“另存为” .xlsx 后再试。';

/** The error code Node gives a failed file operation (EISDIR, EACCES …); undefined for any other error. */
function systemErrorCode(cause: unknown): string | undefined {
  // Duck-typed: an error from another realm (a worker, jest's sandbox) is not `instanceof Error`.
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(cause: unknown): string {
  const message = typeof cause === 'object' && cause !== null ? (cause as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(cause);
}

/**
 * JSZip's messages when the bytes are not a zip archive or the archive is cut short or damaged
 * (“Can't find end of central directory”, “Corrupted zip”, “End of data reached”, “invalid signature”).
 */
const NOT_A_ZIP = /central directory|corrupted zip|end of data reached|signature|is this a zip file/i;

/**
 * Turns whatever ExcelJS, JSZip or the file system threw while loading into a Chinese message an officer
 * can act on. The library's own text (English, sometimes with a URL) never reaches the message; it stays
 * on `cause`, which the CLI prints only when JIXIAO_DEBUG is set.
 * `hint` is what we could tell about the input before loading (an .xls name, OLE bytes, a missing file).
 */
export function workbookReadError(cause: unknown, hint?: 'ole' | { missing: string }): WorkbookReadError {
  if (typeof hint === 'object') {
    return new WorkbookReadError(`无法读取工作簿：找不到文件 ${hint.missing}。`, { cause });
  }
  if (hint === 'ole') {
    return new WorkbookReadError(
      '无法读取工作簿：文件是旧版 .xls 格式或设置了打开密码，请在 Excel 中取消密码并“另存为” .xlsx 后再试。',
      { cause },
    );
  }
  const code = systemErrorCode(cause);
  if (code === 'EISDIR') {
    return new WorkbookReadError('无法读取工作簿：这是一个文件夹，不是工作簿。请指定文件夹中的 .xlsx 文件。', { cause });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new WorkbookReadError('无法读取工作簿：没有读取该文件的权限。请确认文件没有被其他程序独占，或复制一份后再试。', { cause });
  }
  if (code === 'ENOENT') {
    return new WorkbookReadError('无法读取工作簿：找不到文件。', { cause });
  }
  const detail = messageOf(cause);
  // An OLE file is recognised by its bytes where they are at hand (fromBuffer, the CLI); otherwise the
  // common causes are named as a suggestion.
  const what = NOT_A_ZIP.test(detail) ? '不是 zip 格式，或文件已损坏' : '其中的内容无法解析，文件可能已损坏';
  return new WorkbookReadError(`无法读取工作簿：文件不是有效的 .xlsx 文件（${what}）。${RESAVE_HINT}`, { cause });
}
