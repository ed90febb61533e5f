import { STORE_SHEET } from '../mark-record';
import { type EtApplication, type EtWorkbook, type EtWorksheet, XL_SHEET_VISIBLE } from './et-model';
import { WpsHostError } from './wps-errors';

export { STORE_SHEET };

/**
 * The sheet-level defined name that identifies a sheet across renames. Why a name: WPS gives a worksheet no stable
 * id of its own (`Index` moves, `Name` is renamed, `CodeName` is read-only and empty in new .xlsx files), while a
 * sheet-scoped name is saved in the file, travels with the sheet when it is renamed or moved, and disappears when
 * the sheet is deleted. It is hidden (`Visible = false`) and removed again by 清除标记.
 */
export const SHEET_ID_NAME = '_drc_sheet_id';

/** A worksheet of the workbook, by tab position. */
export interface SheetRef {
  ws: EtWorksheet;
  name: string;
}

/** The open workbook, or a typed error when there is none. */
export function activeBook(app: EtApplication): EtWorkbook {
  const book = app.ActiveWorkbook;
  if (!book) throw new WpsHostError('wps/no-workbook');
  return book;
}

/** Every worksheet of the workbook in tab order, the record sheet included. */
export function allSheets(book: EtWorkbook): SheetRef[] {
  const sheets = book.Worksheets;
  const n = sheets.Count;
  const out: SheetRef[] = [];
  for (let i = 1; i <= n; i++) {
    const ws = sheets.Item(i);
    out.push({ ws, name: ws.Name });
  }
  return out;
}

/** The user's worksheets (the record sheet left out). */
export function userSheets(book: EtWorkbook): SheetRef[] {
  return allSheets(book).filter((s) => s.name !== STORE_SHEET);
}

/**
 * The last visible sheet, to add new sheets after. Why not simply the last: adding after a (very) hidden sheet —
 * the record sheet usually sits at the end — is refused by the VBA-compatible model in some versions.
 */
export function lastVisibleSheet(book: EtWorkbook): EtWorksheet {
  const sheets = book.Worksheets;
  for (let i = sheets.Count; i >= 1; i--) {
    const ws = sheets.Item(i);
    if (ws.Visible === XL_SHEET_VISIBLE) return ws;
  }
  return sheets.Item(sheets.Count);
}

/** A worksheet by name, or undefined (`Worksheets.Item(name)` throws for a missing one). */
export function findSheet(book: EtWorkbook, name: string): EtWorksheet | undefined {
  try {
    return book.Worksheets.Item(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** A worksheet by name, or the typed error. */
export function sheetNamed(book: EtWorkbook, name: string): EtWorksheet {
  const ws = name === STORE_SHEET ? undefined : findSheet(book, name);
  if (!ws) throw new WpsHostError('wps/unknown-sheet', { sheet: name });
  return ws;
}

/** The id kept in a sheet's hidden name, or undefined when it has none. */
export function readSheetId(ws: EtWorksheet): string | undefined {
  let refers: unknown;
  try {
    refers = ws.Names.Item(SHEET_ID_NAME).RefersTo;
  } catch {
    return undefined;
  }
  const m = /^="?([^"]*)"?$/.exec(String(refers ?? ''));
  return m && m[1] ? m[1] : undefined;
}

/** The key records use for a sheet whose hidden name could not be made: its name (a rename then loses it). */
export const nameKey = (name: string): string => `n:${name}`;

/**
 * The sheet's id, creating its hidden name when it has none. The name is read back: a host that would not keep a
 * sheet-level name gets the sheet's name as its key instead (marks still restore, unless the sheet is renamed).
 */
export function ensureSheetId(ws: EtWorksheet, sheetName: string): string {
  const known = readSheetId(ws);
  if (known) return known;
  const id = `s${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
  try {
    const name = ws.Names.Add(SHEET_ID_NAME, `="${id}"`, false);
    name.Visible = false;
  } catch {
    return nameKey(sheetName);
  }
  return readSheetId(ws) === id ? id : nameKey(sheetName);
}

/** Removes a sheet's id name (nothing of ours is left on it). */
export function dropSheetId(ws: EtWorksheet): void {
  try {
    ws.Names.Item(SHEET_ID_NAME).Delete();
  } catch {
    // No name: nothing to remove.
  }
}

/**
 * Refuses, before anything is changed, to write into a read-only workbook, a protected sheet, or to add a sheet to
 * a workbook whose structure is protected.
 */
export function assertWritable(book: EtWorkbook, sheets: Iterable<SheetRef>, addsSheet: boolean): void {
  if (book.ReadOnly) throw new WpsHostError('wps/read-only');
  for (const s of sheets)
    if (s.ws.ProtectContents) throw new WpsHostError('wps/sheet-protected', { sheet: s.name });
  if (addsSheet && book.ProtectStructure) throw new WpsHostError('wps/structure-protected');
}

/**
 * Runs `work` with screen updating off (many format changes repaint once), and the alerts that deleting or merging
 * would raise switched off; both are put back as they were, whatever happens.
 */
export function quietly<T>(app: EtApplication, work: () => T): T {
  const screen = app.ScreenUpdating;
  const alerts = app.DisplayAlerts;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false;
  try {
    return work();
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
}
