/**
 * Errors the fake raises. `FakeExcelError` mirrors Office.js's `OfficeExtension.Error` (a `code` such as
 * `ItemNotFound`, `PropertyNotLoaded`, `RequestPayloadSizeLimitExceeded`); `FakeUnsupportedError` says
 * the code under test used a part of the Excel API the fake does not model, which a test should never
 * see silently succeed.
 */
export class FakeExcelError extends Error {
  override readonly name = 'RichApi.Error';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    Object.setPrototypeOf(this, FakeExcelError.prototype);
  }
}

export class FakeUnsupportedError extends Error {
  override readonly name = 'FakeUnsupportedError';

  constructor(what: string) {
    super(`fakeExcel does not support ${what}; add it to test/support/fakeExcel if the host really needs it`);
    Object.setPrototypeOf(this, FakeUnsupportedError.prototype);
  }
}
