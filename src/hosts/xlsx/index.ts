/** The .xlsx / .csv host adapter: bytes in, grids out, marked copies back as .xlsx bytes (no file system). */
export { CsvWorkbook, toSheetName } from './csv-workbook';
export { WorkbookMarkError, WorkbookReadError, type WorkbookMarkCode, type WorkbookReadCode } from './errors';
export { openWorkbook } from './open-workbook';
export { decodeText, type DecodedText, type TextEncoding } from './text-decode';
export { XlsxWorkbook } from './xlsx-workbook';
