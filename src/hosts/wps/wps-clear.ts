import { itemAt } from '../../core/item-at';
import { cellKey } from '../../core/cell-key';
import type { ClearReport } from '../../core/workbook-port';
import { cellsToProbe, emptyClearReport, placeRecords, planClear, sheetGone } from '../mark-clear';
import { restoredNote } from '../note-text';
import type { CellRef } from './wps-address';
import { assertWritable, dropSheetId, quietly, readSheetId, type SheetRef, userSheets } from './wps-book';
import { type CommentOp, isOurs, probeFills, readComments, writeComments, writeFills } from './wps-cells';
import type { MarkEnv } from './wps-marks';
import { byColour, RowKeys } from './wps-row-keys';
import { type FillState, type MarkRecord, openStore } from './wps-store';

/**
 * Restores what was there before every recorded mark: fills (only where our colour is still on the cell),
 * comments (ours removed, originals put back), and removes the record and the sheets' id names. Sheets are found
 * by id, so renames do not matter; records of deleted sheets are dropped; a mark whose row fingerprint no longer
 * matches is looked for in the sheet (rows inserted, deleted, sorted) and restored where its row is now — or, when
 * its row was edited in place and our colour is still on the cell, restored there.
 */
export function clearMarksIn(env: MarkEnv): ClearReport {
  const { book } = env;
  const result = emptyClearReport();
  const open = openStore(book);
  if (!open.sheet) return result;
  // Sheets by id (a copied sheet carries its original's id: the one with the recorded name wins) and by name.
  const user = userSheets(book);
  const ids = new Map<string, SheetRef[]>();
  for (const s of user) {
    const id = readSheetId(s.ws);
    if (id) ids.set(id, [...(ids.get(id) ?? []), s]);
  }
  const sheetOf = (rec: MarkRecord): SheetRef | undefined => {
    if (rec.s.startsWith('n:')) return user.find((s) => s.name === rec.s.slice(2));
    const found = ids.get(rec.s);
    return found?.find((s) => s.name === rec.n) ?? found?.[0];
  };
  const bySheet = new Map<SheetRef, MarkRecord[]>();
  for (const rec of open.store.marks) {
    const sheet = sheetOf(rec);
    if (!sheet) {
      sheetGone(result, rec);
      continue;
    }
    let list = bySheet.get(sheet);
    if (!list) bySheet.set(sheet, (list = []));
    list.push(rec);
  }
  const keepStore = open.store.meta.stateChunks > 0;
  assertWritable(book, bySheet.keys(), !keepStore);

  const plans: Array<{
    ref: SheetRef;
    fills: Array<{ cell: CellRef; fill: FillState | null }>;
    comments: CommentOp[];
  }> = [];
  for (const [ref, recs] of bySheet) {
    const keys = new RowKeys(ref.ws, open.store.meta.spans[itemAt(recs, 0).s] ?? RowKeys.spanOf(ref.ws));
    const placement = placeRecords(
      recs,
      (r) => keys.at(r),
      (k) => keys.rowsWith(k),
    );
    const fillsNow = probeFills(env, ref.ws, byColour(cellsToProbe(placement)));
    const restores = planClear(
      ref.name,
      placement,
      (rec, row) => isOurs(fillsNow.get(cellKey(row, rec.c)), rec.m),
      result,
    );
    const comments = readComments(
      ref.ws,
      restores.filter((p) => p.rec.o !== null || p.rec.t).map((p) => ({ row: p.row, column: p.rec.c })),
    );
    const fills: Array<{ cell: CellRef; fill: FillState | null }> = [];
    const commentOps: CommentOp[] = [];
    for (const { rec, row, fill } of restores) {
      const k = cellKey(row, rec.c);
      const cell = { row, column: rec.c };
      if (fill) fills.push({ cell, fill: rec.f });
      const back = restoredNote(comments.get(k), rec.o, rec.t);
      if (back.kept) result.kept++;
      if (comments.get(k) !== (back.text ?? undefined))
        commentOps.push({ cell, text: back.text, exists: comments.has(k) });
    }
    plans.push({ ref, fills, comments: commentOps });
  }

  quietly(env.app, () => {
    for (const p of plans) {
      writeFills(env, p.ref.ws, p.fills);
      writeComments(env, p.ref.ws, p.comments);
    }
    for (const list of ids.values()) for (const s of list) dropSheetId(s.ws);
    // The record goes last: if anything above failed, the next 清除标记 still knows every original.
    if (keepStore) {
      open.store = { meta: { ...open.store.meta, spans: {} }, marks: [] };
      open.sheet!.write(open.store, open.oldChunks);
    } else open.sheet!.ws.Delete();
  });
  return result;
}
