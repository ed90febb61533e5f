import { cellKey } from '../../core/cell-key';
import type { MergeRange } from '../../core/grid';
import type { Severity } from '../../core/issue';
import { type CellMark, MARK_COLOURS } from '../../core/workbook-port';
import { placeRecords } from '../mark-clear';
import { joinNote, restoredNote } from '../note-text';
import { groupTargets, masterLookup, planRemark } from '../remark-plan';
import { type EtWorkbook, hexToBgr } from './et-model';
import type { CellRef } from './wps-address';
import {
  assertWritable,
  ensureSheetId,
  nameKey,
  quietly,
  readSheetId,
  type SheetRef,
  sheetNamed,
} from './wps-book';
import { type CommentOp, isOurs, probeFills, readComments, writeComments, writeFills } from './wps-cells';
import { WpsHostError } from './wps-errors';
import type { RangeEnv } from './wps-ranges';
import { asPut, byColour, RowKeys } from './wps-row-keys';
import { type FillState, type MarkRecord, openStore, saveStore } from './wps-store';

// Marking a sheet in WPS: the cells and what happens to old marks are planned by remark-plan.ts (shared with
// Excel); this module reads what the plan needs (fills, comments, row fingerprints) and writes the marks.
// Clearing: wps-clear.ts.

/** What the mark flows need: the host, the workbook, and merged areas from the last read of each sheet. */
export interface MarkEnv extends RangeEnv {
  book: EtWorkbook;
  merges: (sheet: string) => readonly MergeRange[] | undefined;
}

/** The mark colour of a severity in ET's BGR order. */
export function markColour(severity: Severity): number {
  return hexToBgr(MARK_COLOURS[severity]);
}

/** The comment text a record leaves on its cell: the original, with our note appended when there is one. */
const commentOf = (rec: Pick<MarkRecord, 'o' | 't'>): string | null =>
  rec.t ? joinNote(rec.o, rec.t) : rec.o;

/**
 * Marks one sheet. With `resetRows`, the sheet's old marks on those rows that are not marked again are restored
 * first (the pane's re-marking after an edit, or of a whole sheet). Order: everything is read first (the record,
 * the rows' fingerprints, the cells' fills and comments), protection is checked, the record of originals is saved,
 * and only then are cells formatted — so a failure never leaves a mark without its original. Cell values are never
 * written.
 */
export function markSheetIn(
  env: MarkEnv,
  sheetName: string,
  marks: readonly CellMark[],
  resetRows?: ReadonlySet<number>,
): void {
  const { book } = env;
  const ws = sheetNamed(book, sheetName);
  const ref: SheetRef = { ws, name: sheetName };
  const outside = (cell: string) => new WpsHostError('wps/outside-sheet', { sheet: sheetName, cell });
  const targets = groupTargets(marks, masterLookup(env.merges(sheetName)), outside);
  const open = openStore(book);
  const knownId = readSheetId(ws);
  const mine = open.store.marks.filter((m) => (knownId && m.s === knownId) || m.s === nameKey(sheetName));
  if (targets.length === 0 && (mine.length === 0 || !resetRows)) return;
  assertWritable(book, [ref], !open.sheet);

  const span = open.store.meta.spans[knownId ?? nameKey(sheetName)] ?? RowKeys.spanOf(ws);
  const keys = new RowKeys(ws, span);
  // Records follow their rows (inserted, deleted, sorted since marking); records not found again stay put.
  for (const { rec, row } of placeRecords(
    mine,
    (r) => keys.at(r),
    (k) => keys.rowsWith(k),
  ).placed)
    rec.r = row;
  const plan = planRemark(mine, targets, resetRows);
  const { dropped } = plan;
  const fresh = plan.marks.filter((m) => !m.rec).map((m) => m.target);

  // Reads: fills of every cell involved (one probe), comments where an original or a restore needs them.
  const kept = plan.marks.map((m) => m.rec).filter((r): r is MarkRecord => !!r);
  const fills = probeFills(env, ws, [fresh, ...byColour(asPut([...kept, ...dropped]))]);
  // Comments are read only where ours will be rewritten (or removed): words the person wrote in since then stay.
  const textAt = new Map(targets.map((t) => [cellKey(t.row, t.column), t.notes.join('\n')]));
  const rewritten = new Set(kept.filter((r) => r.t !== textAt.get(cellKey(r.r, r.c))));
  const cellOf = (m: MarkRecord): CellRef => ({ row: m.r, column: m.c });
  const comments = readComments(ws, [
    ...fresh,
    ...dropped.filter((m) => m.t).map(cellOf),
    ...[...rewritten].map(cellOf),
  ]);

  const id = knownId ?? ensureSheetId(ws, sheetName);
  open.store.meta.spans[id] = span;
  const fillOps: Array<{ cell: CellRef; fill: FillState | null }> = [];
  const commentOps: CommentOp[] = [];
  for (const rec of dropped) {
    const k = cellKey(rec.r, rec.c);
    const cell = { row: rec.r, column: rec.c };
    if (isOurs(fills.get(k), rec.m)) fillOps.push({ cell, fill: rec.f });
    if (rec.t) {
      // The person's words written in since marking stay; only our text goes.
      const back = restoredNote(comments.get(k), rec.o, rec.t);
      if (comments.get(k) !== (back.text ?? undefined))
        commentOps.push({ cell, text: back.text, exists: comments.has(k) });
    }
  }
  const gone = new Set(dropped);
  open.store.marks = open.store.marks.filter((m) => !gone.has(m));
  for (const { target: t, rec: known } of plan.marks) {
    const k = cellKey(t.row, t.column);
    const cell = { row: t.row, column: t.column };
    const text = t.notes.join('\n');
    const colour = markColour(t.severity);
    let rec = known;
    let before: string | null;
    if (!rec) {
      const original = comments.get(k) ?? null;
      rec = {
        s: id,
        n: sheetName,
        r: t.row,
        c: t.column,
        f: fills.get(k) ?? null,
        o: original,
        m: colour,
        v: t.severity,
        t: '',
        k: '',
      };
      open.store.marks.push(rec);
      before = original;
    } else if (rewritten.has(rec)) {
      const back = restoredNote(comments.get(k), rec.o, rec.t);
      if (back.kept) rec.o = back.text;
      before = comments.get(k) ?? null;
    } else before = commentOf(rec);
    rec.n = sheetName;
    rec.m = colour;
    rec.v = t.severity;
    rec.t = text;
    rec.k = keys.at(t.row);
    if (!isOurs(fills.get(k), colour)) fillOps.push({ cell, fill: { c: colour } });
    const after = commentOf(rec);
    if (after !== before) commentOps.push({ cell, text: after, exists: before !== null });
  }

  quietly(env.app, () => {
    saveStore(book, open);
    writeFills(env, ws, fillOps);
    writeComments(env, ws, commentOps);
  });
}

/** Marks cells of any sheets; every sheet is checked to exist before anything is changed. */
export function applyMarksIn(env: MarkEnv, marks: readonly CellMark[]): void {
  const bySheet = new Map<string, CellMark[]>();
  for (const m of marks) {
    let list = bySheet.get(m.sheet);
    if (!list) bySheet.set(m.sheet, (list = []));
    list.push(m);
  }
  for (const name of bySheet.keys()) sheetNamed(env.book, name);
  for (const [name, list] of bySheet) markSheetIn(env, name, list);
}
