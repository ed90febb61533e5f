/// <reference types="office-js" />
import * as record from '../mark-record';
import { CHUNK_CHARS } from '../record-chunks';
import { type RecordCells, type RecordColumn, RecordSheet } from '../record-store';
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

/** An address of rows `first`..`last` of one column (`B1` for one cell). */
const columnRange = (column: RecordColumn, first: number, last: number): string =>
  first === last ? `${column}${first}` : `${column}${first}:${column}${last}`;

/** One queued call on the record sheet and its estimated request and response bytes. */
interface Held {
  request: number;
  response: number;
  queue: () => void;
}

/**
 * The record sheet's cells in Excel: every read and write asked for is held, then queued by `send` in ranges sized
 * for the payload budget (the batcher syncs between them when a batch would overflow). Values read are there after
 * the sync that follows.
 */
class ExcelRecordCells implements RecordCells {
  private readonly held: Held[] = [];

  constructor(
    private readonly sheet: Excel.Worksheet,
    private readonly limits: SyncLimits,
  ) {}

  read(column: RecordColumn, first: number, last: number): () => readonly unknown[][] {
    const ranges: Excel.Range[] = [];
    // Why 3 bytes a character: stored JSON is mostly Chinese note text, three UTF-8 bytes each.
    const perRange = Math.max(1, Math.floor(this.limits.responseBytes / 2 / (CHUNK_CHARS * 3)));
    for (let from = first; from <= last; from += perRange) {
      const to = Math.min(last, from + perRange - 1);
      this.held.push({
        request: 100,
        response: (to - from + 1) * CHUNK_CHARS * 3,
        queue: () => {
          const range = this.sheet.getRange(columnRange(column, from, to));
          range.load('values');
          ranges.push(range);
        },
      });
    }
    return () => {
      const rows: unknown[][] = [];
      for (const range of ranges) rows.push(...range.values);
      return rows;
    };
  }

  /** Text cells get the `@` format first, so nothing is ever converted; runs stay under half the request budget. */
  write(column: RecordColumn, first: number, texts: readonly string[]): void {
    let i = 0;
    while (i < texts.length) {
      let j = i;
      let bytes = 0;
      while (j < texts.length && (j === i || bytes + jsonBytes(texts[j]) < this.limits.requestBytes / 2))
        bytes += jsonBytes(texts[j++]);
      const part = texts.slice(i, j);
      const from = first + i;
      this.held.push({
        request: bytes,
        response: 0,
        queue: () => {
          const range = this.sheet.getRange(columnRange(column, from, from + part.length - 1));
          range.numberFormat = part.map(() => ['@']);
          range.values = part.map((t) => [t]);
        },
      });
      i = j;
    }
  }

  clear(column: RecordColumn, first: number, last: number): void {
    this.held.push({
      request: 100,
      response: 0,
      queue: () => this.sheet.getRange(columnRange(column, first, last)).clear('Contents'),
    });
  }

  /** Queues what was asked: under the batcher's budget, or (small reads with no batcher) into the next sync. */
  async send(batcher?: SyncBatcher): Promise<void> {
    for (const op of this.held.splice(0)) {
      if (batcher) await batcher.reserve(op.request, op.response);
      op.queue();
    }
  }
}

/**
 * Reads or writes the record sheet inside one `Excel.run` (the store logic is shared: record-store.ts): `use` asks
 * for cells, which are then queued under the batcher's budget, or into the caller's next sync when there is no
 * batcher. What `use` returns (a reader of values) is valid after that sync.
 */
export async function onRecordSheet<T>(
  sheet: Excel.Worksheet,
  limits: SyncLimits,
  batcher: SyncBatcher | undefined,
  use: (record: RecordSheet<MarkRecord>) => T,
): Promise<T> {
  const cells = new ExcelRecordCells(sheet, limits);
  const out = use(new RecordSheet<MarkRecord>(cells, ABOUT));
  await cells.send(batcher);
  return out;
}

/** Adds the store sheet: very hidden where ExcelApi 1.2 can set visibility. */
export function addStoreSheet(context: Excel.RequestContext, api: ApiLevel): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(STORE_SHEET);
  if (api.has(2)) sheet.visibility = 'VeryHidden';
  return sheet;
}
