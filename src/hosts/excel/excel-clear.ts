import type { ClearReport } from '../../core/workbook-port';
/// <reference types="office-js" />
import { cellsToProbe, emptyClearReport, placeRecords, planClear, rowsMoved, sheetGone } from '../mark-clear';
import { rowKey } from '../mark-record';
import { SyncBatcher } from './excel-api';
import { cellKey } from '../../core/cell-key';
import type { CellRef } from './excel-address';
import { assertWritable, loadBook, type SheetInfo } from './excel-book';
import {
  groupByFill,
  isMarkFill,
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
  indexThreads,
  uncommentOps,
} from './excel-comments';
import { type FillState, type MarkRecord, onRecordSheet } from './excel-mark-store';
import { type MarkEnv, queueStoreMeta, queueStoreRead, restoreOps } from './excel-mark-plan';
import { readAll, SheetReader } from './excel-read';

// How a mark is found again after the sheet changed shape. Chosen: each record keeps its position and a
// fingerprint of its row's values; while the pane listens, inserted or deleted rows shift the record at once
// (onChanged, ExcelApi 1.7); at clearing, a record whose row no longer matches is looked for by fingerprint in
// the sheet (rows inserted, deleted or sorted while the pane was closed), and a cell whose row was edited in
// place is still recognised by our exact mark colour. Not chosen: one named item per mark, which would follow
// inserted rows by itself, but needs ExcelApi 1.4, fills the Name Manager with thousands of names, costs an
// extra call per mark, and does not follow a sort.

/**
 * The rows of a sheet by fingerprint, to find rows again after rows were inserted, deleted or sorted: reads the
 * sheet's values over the fingerprint span (in blocks, values only).
 */
async function rowsByKey(
  env: MarkEnv,
  sheet: SheetInfo,
  span: [number, number],
): Promise<Map<string, number[]>> {
  const reader = new SheetReader(sheet.proxy, sheet.name, env.api, {
    limits: env.limits,
    firstBlockRows: 0,
    formats: false,
    merges: false,
    columns: span,
  });
  await readAll(env.context, [reader], env.limits);
  const out = new Map<string, number[]>();
  const start = reader.area ? reader.area.row0 + 1 : 1;
  reader.values.forEach((row, i) => {
    // Grid rows hold null for blanks and drop trailing ones; the fingerprint ignores both, as at marking time.
    const k = rowKey(row);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(start + i);
  });
  return out;
}

/**
 * Restores what was there before every recorded mark: fills (only where our colour is still on the cell),
 * notes, our comments; deletes the result sheet and the record. Records of deleted sheets are dropped; sheets
 * are found by id, so renames do not matter; a mark whose row fingerprint no longer matches is looked for in the
 * sheet (rows inserted, deleted, sorted) and restored where its row is now, or skipped and reported.
 */
export async function clearMarksIn(env: MarkEnv): Promise<ClearReport> {
  const { context } = env;
  const result = emptyClearReport();
  const kept = () => result.kept++;
  const book = await loadBook(context, env.api);
  if (!book.store) return result;
  const meta = await queueStoreMeta(env, book);
  await context.sync();
  const storeMeta = meta?.();
  const first = new SyncBatcher(context, env.limits);
  const readStore = await queueStoreRead(env, book, storeMeta, first);
  await first.flush();
  const open = readStore();
  const byId = new Map(book.sheets.map((s) => [s.id, s]));
  const live = open.store.marks.filter((m) => byId.has(m.s));
  for (const m of open.store.marks) if (!byId.has(m.s)) sheetGone(result, m);
  const sheets = [...new Set(live.map((m) => byId.get(m.s)!))];
  assertWritable(book, sheets, true);

  const threads =
    env.mode === 'comments' ? await loadThreads(context, sheets, false) : new Map<string, Thread[]>();

  // Verification: fills, notes and row fingerprints where each mark was put.
  const batcher = new SyncBatcher(context, env.limits);
  const checks: Array<{
    sheet: SheetInfo;
    recs: MarkRecord[];
    fills: () => Map<number, FillState | null>;
    notes?: () => Map<number, string | null>;
    keys: () => Map<number, string>;
    span: [number, number];
  }> = [];
  for (const sheet of sheets) {
    const recs = live.filter((m) => m.s === sheet.id);
    const cells = recs.map((m) => ({ row: m.r, column: m.c }));
    const span = open.store.meta.spans[sheet.id] ?? [1, Math.max(...recs.map((m) => m.c))];
    checks.push({
      sheet,
      recs,
      fills: await probeFills(env, batcher, sheet, cells),
      notes: env.mode === 'notes' ? await probeNotes(batcher, sheet, cells) : undefined,
      keys: await probeRowKeys(
        env,
        batcher,
        sheet,
        recs.map((m) => m.r),
        span,
      ),
      span,
    });
  }
  await batcher.flush();

  const out = new SyncBatcher(context, env.limits, env.beforeWrite);
  const commentQueue: CommentOp[] = [];
  for (const check of checks) {
    const { sheet, recs, span } = check;
    const fills = check.fills();
    const notes = check.notes?.();
    const keys = check.keys();
    const keyAt = (row: number) => keys.get(row);
    const byKey = rowsMoved(recs, keyAt) ? await rowsByKey(env, sheet, span) : undefined;
    const placement = placeRecords(recs, keyAt, (k) => byKey?.get(k) ?? []);
    // Fills and notes where marks are now, for the cells not probed where they were put.
    const unseen = cellsToProbe(placement)
      .map((p) => ({ row: p.row, column: p.rec.c }))
      .filter((c) => !fills.has(cellKey(c.row, c.column)));
    if (unseen.length > 0) {
      const probe = new SyncBatcher(context, env.limits);
      const fillsAt = await probeFills(env, probe, sheet, unseen);
      const notesAt = env.mode === 'notes' ? await probeNotes(probe, sheet, unseen) : undefined;
      await probe.flush();
      for (const [k, v] of fillsAt()) fills.set(k, v);
      for (const [k, v] of notesAt?.() ?? []) notes?.set(k, v);
    }
    const fillAt = (row: number, column: number) => fills.get(cellKey(row, column));
    const fillOps: Array<{ cell: CellRef; fill: FillState | null }> = [];
    const noteOps: NoteOp[] = [];
    const ours = (rec: MarkRecord, row: number) => isMarkFill(fillAt(row, rec.c), rec.m);
    for (const { rec, row } of planClear(sheet.name, placement, ours, result)) {
      const at = { row, column: rec.c };
      restoreOps(env, rec, at, fillAt(row, rec.c), notes?.get(cellKey(row, rec.c)), fillOps, noteOps, kept);
    }
    await queueFills(env, out, sheet, groupByFill(fillOps));
    await queueNotes(out, sheet, noteOps);
    if (env.mode === 'comments') {
      const { byId: threadsById } = indexThreads(threads, sheet.id);
      for (const rec of recs) {
        const ops = uncommentOps(rec, threadsById);
        if (ops.some((op) => op.kind === 'edit')) result.kept++;
        commentQueue.push(...ops);
      }
    }
  }
  await queueComments(context, out, commentQueue);
  await out.flush();

  // The record goes last: if anything above failed, the next clear still knows every original.
  open.store.marks = [];
  if (env.mode === 'sheet' || open.store.meta.resultSheetId)
    await env.resultSheet([], book, open.store.meta.resultSheetId);
  open.store.meta.resultSheetId = undefined;
  open.store.meta.spans = {};
  const done = new SyncBatcher(context, env.limits);
  await done.reserve(100);
  if (open.store.meta.stateChunks > 0 && open.sheet)
    await onRecordSheet(open.sheet, env.limits, done, (r) => r.writeMarks(open.store, open.oldChunks));
  else open.sheet?.delete();
  await done.flush();
  return result;
}
