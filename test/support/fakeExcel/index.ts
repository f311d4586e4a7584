export { FakeExcel, type FakeExcelOptions } from './fakeExcel';
export { FakeWorkbookModel, FakeSheet, type CellFormat, type Fill, type RawValue, type SheetDescription } from './model';
export { FakeExcelError, FakeUnsupportedError } from './errors';
export { FAKE_PAYLOAD_LIMIT, type SyncRecord } from './context';
