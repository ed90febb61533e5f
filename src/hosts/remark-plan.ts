import { cellKey, SHEET_COLUMNS, SHEET_ROWS } from '../core/cell-key';
import { cellAddress, type MergeRange } from '../core/grid';
import { SEVERITY_RANK, type Severity } from '../core/issue';
import type { CellMark } from '../core/workbook-port';

// Marking and re-marking a sheet, the host-free part (Excel and WPS alike): which cell each mark goes on, which
// cells are marked for the first time and which again (their first recorded original kept), and which old marks
// a re-check no longer gives, to be restored and dropped from the record. The adapters read the cells it names
// (fills, notes or comments, row fingerprints) and write what follows; they decide none of it themselves.

/** A cell by 1-based row and column. */
export interface CellAt {
  row: number;
  column: number;
}

/** One cell to mark: a merge's top-left cell, the worst severity of its marks and every distinct note, in order. */
export interface Target extends CellAt {
  severity: Severity;
  notes: string[];
}

/** Cells of merged areas larger than this are looked up by scanning (a whole-column merge has a million). */
const MERGE_MAP_CELLS = 100_000;

/** Maps a cell to the top-left cell of the merged area it is in (marks show only there), from merges read before. */
export function masterLookup(
  merges: readonly MergeRange[] | undefined,
): (row: number, column: number) => CellAt {
  const followers = new Map<number, CellAt>();
  const big: MergeRange[] = [];
  for (const m of merges ?? []) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > MERGE_MAP_CELLS) {
      big.push(m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && !followers.has(cellKey(r, c)))
          followers.set(cellKey(r, c), { row: m.top, column: m.left });
  }
  return (row, column) => {
    const hit = followers.get(cellKey(row, column));
    if (hit) return hit;
    for (const m of big)
      if (row >= m.top && row <= m.bottom && column >= m.left && column <= m.right)
        return { row: m.top, column: m.left };
    return { row, column };
  };
}

/** Where a mark names a cell no sheet has: `A0`-style text for a whole number, `R…C…` for anything else. */
export function outsideCell(mark: Pick<CellMark, 'row' | 'column'>): string | undefined {
  const whole =
    Number.isInteger(mark.row) && Number.isInteger(mark.column) && mark.row >= 1 && mark.column >= 1;
  if (whole && mark.row <= SHEET_ROWS && mark.column <= SHEET_COLUMNS) return undefined;
  return whole ? cellAddress(mark.row, mark.column) : `R${mark.row}C${mark.column}`;
}

/**
 * The cells to mark on one sheet, before anything is read or written: a mark on a cell no sheet has is refused
 * (`outside` makes the host's error from the cell's text); a mark on a merged follower goes to the merge's
 * top-left cell; several marks on one cell give the most severe colour and every distinct note, in order.
 */
export function groupTargets(
  marks: readonly CellMark[],
  masterOf: (row: number, column: number) => CellAt,
  outside: (cell: string) => Error,
): Target[] {
  const byCell = new Map<number, Target>();
  for (const mark of marks) {
    const bad = outsideCell(mark);
    if (bad !== undefined) throw outside(bad);
    const at = masterOf(mark.row, mark.column);
    const k = cellKey(at.row, at.column);
    const t = byCell.get(k);
    if (!t) {
      byCell.set(k, {
        row: at.row,
        column: at.column,
        severity: mark.severity,
        notes: mark.note ? [mark.note] : [],
      });
      continue;
    }
    if (SEVERITY_RANK[mark.severity] < SEVERITY_RANK[t.severity]) t.severity = mark.severity;
    if (mark.note && !t.notes.includes(mark.note)) t.notes.push(mark.note);
  }
  return [...byCell.values()];
}

/** What this module reads of a record: the cell it marked (where it is now). */
export interface MarkedCell {
  r: number;
  c: number;
}

/** A target and the record already held for its cell (none: the cell is marked for the first time). */
export interface Remark<R, T> {
  target: T;
  rec?: R;
}

/** What marking a sheet again does with its cells and records. */
export interface RemarkPlan<R, T> {
  /** Every target, in order, with its cell's record if it has one (whose first recorded original is kept). */
  marks: Array<Remark<R, T>>;
  /** Records on the re-checked rows whose cell no target marks now: restored, then dropped from the record. */
  dropped: R[];
}

/**
 * Plans marking one sheet: each target with the record of its cell (so a cell marked again keeps the original of
 * its first marking), and, for the rows a re-check covered (`resetRows`), the old marks it no longer gives. Records
 * on other rows are left as they are; without `resetRows` nothing is dropped (marks are only added).
 */
export function planRemark<R extends MarkedCell, T extends CellAt>(
  records: readonly R[],
  targets: readonly T[],
  resetRows?: ReadonlySet<number>,
): RemarkPlan<R, T> {
  const byCell = new Map<number, R>();
  for (const rec of records) byCell.set(cellKey(rec.r, rec.c), rec);
  const targeted = new Set(targets.map((t) => cellKey(t.row, t.column)));
  return {
    marks: targets.map((target) => ({ target, rec: byCell.get(cellKey(target.row, target.column)) })),
    dropped: resetRows
      ? records.filter((rec) => resetRows.has(rec.r) && !targeted.has(cellKey(rec.r, rec.c)))
      : [],
  };
}
