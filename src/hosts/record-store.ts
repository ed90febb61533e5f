import {
  emptyStore,
  type MarkStore,
  marksText,
  metaText,
  parseMarks,
  parseMeta,
  parseState,
  type StoreMeta,
} from './mark-record';
import { chunkText, joinChunks } from './record-chunks';

// The record sheet as every host keeps it (Excel, WPS): which cell holds what, how text is cut into chunk cells,
// what the meta cell counts, and in which order the cells are written. A host gives only `RecordCells`: reading,
// writing and emptying a few cells of one column of the sheet, its own way (Excel queues them into a sync under its
// payload budget; WPS reads and writes at once). Finding or adding the sheet itself stays with the host.

/** The record sheet's columns: A the marks, B the meta (B1 only), C the pane state. */
export type RecordColumn = 'A' | 'B' | 'C';

/** Column of the mark record's chunks. */
export const MARKS_COLUMN: RecordColumn = 'A';
/** Column of the meta cell (row 1). */
export const META_COLUMN: RecordColumn = 'B';
/** Column of the pane state's chunks (for hosts with no other place for it). */
export const STATE_COLUMN: RecordColumn = 'C';

/** A host's cell I/O on its record sheet; rows are 1-based, and every cell written holds text. */
export interface RecordCells {
  /** Asks for rows `first`..`last` of a column; the returned function gives their values (rows of one cell) once the host has them. */
  read(column: RecordColumn, first: number, last: number): () => readonly unknown[][];
  /** Writes texts down a column from row `first`, stored as text (never read as a number or a formula). */
  write(column: RecordColumn, first: number, texts: readonly string[]): void;
  /** Empties rows `first`..`last` of a column. */
  clear(column: RecordColumn, first: number, last: number): void;
}

/** Writes `text` as chunks into a column that held `oldCount` chunks (the ones past the new text emptied); the new count. */
function writeColumn(cells: RecordCells, column: RecordColumn, text: string, oldCount: number): number {
  const chunks = text ? chunkText(text) : [];
  if (oldCount > chunks.length) cells.clear(column, chunks.length + 1, oldCount);
  if (chunks.length > 0) cells.write(column, 1, chunks);
  return chunks.length;
}

/** Asks for `count` chunks of a column; their joined text once the host has them ('' for none, with no read). */
function readColumn(cells: RecordCells, column: RecordColumn, count: number): () => string {
  if (count <= 0) return () => '';
  const values = cells.read(column, 1, count);
  return () => joinChunks(values());
}

/**
 * The mark record of a workbook on its record sheet, read and written through a host's `RecordCells`. Reads are
 * asked for first and taken once the host has them (`meta()` then `marks(meta)`), so a host that batches its
 * calls reads the record in as few round trips as its budget allows. Every write ends with the meta cell: a write
 * cut off before it leaves the old counts, and the record they describe is never half new.
 */
export class RecordSheet<R> {
  constructor(
    private readonly cells: RecordCells,
    /** What the sheet is, said in its meta cell for a person who finds it. */
    private readonly about: string,
  ) {}

  /** An empty record (a workbook that has no record sheet). */
  empty(): MarkStore<R> {
    return emptyStore<R>(this.about);
  }

  /** Asks for the meta cell; the meta once the host has it (an unreadable cell is an empty record's meta). */
  meta(): () => StoreMeta {
    const values = this.cells.read(META_COLUMN, 1, 1);
    return () => parseMeta(values()[0]?.[0], this.about);
  }

  /** Asks for the marks the meta counts; the whole record once the host has them. */
  marks(meta: StoreMeta): () => MarkStore<R> {
    const text = readColumn(this.cells, MARKS_COLUMN, meta.chunks);
    return () => ({ meta, marks: parseMarks<R>(text()) });
  }

  /** Asks for the pane state the meta counts; the state (key → value) once the host has it. */
  state(meta: StoreMeta): () => Record<string, string> {
    const text = readColumn(this.cells, STATE_COLUMN, meta.stateChunks);
    return () => parseState(text());
  }

  /** Writes the marks over the `oldChunks` the sheet held, then the meta (its chunk count updated). */
  writeMarks(store: MarkStore<R>, oldChunks: number): void {
    store.meta.chunks = writeColumn(this.cells, MARKS_COLUMN, marksText(store), oldChunks);
    this.writeMeta(store.meta);
  }

  /** Writes the pane state over the chunks the meta counts, then the meta (its state count updated). */
  writeState(meta: StoreMeta, state: Readonly<Record<string, string>>): void {
    const text = Object.keys(state).length > 0 ? JSON.stringify(state) : '';
    meta.stateChunks = writeColumn(this.cells, STATE_COLUMN, text, meta.stateChunks);
    this.writeMeta(meta);
  }

  /** Writes the meta cell alone. */
  writeMeta(meta: StoreMeta): void {
    this.cells.write(META_COLUMN, 1, [metaText(meta)]);
  }
}
