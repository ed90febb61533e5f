/// <reference types="office-js" />
import { cellAddress, type MergeRange } from '../../core/grid';
import { SEVERITY_RANK, type Severity } from '../../core/issue';
import { type CellMark, MARK_COLOURS } from '../../core/workbook-port';
import { type ApiLevel, argbToHex, SyncBatcher } from './excel-api';
import { cellKey, type CellRef, MAX_COLUMNS, MAX_ROWS } from './excel-address';
import { type BookInfo, sheetNamed, type SheetInfo } from './excel-book';
import { type CellEnv, isMarkFill, masterLookup, type NoteOp } from './excel-cells';
import type { CommentOp, Thread } from './excel-comments';
import { ExcelHostError } from './excel-errors';
import { restoredNote } from '../note-text';
import {
  emptyStore,
  type FillState,
  type MarkRecord,
  type MarkStore,
  MarkStoreSheet,
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

/** A cell to mark: its sheet, position (a merge's top-left cell), worst severity and every distinct note. */
export interface Target {
  sheet: SheetInfo;
  row: number;
  column: number;
  severity: Severity;
  notes: string[];
}

/** Map key of a recorded cell. */
export const recordKey = (sheetId: string, row: number, column: number) =>
  `${sheetId}\u0001${row}\u0001${column}`;
/** A note after marking: the cell's original note, then ours (cut to what a cell holds). */
export { joinNote } from '../note-text';

/**
 * Checks marks and groups them by target cell before anything is written: an unknown sheet or an impossible cell
 * throws. A mark on a merged follower goes to the merge's top-left cell. Several marks on one cell: the most
 * severe colour, every distinct note in order.
 */
export function planTargets(
  env: MarkEnv,
  book: BookInfo,
  marks: readonly CellMark[],
  only?: SheetInfo,
): Target[] {
  const byCell = new Map<string, Target>();
  const lookups = new Map<string, ReturnType<typeof masterLookup>>();
  for (const mark of marks) {
    const sheet = only ? (mark.sheet === only.name ? only : undefined) : sheetNamed(book, mark.sheet);
    if (!sheet) continue;
    const ok =
      Number.isInteger(mark.row) && Number.isInteger(mark.column) && mark.row >= 1 && mark.column >= 1;
    if (!ok || mark.row > MAX_ROWS || mark.column > MAX_COLUMNS)
      throw new ExcelHostError('excel/outside-sheet', {
        sheet: sheet.name,
        cell: ok ? cellAddress(mark.row, mark.column) : `R${mark.row}C${mark.column}`,
      });
    let lookup = lookups.get(sheet.id);
    if (!lookup) lookups.set(sheet.id, (lookup = masterLookup(env.merges(sheet.name))));
    const at = lookup(mark.row, mark.column);
    const key = recordKey(sheet.id, at.row, at.column);
    const t = byCell.get(key);
    if (!t) {
      byCell.set(key, { sheet, ...at, severity: mark.severity, notes: mark.note ? [mark.note] : [] });
      continue;
    }
    if (SEVERITY_RANK[mark.severity] < SEVERITY_RANK[t.severity]) t.severity = mark.severity;
    if (mark.note && !t.notes.includes(mark.note)) t.notes.push(mark.note);
  }
  return [...byCell.values()];
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
  io: MarkStoreSheet;
  store: MarkStore;
  sheet?: Excel.Worksheet;
  oldChunks: number;
}

/** Queues the meta cell read (first sync of a flow); the rest is read by `readStore`. */
export function queueStoreMeta(env: MarkEnv, book: BookInfo): { io: MarkStoreSheet; meta?: () => StoreMeta } {
  const io = new MarkStoreSheet(env.context, env.api, env.limits);
  return { io, meta: book.store ? io.queueMeta(book.store.proxy) : undefined };
}

/** Queues the read of the mark records (an empty store when the workbook has none); resolve after flush. */
export async function queueStoreRead(
  env: MarkEnv,
  book: BookInfo,
  io: MarkStoreSheet,
  meta: StoreMeta | undefined,
  batcher: SyncBatcher,
): Promise<() => OpenStore> {
  if (!book.store || !meta) return () => ({ io, store: emptyStore(), oldChunks: 0 });
  const sheet = book.store.proxy;
  const read = await io.queueRead(sheet, meta, batcher);
  return () => ({ io, store: read(), sheet, oldChunks: meta.chunks });
}

/** Writes the store (creating its sheet when needed), in its own batches. */
export async function saveStore(env: MarkEnv, open: OpenStore): Promise<void> {
  const batcher = new SyncBatcher(env.context, env.limits);
  await batcher.reserve(200);
  if (!open.sheet) open.sheet = open.io.create();
  await open.io.write(open.sheet, open.store, open.oldChunks, batcher);
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

/** Ops that put our comment on a cell (comments mode), keeping what we added before. */
export function commentOps(
  rec: MarkRecord,
  target: Target,
  text: string,
  threadsAt: Map<number, Thread>,
  threadsById: Map<string, Thread>,
): CommentOp[] {
  if (rec.ci) {
    const ours = threadsById.get(rec.ci);
    if (ours) return [{ kind: 'edit', target: ours.proxy, text }];
  }
  if (rec.ri) {
    for (const t of threadsById.values()) {
      const reply = t.replies.find((r) => r.id === rec.ri);
      if (reply) return [{ kind: 'edit', target: reply.proxy, text }];
    }
  }
  rec.ci = undefined;
  rec.ri = undefined;
  const existing = threadsAt.get(cellKey(target.row, target.column));
  if (existing)
    return [
      {
        kind: 'reply',
        thread: existing,
        text,
        done: (id) => {
          rec.ri = id();
        },
      },
    ];
  const done = (id: () => string) => {
    rec.ci = id();
  };
  return [{ kind: 'thread', sheet: target.sheet, row: target.row, column: target.column, text, done }];
}

/**
 * Ops that take our comment off (comments mode): our thread, or our reply in someone's thread. Replies the person
 * wrote under our thread are kept (an `edit` op among them says so).
 */
export function uncommentOps(rec: MarkRecord, threadsById: Map<string, Thread>): CommentOp[] {
  if (rec.ci) {
    const ours = threadsById.get(rec.ci);
    // Replies the person wrote under our comment stay: the first takes our comment's place, the others follow it
    // (a thread cannot lose its first comment and keep its replies).
    const [first] = ours?.replies ?? [];
    if (ours && first)
      return [
        { kind: 'edit', target: ours.proxy, text: first.content },
        { kind: 'delete', target: first.proxy },
      ];
    if (ours) return [{ kind: 'delete', target: ours.proxy }];
  }
  if (rec.ri) {
    for (const t of threadsById.values()) {
      const reply = t.replies.find((r) => r.id === rec.ri);
      if (reply) return [{ kind: 'delete', target: reply.proxy }];
    }
  }
  return [];
}

/** Notes: words the person wrote into a note we marked become the note's original, kept when we mark it again. */
export function adoptPersonsNote(rec: MarkRecord, noteNow: string | null | undefined): void {
  if (!rec.ts || noteNow === null || noteNow === undefined) return;
  const back = restoredNote(noteNow, rec.o, { stamp: rec.ts });
  if (back.kept) rec.o = back.text;
}

/** A sheet's comment threads by cell and by id. */
export function indexThreads(
  threads: Map<string, Thread[]>,
  sheetId: string,
): { at: Map<number, Thread>; byId: Map<string, Thread> } {
  const list = threads.get(sheetId) ?? [];
  const at = new Map<number, Thread>();
  for (const t of list) if (t.at !== undefined) at.set(t.at, t);
  return { at, byId: new Map(list.map((t) => [t.id, t])) };
}

/**
 * Records ids handed back by queued comment ops; ops' `done` callbacks receive readers valid after the sync.
 */
export function collectIds(ops: CommentOp[]): { ops: CommentOp[]; finish: () => void } {
  const pending: Array<() => void> = [];
  const wrapped = ops.map((op): CommentOp => {
    if (op.kind === 'thread' || op.kind === 'reply') {
      const done = op.done;
      return { ...op, done: (id) => pending.push(() => done(id)) };
    }
    return op;
  });
  return { ops: wrapped, finish: () => pending.forEach((f) => f()) };
}

/** Sheet mode: rewrites the result sheet from every record (removes it when none is left). */
export async function refreshResultSheet(env: MarkEnv, open: OpenStore, book: BookInfo): Promise<void> {
  const id = await env.resultSheet(open.store.marks, book, open.store.meta.resultSheetId);
  if (id !== open.store.meta.resultSheetId) {
    open.store.meta.resultSheetId = id;
    if (open.sheet) {
      const batcher = new SyncBatcher(env.context, env.limits);
      await open.io.writeMeta(open.sheet, open.store.meta, batcher);
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
