import * as record from '../mark-record';
import { chunkText, untagChunk } from '../record-chunks';
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

function parseMeta(value: unknown): StoreMeta {
  return record.parseMeta(value, ABOUT);
}

/** Text written so the host keeps it as typed: a leading apostrophe is the "this is text" prefix, not content. */
export function asText(s: string): string {
  return `'${s}`;
}

/** The record sheet of a workbook, read and written through a handful of calls. */
export class StoreSheet {
  private constructor(readonly ws: EtWorksheet) {}

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
    return parseMeta(this.ws.Range('B1').Value2);
  }

  /** Joins `count` chunks of a column (one call). */
  readChunks(column: 'A' | 'C', count: number): string {
    if (count <= 0) return '';
    const values = toMatrix(this.ws.Range(`${column}1:${column}${count}`).Value2, count, 1);
    let s = '';
    for (const row of values) s += untagChunk(row[0]) ?? '';
    return s;
  }

  /** The whole store: meta, then the record (one call each). */
  read(): MarkStore {
    const meta = this.readMeta();
    return { meta, marks: record.parseMarks<MarkRecord>(this.readChunks('A', meta.chunks)) };
  }

  /** The pane state (key → value). */
  readState(meta = this.readMeta()): Record<string, string> {
    return record.parseState(this.readChunks('C', meta.stateChunks));
  }

  /** Writes `text` as chunks into a column (old chunks beyond them cleared); returns the chunk count. */
  writeChunks(column: 'A' | 'C', text: string, oldCount: number): number {
    const chunks = text ? chunkText(text) : [];
    if (oldCount > chunks.length)
      this.ws.Range(`${column}${chunks.length + 1}:${column}${oldCount}`).Value2 = null;
    // The columns are formatted as text (`@`) when the sheet is made: the chunks are stored as they are.
    if (chunks.length > 0)
      this.ws.Range(`${column}1:${column}${chunks.length}`).Value2 = chunks.map((c) => [c]);
    return chunks.length;
  }

  /** The meta cell, written last so a cut-off write is never trusted. */
  writeMeta(meta: StoreMeta): void {
    this.ws.Range('B1').Value2 = record.metaText(meta);
  }

  /** Writes the record (and the meta). */
  write(store: MarkStore, oldChunks: number): void {
    store.meta.chunks = this.writeChunks('A', record.marksText(store), oldChunks);
    this.writeMeta(store.meta);
  }
}
