/** The xlsx host's public surface; everything else in this folder is an implementation detail. */
export { XlsxHost } from './xlsxHost';
export { WorkbookReadError } from './errors';
export { snapshotFromWorkbook } from './readSnapshot';
export { applyPatch } from './applyPatch';
export { readState, writeState, STATE_SHEET_NAME } from './stateSheet';
