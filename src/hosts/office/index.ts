/** The Office host's public surface; everything else in this folder is an implementation detail. */
export { OfficeHost, excelRunner, type OfficeHostOptions, type Runner, type RunOptions } from './officeHost';
export { capabilities, officeSupports, type Capabilities, type Supports } from './apiSupport';
export { PAYLOAD_BUDGET, rowsPerRead } from './payload';
export { SETTINGS_KEY, STATE_SHEET_NAME } from './stateStore';
