import type { ClearReport } from '../../core/workbook-port';
/// <reference types="office-js" />
import { cellAddress } from '../../core/grid';
import { nearestRow, rowKey } from '../mark-record';
import { SyncBatcher } from './excel-api';
import { cellKey, type CellRef } from './excel-address';
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
import { type CommentOp, loadThreads, queueComments, type Thread } from './excel-comments';
import type { FillState, MarkRecord } from './excel-mark-store';
import {
  indexThreads,
  type MarkEnv,
  queueStoreMeta,
  queueStoreRead,
  restoreOps,
  uncommentOps,
} from './excel-mark-plan';
import { readAll, SheetReader } from './excel-read';

// How a mark is found again after the sheet changed shape. Chosen: each record keeps its position and a
// fingerprint of its row's values; while the pane listens, inserted or deleted rows shift the record at once
// (onChanged, ExcelApi 1.7); at clearing, a record whose row no longer matches is looked for by fingerprint in
// the sheet (rows inserted, deleted or sorted while the pane was closed), and a cell whose row was edited in
// place is still recognised by our exact mark colour. Not chosen: one named item per mark, which would follow
// inserted rows by itself, but needs ExcelApi 1.4, fills the Name Manager with thousands of names, costs an
// extra call per mark, and does not follow a sort.

/**
 * Finds rows again after rows were inserted, deleted or sorted: reads the sheet's values over the fingerprint
 * span (in blocks, values only) and maps each wanted fingerprint to the nearest row that has it, each row used once.
 */
async function relocateRows(
  env: MarkEnv,
  sheet: SheetInfo,
  span: [number, number],
  wanted: Map<number, string>,
): Promise<Map<number, number>> {
  const reader = new SheetReader(sheet.proxy, sheet.name, env.api, {
    limits: env.limits,
    firstBlockRows: 0,
    formats: false,
    merges: false,
    columns: span,
  });
  await readAll(env.context, [reader], env.limits);
  const rowsByKey = new Map<string, number[]>();
  const start = reader.area ? reader.area.row0 + 1 : 1;
  reader.values.forEach((row, i) => {
    // Grid rows hold null for blanks and drop trailing ones; the fingerprint ignores both, as at marking time.
    const k = rowKey(row);
    let list = rowsByKey.get(k);
    if (!list) rowsByKey.set(k, (list = []));
    list.push(start + i);
  });
  const taken = new Set<number>();
  const out = new Map<number, number>();
  for (const [row, key] of [...wanted].sort((a, b) => a[0] - b[0])) {
    const best = nearestRow(row, rowsByKey.get(key) ?? [], (r) => !taken.has(r));
    if (best !== undefined) {
      taken.add(best);
      out.set(row, best);
    }
  }
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
  const result: ClearReport = { restored: 0, relocated: 0, kept: 0, skipped: [] };
  const kept = () => result.kept++;
  const book = await loadBook(context, env.api);
  if (!book.store) return result;
  const { io, meta } = queueStoreMeta(env, book);
  await context.sync();
  const storeMeta = meta?.();
  const first = new SyncBatcher(context, env.limits);
  const readStore = await queueStoreRead(env, book, io, storeMeta, first);
  await first.flush();
  const open = readStore();
  const byId = new Map(book.sheets.map((s) => [s.id, s]));
  const live = open.store.marks.filter((m) => byId.has(m.s));
  for (const m of open.store.marks)
    if (!byId.has(m.s))
      result.skipped.push({ sheet: m.n, address: cellAddress(m.r, m.c), reason: 'sheet-deleted' });
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
    });
  }
  await batcher.flush();

  const out = new SyncBatcher(context, env.limits, env.beforeWrite);
  const commentQueue: CommentOp[] = [];
  for (const check of checks) {
    const { sheet, recs } = check;
    const fills = check.fills();
    const notes = check.notes?.();
    const keys = check.keys();
    const fillOps: Array<{ cell: CellRef; fill: FillState | null }> = [];
    const noteOps: NoteOp[] = [];
    const claimed = new Set<number>();
    const moved: MarkRecord[] = [];
    const restore = (
      rec: MarkRecord,
      row: number,
      fill: FillState | null | undefined,
      note: string | null | undefined,
    ) => restoreOps(env, rec, { row, column: rec.c }, fill, note, fillOps, noteOps, kept);
    for (const rec of recs) {
      if (keys.get(rec.r) === rec.k) {
        const k = cellKey(rec.r, rec.c);
        claimed.add(k);
        if (restore(rec, rec.r, fills.get(k), notes?.get(k))) result.restored++;
        else
          result.skipped.push({ sheet: sheet.name, address: cellAddress(rec.r, rec.c), reason: 'changed' });
      } else moved.push(rec);
    }
    if (moved.length > 0) {
      const span = open.store.meta.spans[sheet.id] ?? [1, Math.max(...moved.map((m) => m.c))];
      const rows = await relocateRows(env, sheet, span, new Map(moved.map((m) => [m.r, m.k])));
      const cells = moved.map((m) => ({ row: rows.get(m.r) ?? m.r, column: m.c }));
      const probe = new SyncBatcher(context, env.limits);
      const fillsAt = await probeFills(env, probe, sheet, cells);
      const notesAt = env.mode === 'notes' ? await probeNotes(probe, sheet, cells) : undefined;
      await probe.flush();
      const fillsNow = fillsAt();
      const notesNow = notesAt?.();
      for (const rec of moved) {
        const row = rows.get(rec.r);
        if (row !== undefined) {
          const k = cellKey(row, rec.c);
          claimed.add(k);
          if (restore(rec, row, fillsNow.get(k), notesNow?.get(k))) {
            result.restored++;
            if (row !== rec.r) result.relocated++;
          } else
            result.skipped.push({ sheet: sheet.name, address: cellAddress(row, rec.c), reason: 'changed' });
        }
      }
      // Not found again: the row was edited in place (our colour still on the cell, nobody else's claim), or gone.
      for (const rec of moved) {
        if (rows.has(rec.r)) continue;
        const k = cellKey(rec.r, rec.c);
        if (!claimed.has(k) && isMarkFill(fillsNow.get(k), rec.m)) {
          claimed.add(k);
          restore(rec, rec.r, fillsNow.get(k), notesNow?.get(k));
          result.restored++;
        } else
          result.skipped.push({ sheet: sheet.name, address: cellAddress(rec.r, rec.c), reason: 'moved' });
      }
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
    await open.io.write(open.sheet, open.store, open.oldChunks, done);
  else open.sheet?.delete();
  await done.flush();
  return result;
}
