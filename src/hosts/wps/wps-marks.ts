import { itemAt } from '../../core/item-at';
import { type CellValue, cellAddress, type MergeRange } from '../../core/grid';
import { SEVERITY_RANK, type Severity } from '../../core/issue';
import { type CellMark, MARK_COLOURS, type ClearReport } from '../../core/workbook-port';
import { joinNote, restoredNote } from '../note-text';
import { type EtWorkbook, type EtWorksheet, hexToBgr } from './et-model';
import {
  cellsToProbe,
  emptyClearReport,
  type Placed,
  placeRecords,
  planClear,
  sheetGone,
} from '../mark-clear';
import { rowKey } from '../mark-record';
import { cellKey, type CellRef } from './wps-address';
import {
  assertWritable,
  dropSheetId,
  ensureSheetId,
  quietly,
  nameKey,
  readSheetId,
  type SheetRef,
  sheetNamed,
  userSheets,
} from './wps-book';
import { WpsHostError } from './wps-errors';
import { type CommentOp, isOurs, probeFills, readComments, writeComments, writeFills } from './wps-cells';
import type { RangeEnv } from './wps-ranges';
import { readValues, usedArea } from './wps-read';
import { emptyStore, type FillState, type MarkRecord, type MarkStore, StoreSheet } from './wps-store';

/** What the mark flows need: the host, the workbook, and merged areas from the last read of each sheet. */
export interface MarkEnv extends RangeEnv {
  book: EtWorkbook;
  merges: (sheet: string) => readonly MergeRange[] | undefined;
}

interface Target {
  row: number;
  column: number;
  severity: Severity;
  notes: string[];
}

/** Sheets have at most 1,048,576 rows and 16,384 columns. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** The mark colour of a severity in ET's BGR order. */
export function markColour(severity: Severity): number {
  return hexToBgr(MARK_COLOURS[severity]);
}

/** The comment text a record leaves on its cell: the original, with our note appended when there is one. */
const commentOf = (rec: Pick<MarkRecord, 'o' | 't'>): string | null =>
  rec.t ? joinNote(rec.o, rec.t) : rec.o;

/** Row fingerprints of a sheet over a column span, from one bulk read of its values. */
class RowKeys {
  private readonly values: CellValue[][];
  private readonly top: number;
  private readonly left: number;
  private byKey?: Map<string, number[]>;
  private readonly cache = new Map<number, string>();

  constructor(
    ws: EtWorksheet,
    readonly span: [number, number],
  ) {
    const { range, area } = usedArea(ws);
    this.values = readValues(range, area);
    this.top = area.top;
    this.left = area.left;
  }

  /** The span of the used range now (for a sheet marked for the first time). */
  static spanOf(ws: EtWorksheet): [number, number] {
    const { area } = usedArea(ws);
    return [area.left, Math.max(area.left, area.left + area.cols - 1)];
  }

  at(row: number): string {
    const known = this.cache.get(row);
    if (known !== undefined) return known;
    const r = this.values[row - this.top];
    const cells: CellValue[] = [];
    for (let c = this.span[0]; c <= this.span[1]; c++) cells.push(r ? (r[c - this.left] ?? null) : null);
    const k = rowKey(cells);
    this.cache.set(row, k);
    return k;
  }

  rowsWith(key: string): number[] {
    if (!this.byKey) {
      this.byKey = new Map();
      for (let i = 0; i < this.values.length; i++) {
        const k = this.at(this.top + i);
        let list = this.byKey.get(k);
        if (!list) this.byKey.set(k, (list = []));
        list.push(this.top + i);
      }
    }
    return this.byKey.get(key) ?? [];
  }
}

/** Cells grouped by the colour their record says we put there (at `row`, where the record's row is now). */
function byColour(cells: ReadonlyArray<Placed<MarkRecord>>): CellRef[][] {
  const groups = new Map<number, CellRef[]>();
  for (const { rec, row } of cells) {
    let list = groups.get(rec.m);
    if (!list) groups.set(rec.m, (list = []));
    list.push({ row, column: rec.c });
  }
  return [...groups.values()];
}

/** Records where they were put. */
const asPut = (recs: readonly MarkRecord[]): Array<Placed<MarkRecord>> =>
  recs.map((rec) => ({ rec, row: rec.r }));

/**
 * Checks marks of one sheet and groups them by target cell: an impossible cell throws; a mark on a merged area's
 * other cells goes to its top-left cell; several marks on one cell keep the most severe colour and every note.
 */
function planTargets(env: MarkEnv, sheet: string, marks: readonly CellMark[]): Target[] {
  const merges = env.merges(sheet) ?? [];
  const byCell = new Map<number, Target>();
  for (const mark of marks) {
    const ok =
      Number.isInteger(mark.row) && Number.isInteger(mark.column) && mark.row >= 1 && mark.column >= 1;
    if (!ok || mark.row > MAX_ROWS || mark.column > MAX_COLUMNS)
      throw new WpsHostError('wps/outside-sheet', {
        sheet,
        cell: ok ? cellAddress(mark.row, mark.column) : `R${mark.row}C${mark.column}`,
      });
    let at = { row: mark.row, column: mark.column };
    for (const m of merges)
      if (mark.row >= m.top && mark.row <= m.bottom && mark.column >= m.left && mark.column <= m.right) {
        at = { row: m.top, column: m.left };
        break;
      }
    const k = cellKey(at.row, at.column);
    const t = byCell.get(k);
    if (!t) {
      byCell.set(k, { ...at, severity: mark.severity, notes: mark.note ? [mark.note] : [] });
      continue;
    }
    if (SEVERITY_RANK[mark.severity] < SEVERITY_RANK[t.severity]) t.severity = mark.severity;
    if (mark.note && !t.notes.includes(mark.note)) t.notes.push(mark.note);
  }
  return [...byCell.values()];
}

/** The record, opened for changes: its sheet (if any) and what it held. */
interface OpenStore {
  sheet?: StoreSheet;
  store: MarkStore;
  oldChunks: number;
}

function openStore(book: EtWorkbook): OpenStore {
  const sheet = StoreSheet.find(book);
  const store = sheet ? sheet.read() : emptyStore();
  return { sheet, store, oldChunks: store.meta.chunks };
}

function saveStore(book: EtWorkbook, open: OpenStore): void {
  open.sheet ??= StoreSheet.create(book);
  open.sheet.write(open.store, open.oldChunks);
  open.oldChunks = open.store.meta.chunks;
}

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
  const targets = planTargets(env, sheetName, marks);
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
  const byCell = new Map(mine.map((m) => [cellKey(m.r, m.c), m]));
  const targetKeys = new Set(targets.map((t) => cellKey(t.row, t.column)));
  const dropped = resetRows
    ? mine.filter((m) => resetRows.has(m.r) && !targetKeys.has(cellKey(m.r, m.c)))
    : [];
  const fresh = targets.filter((t) => !byCell.has(cellKey(t.row, t.column)));

  // Reads: fills of every cell involved (one probe), comments where an original or a restore needs them.
  const kept = targets.map((t) => byCell.get(cellKey(t.row, t.column))).filter((r): r is MarkRecord => !!r);
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
  for (const t of targets) {
    const k = cellKey(t.row, t.column);
    const cell = { row: t.row, column: t.column };
    const text = t.notes.join('\n');
    const colour = markColour(t.severity);
    let rec = byCell.get(k);
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
