/// <reference types="office-js" />
import { type FailureStore, failureStore } from '../app/command-failure';
import { toLocale } from '../core/locale';
import { ExcelWorkbook, RESULT_SHEET_NAME, STORE_SHEET } from '../hosts/excel';
import type { PaneWorkbookPort } from '../core/workbook-port';

/**
 * The workbook's sheet names in tab order, read without any cell (the report sections' sheet lists: reading every
 * sheet to name them would cost seconds on a large workbook); the adapter's own sheets are left out.
 */
export function sheetNamesOf(excel: Pick<typeof Excel, 'run'>): () => Promise<string[]> {
  const own = new Set([STORE_SHEET, ...Object.values(RESULT_SHEET_NAME)]);
  return () =>
    excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name).filter((n) => !own.has(n));
    });
}

/**
 * The Office.js adapter for the open workbook, made once at boot with what it needs injected: `Excel.run`, the
 * requirement-set check (ExcelApi levels are asked at run time), and the language of generated text. It also
 * lists sheet names cheaply (`sheetNames`, used by the report sections where a port has it).
 */
export function createExcelPort(office: typeof Office, excel: typeof Excel = Excel): PaneWorkbookPort {
  const port = new ExcelWorkbook(
    (batch) => excel.run(batch),
    (set, version) => office.context.requirements.isSetSupported(set, version),
    { locale: toLocale(office.context.displayLanguage) },
  );
  return Object.assign(port, { sheetNames: sheetNamesOf(excel) });
}

/**
 * Where the ribbon commands (commands.html) leave a failure's message for the pane (taskpane.html): the add-in's
 * localStorage, which both pages of the same origin share; nothing goes into the workbook.
 */
export function commandFailures(): FailureStore {
  let storage: Storage | undefined;
  try {
    storage = globalThis.localStorage;
  } catch {
    storage = undefined;
  }
  return failureStore(storage);
}
