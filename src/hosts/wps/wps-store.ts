import * as record from '../mark-record';
import { type RecordCells, type RecordColumn, RecordSheet } from '../record-store';
import { type EtWorkbook, type EtWorksheet, XL_SHEET_VERY_HIDDEN } from './et-model';
import { findSheet, lastVisibleSheet } from './wps-book';
import { toMatrix } from './wps-values';

/**
 * Where the record of marks and the pane's state live: the very hidden sheet `_drc_marks`, JSON in cells.
 *
 * Why a sheet: it is saved inside the workbook (.xlsx and .et) on every WPS version, so 清除标记 still restores
 * the originals after the file was saved, mailed and reopened. `PluginStorage` is not an option — WPS documents it
 * as shared between the add-in's pages but never persisted — and a custom document property holds at most 255
 * characters, far less than a record of thousands of marks.
 *
 * Layout: B1 the meta (counts, column spans), column A the mark record, column C the pane state, each as chunks of
 * at most 30,000 characters (a cell holds 32,767), every chunk starting with `|` and written as text.
 */

/** A cell's fill as read before marking (BGR colour; pattern and its colour only when not solid); null = no fill. */
export interface FillState {
  c: number;
  p?: number;
  pc?: number;
}

/** One marked cell in WPS: the fill and colour (BGR) as ET has them, and the comment it had. */
export interface MarkRecord extends record.MarkRecordOf<FillState, number> {
  /** Original comment text (null: the cell had none). */
  o: string | null;
  /** Our note text as appended to the comment ('' when the mark carries none). */
  t: string;
}

/** The mark record of a workbook. */
export type MarkStore = record.MarkStore<MarkRecord>;

/** The meta cell of the record. */
export type StoreMeta = record.StoreMeta;

const ABOUT = 'double-random-checklist: marks record and pane state, do not edit';

/** An empty store. */
export function emptyStore(): MarkStore {
  return record.emptyStore(ABOUT);
}

/** Text written so the host keeps it as typed: a leading apostrophe is the "this is text" prefix, not content. */
export function asText(s: string): string {
  return `'${s}`;
}

/** The record sheet's cells through ET: one `Range` call per read or write, values at once. */
function etCells(ws: EtWorksheet): RecordCells {
  const range = (column: RecordColumn, first: number, last: number) =>
    ws.Range(first === last ? `${column}${first}` : `${column}${first}:${column}${last}`);
  return {
    read(column, first, last) {
      const values = toMatrix(range(column, first, last).Value2, last - first + 1, 1);
      return () => values;
    },
    write(column, first, texts) {
      // The columns are formatted as text (`@`) when the sheet is made: the chunks are stored as they are.
      range(column, first, first + texts.length - 1).Value2 =
        texts.length === 1 ? (texts[0] ?? null) : texts.map((t) => [t]);
    },
    clear(column, first, last) {
      range(column, first, last).Value2 = null;
    },
  };
}

/** The record sheet of a workbook (the store logic is shared: record-store.ts), read and written at once. */
export class StoreSheet {
  private readonly record: RecordSheet<MarkRecord>;

  private constructor(readonly ws: EtWorksheet) {
    this.record = new RecordSheet(etCells(ws), ABOUT);
  }

  /** The record sheet, if the workbook has one. */
  static find(book: EtWorkbook): StoreSheet | undefined {
    const ws = findSheet(book, record.STORE_SHEET);
    return ws ? new StoreSheet(ws) : undefined;
  }

  /** Adds the record sheet, very hidden, after the last sheet; the sheet the user was on stays active. */
  static create(book: EtWorkbook): StoreSheet {
    const active = book.ActiveSheet;
    const ws = book.Worksheets.Add(undefined, lastVisibleSheet(book));
    ws.Name = record.STORE_SHEET;
    ws.Range('A:C').NumberFormat = '@';
    ws.Visible = XL_SHEET_VERY_HIDDEN;
    // Why: `Worksheets.Add` activates the new sheet.
    active?.Activate();
    return new StoreSheet(ws);
  }

  /** The meta cell. */
  readMeta(): StoreMeta {
    return this.record.meta()();
  }

  /** The whole store: meta, then the record (one call each). */
  read(): MarkStore {
    return this.record.marks(this.readMeta())();
  }

  /** The pane state (key → value). */
  readState(meta = this.readMeta()): Record<string, string> {
    return this.record.state(meta)();
  }

  /** Writes the pane state, then the meta. */
  writeState(meta: StoreMeta, state: Record<string, string>): void {
    this.record.writeState(meta, state);
  }

  /** Writes the record, then the meta. */
  write(store: MarkStore, oldChunks: number): void {
    this.record.writeMarks(store, oldChunks);
  }
}

/** The record, opened for changes: its sheet (if any) and what it held. */
export interface OpenStore {
  sheet?: StoreSheet;
  store: MarkStore;
  oldChunks: number;
}

/** Reads the record of a workbook (an empty one when it has no record sheet). */
export function openStore(book: EtWorkbook): OpenStore {
  const sheet = StoreSheet.find(book);
  const store = sheet ? sheet.read() : emptyStore();
  return { sheet, store, oldChunks: store.meta.chunks };
}

/** Writes the record, adding its sheet when the workbook has none yet. */
export function saveStore(book: EtWorkbook, open: OpenStore): void {
  open.sheet ??= StoreSheet.create(book);
  open.sheet.write(open.store, open.oldChunks);
  open.oldChunks = open.store.meta.chunks;
}
