/// <reference types="office-js" />
import { toLocale } from '../core/locale';
import { ExcelWorkbook } from '../hosts/excel';
import type { PaneWorkbookPort } from '../hosts/workbook-port';

/**
 * The Office.js adapter for the open workbook, made once at boot with what it needs injected: `Excel.run`, the
 * requirement-set check (ExcelApi levels are asked at run time), and the language of generated text.
 */
export function createExcelPort(office: typeof Office, excel: typeof Excel = Excel): PaneWorkbookPort {
  return new ExcelWorkbook(
    (batch) => excel.run(batch),
    (set, version) => office.context.requirements.isSetSupported(set, version),
    { locale: toLocale(office.context.displayLanguage) },
  );
}
