/** The WPS 表格 host adapter: the open workbook behind the pane's port; the `Application` object is passed in. */
export * from './et-model';
export { STORE_SHEET, SHEET_ID_NAME } from './wps-book';
export { WpsHostError, type WpsHostCode } from './wps-errors';
export type { ClearReport, SkippedMark } from '../../core/workbook-port';
export { markColour } from './wps-marks';
export { wpsLocale } from './wps-locale';
export { WpsWorkbook, type WpsReadFigures, type WpsWorkbookOptions } from './wps-workbook';
