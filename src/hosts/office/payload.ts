/**
 * Request size budgeting. Excel on the web rejects a request or a response over 5 MB
 * (`RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`, see "Resource limits and
 * performance optimization for Office Add-ins"), and a single read is limited to 5,000,000 cells. The
 * host estimates what it queues and syncs before a request would pass the budget below, which keeps a
 * margin under the limit for the protocol's own framing.
 *
 * The estimates are deliberately pessimistic: every proxy object path and every action is counted at
 * `CALL_BYTES`, which is about twice what Office.js actually sends for one.
 */

/** Bytes of queued reads and writes allowed per `context.sync()` (request and response each). */
export const PAYLOAD_BUDGET = 4_000_000;

/** Excel's documented per-read cell limit. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** Estimated bytes for one object path or one action in a request. */
export const CALL_BYTES = 200;

/**
 * Estimated response bytes per cell when reading `values` and `numberFormat` together, before anything
 * has been measured: a short value, a format such as "General", quotes and commas.
 */
export const READ_BYTES_PER_CELL = 48;

/** Estimated response bytes per cell of `getCellProperties({ format: { fill } })`. */
export const CELL_PROPERTIES_BYTES = 160;

/** UTF-8 length of a string without `Buffer` or `TextEncoder` (the host runs in a browser). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair: 4 bytes for 2 code units
    else n += 2;
  }
  return n;
}

/**
 * UTF-8 bytes of a 2-D array of cell values or formats as JSON, without building the JSON string (a
 * block can be megabytes). Quotes and backslashes inside strings, which JSON escapes, are not counted:
 * they are rare in a workbook, and the budget leaves a margin.
 */
export function gridBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 3;
    for (const v of row) {
      if (typeof v === 'string') n += utf8Length(v) + 3;
      else if (typeof v === 'number') n += (Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v).length : 22) + 1;
      else n += 6;
    }
  }
  return n;
}

/** UTF-8 bytes of a value as JSON, which is how Office.js sends it. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

/**
 * Rows per read request for a block `columns` wide: as many as fit the budget at `bytesPerCell`, and
 * never more than Excel's per-read cell limit. Computed, so a 3-column ledger is read in far fewer
 * requests than a 60-column one.
 */
export function rowsPerRead(columns: number, bytesPerCell: number = READ_BYTES_PER_CELL, budget: number = PAYLOAD_BUDGET): number {
  const cols = Math.max(1, columns);
  const byBytes = Math.floor(budget / (cols * Math.max(1, bytesPerCell)));
  const byCells = Math.floor(MAX_CELLS_PER_READ / cols);
  return Math.max(1, Math.min(byBytes, byCells));
}

/** True for the errors Excel raises when a request or response is over the size limit. */
export function isPayloadLimitError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('code' in e)) return false;
  return e.code === 'RequestPayloadSizeLimitExceeded' || e.code === 'ResponsePayloadSizeLimitExceeded';
}
