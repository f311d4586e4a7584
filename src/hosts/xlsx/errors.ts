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

/**
 * Turns whatever ExcelJS or JSZip threw while loading into the message an officer can act on.
 * `hint` is what we could tell about the input before loading (an .xls name, OLE bytes).
 */
export function workbookReadError(cause: unknown, hint?: 'ole' | { missing: string }): WorkbookReadError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (typeof hint === 'object') {
    return new WorkbookReadError(`无法读取工作簿：找不到文件 ${hint.missing}`, { cause });
  }
  if (hint === 'ole') {
    return new WorkbookReadError(
      '无法读取工作簿：文件是旧版 .xls 格式或设置了打开密码，请在 Excel 中取消密码并“另存为” .xlsx 后再试。',
      { cause },
    );
  }
  // Reading a file by path gives no bytes to sniff, so the common causes are named as a suggestion.
  return new WorkbookReadError(
    `无法读取工作簿：文件不是有效的 .xlsx 文件（${detail}）。如果它是旧版 .xls 文件或设置了打开密码，请在 Excel 中取消密码并“另存为” .xlsx 后再试。`,
    { cause },
  );
}
