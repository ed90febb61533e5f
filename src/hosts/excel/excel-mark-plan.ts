/// <reference types="office-js" />
import type { MergeRange } from '../../core/grid';
import type { Severity } from '../../core/issue';
import { type CellMark, MARK_COLOURS } from '../../core/workbook-port';
import { type ApiLevel, argbToHex, SyncBatcher } from './excel-api';
import { groupTargets, masterLookup, type Target as CellTarget } from '../remark-plan';
import type { CellRef } from './excel-address';
import { type BookInfo, sheetNamed, type SheetInfo } from './excel-book';
import { type CellEnv, isMarkFill, type NoteOp } from './excel-cells';
import { ExcelHostError } from './excel-errors';
import { noteStamp, restoredNote } from '../note-text';
import {
  addStoreSheet,
  emptyStore,
  type FillState,
  type MarkRecord,
  type MarkStore,
  onRecordSheet,
  type StoreMeta,
} from './excel-mark-store';

/** How problems are shown on cells: notes (ExcelApi 1.18), threaded comments (1.10), or a result sheet. */
export type MarkMode = 'notes' | 'comments' | 'sheet';

/** The mark mode of a host: notes where present, else comments, else a 校验结果 sheet. */
export function markModeOf(api: ApiLevel): MarkMode {
  if (api.has(18)) return 'notes';
  // Why not on 1.10–1.17 hosts too: notes are missing from Office 2021/2024 LTSC, comments are not.
  return api.has(10) ? 'comments' : 'sheet';
}

/** What the mark flows need besides the cell helpers. */
export interface MarkEnv extends CellEnv {
  mode: MarkMode;
  /** Merged areas of a sheet from its last read, to put a mark on the merge's top-left cell. */
  merges: (sheet: string) => readonly MergeRange[] | undefined;
  /** Sheet mode: writes the result sheet for these records (or removes it when there are none); its id. */
  resultSheet: (
    records: readonly MarkRecord[],
    book: BookInfo,
    oldId: string | undefined,
  ) => Promise<string | undefined>;
  /** Called at the start of every write batch (screen updating suspended there). */
  beforeWrite: () => void;
}

/** A cell to mark on a sheet (see `groupTargets`). */
export interface Target extends CellTarget {
  sheet: SheetInfo;
}

/** A note after marking: the cell's original note, then ours (cut to what a cell holds). */
export { joinNote } from '../note-text';

/**
 * Checks marks and groups them by target cell, per sheet, before anything is written (`groupTargets`): an unknown
 * sheet or an impossible cell throws; a mark on a merged follower goes to the merge's top-left cell.
 */
export function planTargets(
  env: MarkEnv,
  book: BookInfo,
  marks: readonly CellMark[],
  only?: SheetInfo,
): Target[] {
  const bySheet = new Map<SheetInfo, CellMark[]>();
  for (const mark of marks) {
    const sheet = only ? (mark.sheet === only.name ? only : undefined) : sheetNamed(book, mark.sheet);
    if (!sheet) continue;
    let list = bySheet.get(sheet);
    if (!list) bySheet.set(sheet, (list = []));
    list.push(mark);
  }
  const out: Target[] = [];
  for (const [sheet, list] of bySheet) {
    const outside = (cell: string) => new ExcelHostError('excel/outside-sheet', { sheet: sheet.name, cell });
    for (const t of groupTargets(list, masterLookup(env.merges(sheet.name)), outside))
      out.push({ sheet, ...t });
  }
  return out;
}

/** Items grouped by their sheet, in first-seen order. */
export function groupBySheet<T extends { sheet: SheetInfo }>(items: readonly T[]): Map<SheetInfo, T[]> {
  const out = new Map<SheetInfo, T[]>();
  for (const it of items) {
    let list = out.get(it.sheet);
    if (!list) out.set(it.sheet, (list = []));
    list.push(it);
  }
  return out;
}

/** The store of a workbook, read inside the current run. */
export interface OpenStore {
  store: MarkStore;
  sheet?: Excel.Worksheet;
  oldChunks: number;
}

/** Queues the meta cell read into the next sync (first sync of a flow); the rest is read by `queueStoreRead`. */
export async function queueStoreMeta(env: MarkEnv, book: BookInfo): Promise<(() => StoreMeta) | undefined> {
  return book.store ? onRecordSheet(book.store.proxy, env.limits, undefined, (r) => r.meta()) : undefined;
}

/** Queues the read of the mark records (an empty store when the workbook has none); resolve after flush. */
export async function queueStoreRead(
  env: MarkEnv,
  book: BookInfo,
  meta: StoreMeta | undefined,
  batcher: SyncBatcher,
): Promise<() => OpenStore> {
  if (!book.store || !meta) return () => ({ store: emptyStore(), oldChunks: 0 });
  const sheet = book.store.proxy;
  const read = await onRecordSheet(sheet, env.limits, batcher, (r) => r.marks(meta));
  return () => ({ store: read(), sheet, oldChunks: meta.chunks });
}

/** Writes the store (creating its sheet when needed), in its own batches. */
export async function saveStore(env: MarkEnv, open: OpenStore): Promise<void> {
  const batcher = new SyncBatcher(env.context, env.limits);
  await batcher.reserve(200);
  open.sheet ??= addStoreSheet(env.context, env.api);
  await onRecordSheet(open.sheet, env.limits, batcher, (r) => r.writeMarks(open.store, open.oldChunks));
  await batcher.flush();
  open.oldChunks = open.store.meta.chunks;
}

/** The column span fingerprints of a sheet use: the one recorded, else the used range's columns now. */
export function spanOf(
  meta: StoreMeta,
  sheet: SheetInfo,
  used: Excel.Range | undefined,
  fallback: number,
): [number, number] {
  const known = meta.spans[sheet.id];
  if (known) return known;
  if (used && !used.isNullObject && used.columnCount > 0)
    return [used.columnIndex + 1, used.columnIndex + used.columnCount];
  return [1, Math.max(1, fallback)];
}

/** The mark colour of a severity as Excel reports colours (#RRGGBB). */
export function colourOf(severity: Severity): string {
  return argbToHex(MARK_COLOURS[severity]);
}

/** What a target cell holds before it is marked (as probed), and its row's fingerprint. */
export interface CellNow {
  fill: FillState | null | undefined;
  /** Notes mode only: the cell's note (null: none). */
  note: string | null | undefined;
  key: string;
}

/**
 * The record of a target cell, brought up to date: the one the cell has (`known`, whose first original is kept),
 * or a new one added to the store with the cell's original fill (and note). Colour, severity, sheet name and row
 * fingerprint are the target's now; the note text where the mode keeps it.
 */
export function recordFor(
  env: MarkEnv,
  open: OpenStore,
  target: Target,
  known: MarkRecord | undefined,
  now: CellNow,
): MarkRecord {
  let rec = known;
  if (!rec) {
    rec = {
      s: target.sheet.id,
      n: target.sheet.name,
      r: target.row,
      c: target.column,
      f: now.fill ?? null,
      m: '',
      v: target.severity,
      k: '',
    };
    if (env.mode === 'notes') rec.o = now.note ?? null;
    open.store.marks.push(rec);
  }
  rec.n = target.sheet.name;
  rec.m = colourOf(target.severity);
  rec.v = target.severity;
  rec.k = now.key;
  const text = target.notes.join('\n');
  if (env.mode === 'sheet') rec.t = text;
  if (env.mode === 'notes') {
    adoptPersonsNote(rec, now.note);
    rec.ts = noteStamp(rec.o, text);
  }
  return rec;
}

/** Notes: words the person wrote into a note we marked become the note's original, kept when we mark it again. */
export function adoptPersonsNote(rec: MarkRecord, noteNow: string | null | undefined): void {
  if (!rec.ts || noteNow === null || noteNow === undefined) return;
  const back = restoredNote(noteNow, rec.o, { stamp: rec.ts });
  if (back.kept) rec.o = back.text;
}

/** Sheet mode: rewrites the result sheet from every record (removes it when none is left). */
export async function refreshResultSheet(env: MarkEnv, open: OpenStore, book: BookInfo): Promise<void> {
  const id = await env.resultSheet(open.store.marks, book, open.store.meta.resultSheetId);
  if (id !== open.store.meta.resultSheetId) {
    open.store.meta.resultSheetId = id;
    if (open.sheet) {
      const batcher = new SyncBatcher(env.context, env.limits);
      await onRecordSheet(open.sheet, env.limits, batcher, (r) => r.writeMeta(open.store.meta));
      await batcher.flush();
    }
  }
}

/** Restore ops for one record at a cell: its original fill (when our mark is still there) and note. */
export function restoreOps(
  env: MarkEnv,
  rec: MarkRecord,
  at: CellRef,
  fillNow: FillState | null | undefined,
  noteNow: string | null | undefined,
  fills: Array<{ cell: CellRef; fill: FillState | null }>,
  notes: NoteOp[],
  onKept: () => void = () => undefined,
): boolean {
  const ours = isMarkFill(fillNow, rec.m);
  if (ours) fills.push({ cell: at, fill: rec.f });
  if (env.mode === 'notes' && rec.o !== undefined) {
    const exists = noteNow !== null && noteNow !== undefined;
    // Words the person wrote into the note since marking stay: only our part goes (records before stamps: the original).
    const back = rec.ts ? restoredNote(noteNow, rec.o, { stamp: rec.ts }) : { text: rec.o, kept: false };
    if (back.kept) onKept();
    if (back.text === null) {
      if (exists) notes.push({ cell: at, exists, content: null });
    } else if (noteNow !== back.text) notes.push({ cell: at, exists, content: back.text });
  }
  return ours;
}
