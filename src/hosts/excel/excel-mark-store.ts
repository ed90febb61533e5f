/// <reference types="office-js" />
import * as record from '../mark-record';
import { CHUNK_CHARS, chunkText, joinChunks } from '../record-chunks';
import { type ApiLevel, jsonBytes, type SyncBatcher, type SyncLimits } from './excel-api';

/**
 * Where the record of our marks lives: a very hidden worksheet, with JSON in column A in chunks.
 *
 * Why a sheet and not custom XML parts: custom XML parts need ExcelApi 1.5, but the core flow must work on 1.1
 * (Office 2016 volume licence); a sheet is saved with the workbook on every level, is read and written with the
 * same calls as cells, and its size is bounded by chunking (a cell holds at most 32,767 characters).
 * `visibility = 'VeryHidden'` needs ExcelApi 1.2 (1.1 can only read visibility): on 1.1 the sheet stays visible
 * and says what it is in its first meta cell.
 */
export const STORE_SHEET = record.STORE_SHEET;

/** A cell's fill as read before marking; `null` stands for "no fill". */
export interface FillState {
  color: string;
  /** ExcelApi 1.9: pattern, its colour and the tint, restored where the host has them. */
  pattern?: string;
  patternColor?: string;
  tint?: number;
}

/** One marked cell in Excel: the fill and colour as Excel has them, and where its note or comment went. */
export interface MarkRecord extends record.MarkRecordOf<FillState, string> {
  /** Notes (ExcelApi 1.18): the original note, null when the cell had none. */
  o?: string | null;
  /** Comments (ExcelApi 1.10): id of the thread we added, or of our reply to an existing thread. */
  ci?: string;
  ri?: string;
  /** Our note text: kept only where it is shown on a result sheet (no notes, no comments). */
  t?: string;
  /** Notes: our part of the note as written, `<length>:<hash>` (to take only ours out when the person wrote more). */
  ts?: string;
}

/** The mark record of a workbook. */
export type MarkStore = record.MarkStore<MarkRecord>;

/** The meta cell of the record. */
export type StoreMeta = record.StoreMeta;

const ABOUT = 'double-random-checklist: marks record, do not edit';

/** An empty store. */
export function emptyStore(): MarkStore {
  return record.emptyStore(ABOUT);
}

function parseMeta(value: unknown): StoreMeta {
  return record.parseMeta(value, ABOUT);
}

/** Reads and writes the store sheet inside one `Excel.run`. */
export class MarkStoreSheet {
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly api: ApiLevel,
    private readonly limits: SyncLimits,
  ) {}

  /** Queues the read of the meta cell; call `meta()` after the next sync. */
  queueMeta(sheet: Excel.Worksheet): () => StoreMeta {
    const cell = sheet.getRange('B1');
    cell.load('values');
    return () => parseMeta(cell.values?.[0]?.[0]);
  }

  /** Queues reads of `count` chunks of a column, in ranges sized for the response budget; resolve after flush. */
  async queueChunks(
    sheet: Excel.Worksheet,
    count: number,
    column: string,
    batcher: SyncBatcher,
  ): Promise<() => string> {
    const ranges: Excel.Range[] = [];
    // Why 3 bytes a character: stored JSON is mostly Chinese note text, three UTF-8 bytes each.
    const perRange = Math.max(1, Math.floor(this.limits.responseBytes / 2 / (CHUNK_CHARS * 3)));
    for (let first = 1; first <= count; first += perRange) {
      const last = Math.min(count, first + perRange - 1);
      await batcher.reserve(100, (last - first + 1) * CHUNK_CHARS * 3);
      const range = sheet.getRange(`${column}${first}:${column}${last}`);
      range.load('values');
      ranges.push(range);
    }
    return () => ranges.map((r) => joinChunks(r.values)).join('');
  }

  /** Queues the read of the mark records (meta already read); resolve after flush. */
  async queueRead(sheet: Excel.Worksheet, meta: StoreMeta, batcher: SyncBatcher): Promise<() => MarkStore> {
    const text = await this.queueChunks(sheet, meta.chunks, 'A', batcher);
    return () => ({ meta, marks: record.parseMarks<MarkRecord>(text()) });
  }

  /** Adds the store sheet: very hidden where ExcelApi 1.2 can set visibility. */
  create(): Excel.Worksheet {
    const sheet = this.context.workbook.worksheets.add(STORE_SHEET);
    if (this.api.has(2)) sheet.visibility = 'VeryHidden';
    return sheet;
  }

  /**
   * Queues the chunks of `text` into `column` (old chunks beyond them cleared), in batches under the request
   * budget. Text cells get the `@` format first, so nothing is ever converted.
   */
  async writeChunks(
    sheet: Excel.Worksheet,
    text: string,
    oldCount: number,
    batcher: SyncBatcher,
    column: string,
  ): Promise<number> {
    const chunks = text ? chunkText(text) : [];
    if (oldCount > chunks.length) {
      await batcher.reserve(100);
      sheet.getRange(`${column}${chunks.length + 1}:${column}${oldCount}`).clear('Contents');
    }
    let i = 0;
    while (i < chunks.length) {
      let j = i;
      let bytes = 0;
      while (j < chunks.length && (j === i || bytes + jsonBytes(chunks[j]) < this.limits.requestBytes / 2))
        bytes += jsonBytes(chunks[j++]);
      await batcher.reserve(bytes);
      const range = sheet.getRange(`${column}${i + 1}:${column}${j}`);
      range.numberFormat = chunks.slice(i, j).map(() => ['@']);
      range.values = chunks.slice(i, j).map((c) => [c]);
      i = j;
    }
    return chunks.length;
  }

  /** Queues the whole store: marks into column A, then the meta cell (last, so a cut-off write is never trusted). */
  async write(
    sheet: Excel.Worksheet,
    store: MarkStore,
    oldChunks: number,
    batcher: SyncBatcher,
  ): Promise<void> {
    store.meta.chunks = await this.writeChunks(sheet, record.marksText(store), oldChunks, batcher, 'A');
    await this.writeMeta(sheet, store.meta, batcher);
  }

  /** Queues the meta cell. */
  async writeMeta(sheet: Excel.Worksheet, meta: StoreMeta, batcher: SyncBatcher): Promise<void> {
    const json = record.metaText(meta);
    await batcher.reserve(jsonBytes(json));
    const cell = sheet.getRange('B1');
    cell.numberFormat = [['@']];
    cell.values = [[json]];
  }
}
