/** The Excel (Office.js) host adapter: the open workbook behind the pane's port; `Excel.run` is passed in. */
export { ApiLevel, DEFAULT_LIMITS, type ExcelRun, type RequirementCheck, type SyncLimits } from './excel-api';
export { ExcelHostError, type ExcelHostCode } from './excel-errors';
export type { ExcelRowsChanged } from './excel-events';
export { STORE_SHEET } from './excel-mark-store';
export type { ClearReport, SkippedMark } from '../../core/workbook-port';
export type { MarkMode } from './excel-mark-plan';
export { RESULT_SHEET_NAME } from './excel-result-sheet';
export { charsToPoints } from './excel-write-sheet';
export { ExcelWorkbook, type ExcelWorkbookOptions } from './excel-workbook';
