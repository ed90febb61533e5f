/// <reference types="office-js" />
import type { ApiLevel } from './excel-api';
import { ExcelHostError } from './excel-errors';
import { STORE_SHEET } from './excel-mark-store';

/** A worksheet as loaded once per operation. */
export interface SheetInfo {
  id: string;
  name: string;
  /** Sheet protection (ExcelApi 1.2; false where it cannot be known). */
  protected: boolean;
  visibility: string;
  proxy: Excel.Worksheet;
}

/** The workbook facts every operation starts from (one sync). */
export interface BookInfo {
  sheets: SheetInfo[];
  /** ExcelApi 1.8; false where it cannot be known (then the first write fails and nothing was changed yet). */
  readOnly: boolean;
  /** Workbook structure protection (ExcelApi 1.7): no sheet can be added or deleted. */
  structureProtected: boolean;
  /** The mark record sheet, when the workbook has one. */
  store?: SheetInfo;
}

/** Loads sheet names, ids, visibility, protection and the workbook's read-only state in one sync. */
export async function loadBook(context: Excel.RequestContext, api: ApiLevel): Promise<BookInfo> {
  const sheets = context.workbook.worksheets;
  sheets.load(
    api.has(2)
      ? 'items/name,items/id,items/visibility,items/protection/protected'
      : 'items/name,items/id,items/visibility',
  );
  if (api.has(8)) context.workbook.load('readOnly');
  const structure = api.has(7) ? context.workbook.protection : undefined;
  structure?.load('protected');
  await context.sync();
  const infos: SheetInfo[] = sheets.items.map((ws) => ({
    id: ws.id,
    name: ws.name,
    protected: api.has(2) ? ws.protection.protected : false,
    visibility: ws.visibility,
    proxy: ws,
  }));
  return {
    sheets: infos.filter((s) => s.name !== STORE_SHEET),
    readOnly: api.has(8) ? context.workbook.readOnly : false,
    structureProtected: structure ? structure.protected : false,
    store: infos.find((s) => s.name === STORE_SHEET),
  };
}

/** The sheet of that name, or a typed error. */
export function sheetNamed(book: BookInfo, name: string): SheetInfo {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new ExcelHostError('excel/unknown-sheet', { sheet: name });
  return s;
}

/**
 * Refuses, before anything is changed, to write into a read-only workbook, a protected sheet, or to add a
 * sheet to a workbook whose structure is protected.
 */
export function assertWritable(book: BookInfo, sheets: Iterable<SheetInfo>, addsSheet: boolean): void {
  if (book.readOnly) throw new ExcelHostError('excel/read-only');
  for (const s of sheets)
    if (s.protected) throw new ExcelHostError('excel/sheet-protected', { sheet: s.name });
  if (addsSheet && book.structureProtected) throw new ExcelHostError('excel/structure-protected');
}
