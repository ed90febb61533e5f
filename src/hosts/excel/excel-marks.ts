/// <reference types="office-js" />
import type { CellMark } from '../../core/workbook-port';
import { planRemark } from '../remark-plan';
import { SyncBatcher } from './excel-api';
import { cellKey } from '../../core/cell-key';
import type { CellRef } from './excel-address';
import { assertWritable, loadBook, sheetNamed, type SheetInfo } from './excel-book';
import {
  groupByFill,
  type NoteOp,
  probeFills,
  probeNotes,
  probeRowKeys,
  queueFills,
  queueNotes,
} from './excel-cells';
import {
  type CommentOp,
  loadThreads,
  queueComments,
  type Thread,
  collectIds,
  commentOps,
  indexThreads,
  uncommentOps,
} from './excel-comments';
import { emptyStore, type FillState, type MarkRecord } from './excel-mark-store';
import {
  groupBySheet,
  joinNote,
  type MarkEnv,
  planTargets,
  queueStoreMeta,
  queueStoreRead,
  recordFor,
  refreshResultSheet,
  restoreOps,
  saveStore,
  spanOf,
  type Target,
} from './excel-mark-plan';
import { usedRangeOf } from './excel-read';

/**
 * Marks cells: reads the workbook's state first (sheets, protection, the record, each cell's fill and note, the
 * rows' fingerprints), refuses before any change when something is protected or read-only, saves the record of
 * originals, and only then fills and annotates. Marking a cell again keeps its first recorded original.
 */
export async function applyMarksIn(env: MarkEnv, marks: readonly CellMark[]): Promise<void> {
  const { context } = env;
  const book = await loadBook(context, env.api);
  const targets = planTargets(env, book, marks);
  if (targets.length === 0) return;
  const bySheet = groupBySheet(targets);
  assertWritable(book, bySheet.keys(), !book.store || env.mode === 'sheet');

  // Sync 2: the meta of the record, used ranges (fingerprint spans), comment threads.
  const meta = await queueStoreMeta(env, book);
  const used = new Map<SheetInfo, Excel.Range>();
  for (const sheet of bySheet.keys()) {
    const u = usedRangeOf(sheet.proxy, env.api);
    u.load('columnIndex,columnCount');
    used.set(sheet, u);
  }
  await context.sync();
  const threads =
    env.mode === 'comments'
      ? await loadThreads(context, [...bySheet.keys()], true)
      : new Map<string, Thread[]>();
  const storeMeta = meta?.();

  // Sync 3 (or a few, by payload): the record itself, original fills and notes, row fingerprints.
  const batcher = new SyncBatcher(context, env.limits);
  const readStore = await queueStoreRead(env, book, storeMeta, batcher);
  const probes: Array<{
    sheet: SheetInfo;
    span: [number, number];
    fills: () => Map<number, FillState | null>;
    notes?: () => Map<number, string | null>;
    keys: () => Map<number, string>;
  }> = [];
  for (const [sheet, list] of bySheet) {
    const cells = list.map((t) => ({ row: t.row, column: t.column }));
    const span = spanOf(
      storeMeta ?? emptyStore().meta,
      sheet,
      used.get(sheet),
      Math.max(...cells.map((c) => c.column)),
    );
    probes.push({
      sheet,
      span,
      fills: await probeFills(env, batcher, sheet, cells),
      notes: env.mode === 'notes' ? await probeNotes(batcher, sheet, cells) : undefined,
      keys: await probeRowKeys(
        env,
        batcher,
        sheet,
        cells.map((c) => c.row),
        span,
      ),
    });
  }
  await batcher.flush();
  const open = readStore();

  // Records first (originals kept from an earlier marking), saved before any cell is touched.
  const writes: Array<{ sheet: SheetInfo; target: Target; rec: MarkRecord; noteNow?: string | null }> = [];
  for (const p of probes) {
    open.store.meta.spans[p.sheet.id] = p.span;
    const fills = p.fills();
    const notes = p.notes?.();
    const keys = p.keys();
    const sheetRecords = open.store.marks.filter((m) => m.s === p.sheet.id);
    for (const { target, rec: known } of planRemark(sheetRecords, bySheet.get(p.sheet) ?? []).marks) {
      const k = cellKey(target.row, target.column);
      const now = { fill: fills.get(k), note: notes?.get(k), key: keys.get(target.row) ?? '' };
      const rec = recordFor(env, open, target, known, now);
      writes.push({ sheet: p.sheet, target, rec, noteNow: notes?.get(k) });
    }
  }
  await saveStore(env, open);

  // The marks: fills grouped by colour, then notes or comments, one sync per batch.
  const out = new SyncBatcher(context, env.limits, env.beforeWrite);
  const commentQueue: CommentOp[] = [];
  for (const [sheet, list] of groupBySheet(writes)) {
    await queueFills(
      env,
      out,
      sheet,
      groupByFill(list.map((w) => ({ cell: w.target, fill: { color: w.rec.m } }))),
    );
    if (env.mode === 'notes') {
      const ops: NoteOp[] = list
        .filter((w) => w.target.notes.length > 0)
        .map((w) => ({
          cell: w.target,
          exists: w.noteNow !== null && w.noteNow !== undefined,
          content: joinNote(w.rec.o, w.target.notes.join('\n')),
        }));
      await queueNotes(out, sheet, ops);
    } else if (env.mode === 'comments') {
      const { at, byId } = indexThreads(threads, sheet.id);
      for (const w of list)
        if (w.target.notes.length > 0)
          commentQueue.push(...commentOps(w.rec, w.target, w.target.notes.join('\n'), at, byId));
    }
  }
  const ids = collectIds(commentQueue);
  await queueComments(context, out, ids.ops);
  await out.flush();
  ids.finish();

  if (env.mode === 'comments' && commentQueue.some((op) => op.kind === 'thread' || op.kind === 'reply'))
    await saveStore(env, open);
  if (env.mode === 'sheet') await refreshResultSheet(env, open, book);
}

/**
 * Re-marks rows after an edit: the rows' old marks are restored (fill only where our colour is still there) and
 * the new ones applied, keeping the originals recorded the first time. Marks of other sheets are ignored.
 */
export async function remarkRowsIn(
  env: MarkEnv,
  sheetName: string,
  rows: readonly number[],
  marks: readonly CellMark[],
): Promise<void> {
  const { context } = env;
  const book = await loadBook(context, env.api);
  const sheet = sheetNamed(book, sheetName);
  assertWritable(book, [sheet], !book.store || env.mode === 'sheet');
  const rowSet = new Set(rows);
  const targets = planTargets(env, book, marks, sheet);

  const meta = await queueStoreMeta(env, book);
  const used = usedRangeOf(sheet.proxy, env.api);
  used.load('columnIndex,columnCount');
  await context.sync();
  const threads =
    env.mode === 'comments' ? await loadThreads(context, [sheet], true) : new Map<string, Thread[]>();
  const storeMeta = meta?.();

  // First the record, to know the old marks of these rows (their cells are probed with the new ones).
  const first = new SyncBatcher(context, env.limits);
  const readStore = await queueStoreRead(env, book, storeMeta, first);
  await first.flush();
  const open = readStore();
  const plan = planRemark(
    open.store.marks.filter((m) => m.s === sheet.id),
    targets,
    rowSet,
  );
  const span = spanOf(open.store.meta, sheet, used, Math.max(1, ...targets.map((t) => t.column)));
  open.store.meta.spans[sheet.id] = span;

  const cells = new Map<number, CellRef>();
  for (const c of [...plan.dropped.map((m) => ({ row: m.r, column: m.c })), ...targets])
    cells.set(cellKey(c.row, c.column), { row: c.row, column: c.column });
  const batcher = new SyncBatcher(context, env.limits);
  const fillsAt = await probeFills(env, batcher, sheet, [...cells.values()]);
  const notesAt = env.mode === 'notes' ? await probeNotes(batcher, sheet, [...cells.values()]) : undefined;
  const keysAt = await probeRowKeys(
    env,
    batcher,
    sheet,
    targets.map((t) => t.row),
    span,
  );
  await batcher.flush();
  const fills = fillsAt();
  const notes = notesAt?.();
  const keys = keysAt();

  const fillOps: Array<{ cell: CellRef; fill: FillState | null }> = [];
  const noteOps: NoteOp[] = [];
  const commentQueue: CommentOp[] = [];
  const { at, byId } = indexThreads(threads, sheet.id);
  for (const rec of plan.dropped) {
    const k = cellKey(rec.r, rec.c);
    restoreOps(env, rec, { row: rec.r, column: rec.c }, fills.get(k), notes?.get(k), fillOps, noteOps);
    if (env.mode === 'comments') commentQueue.push(...uncommentOps(rec, byId));
  }
  for (const { target, rec: known } of plan.marks) {
    const k = cellKey(target.row, target.column);
    const now = notes?.get(k);
    const rec = recordFor(env, open, target, known, {
      fill: fills.get(k),
      note: now,
      key: keys.get(target.row) ?? '',
    });
    fillOps.push({ cell: target, fill: { color: rec.m } });
    const text = target.notes.join('\n');
    if (env.mode === 'notes') {
      const content = text ? joinNote(rec.o, text) : (rec.o ?? null);
      const exists = now !== null && now !== undefined;
      if (content !== now && (content !== null || exists)) noteOps.push({ cell: target, exists, content });
    } else if (env.mode === 'comments') {
      commentQueue.push(...(text ? commentOps(rec, target, text, at, byId) : uncommentOps(rec, byId)));
    }
  }
  const dropped = new Set(plan.dropped);
  open.store.marks = open.store.marks.filter((m) => !dropped.has(m));
  await saveStore(env, open);

  const out = new SyncBatcher(context, env.limits, env.beforeWrite);
  await queueFills(env, out, sheet, groupByFill(fillOps));
  await queueNotes(out, sheet, noteOps);
  const ids = collectIds(commentQueue);
  await queueComments(context, out, ids.ops);
  await out.flush();
  ids.finish();
  if (env.mode === 'comments' && commentQueue.some((op) => op.kind === 'thread' || op.kind === 'reply'))
    await saveStore(env, open);
  if (env.mode === 'sheet') await refreshResultSheet(env, open, book);
}
