import { cellKey } from '../core/cell-key';
import { cellAddress } from '../core/grid';
import type { ClearReport } from '../core/workbook-port';
import { nearestRow } from './mark-record';

// 清除标记 and re-marking, the host-free part: where each recorded mark is now, which cells get their originals
// back, which the person changed since (left as they are), and what the report says. The adapters (Excel, WPS) read
// the sheet for it (row fingerprints, fills) and write what it decides; they decide nothing themselves.

/** What this module reads of a record: the cell marked, and its row's fingerprint when marked. */
export interface RecordedCell {
  /** Sheet name when marked. */
  n: string;
  r: number;
  c: number;
  k: string;
}

/** A record and the row its cell is on now. */
export interface Placed<R> {
  rec: R;
  row: number;
}

/** Where the records of one sheet are now: found (at their row, or where their row went), or not found. */
export interface Placement<R> {
  placed: Array<Placed<R>>;
  lost: R[];
}

/** One cell 清除标记 restores: its original note or comment always, its original fill when `fill`. */
export interface Restore<R> extends Placed<R> {
  /** True when our mark colour is still on the cell: its original fill goes back. */
  fill: boolean;
}

/** An empty clear report. */
export function emptyClearReport(): ClearReport {
  return { restored: 0, relocated: 0, kept: 0, skipped: [] };
}

/** True when some record's row no longer has its fingerprint: only then must the sheet be searched. */
export function rowsMoved(
  recs: readonly RecordedCell[],
  keyAt: (row: number) => string | undefined,
): boolean {
  return recs.some((rec) => keyAt(rec.r) !== rec.k);
}

/**
 * Where each record is now. A record whose row still has its fingerprint stays; the others, in row order, go to
 * the nearest row that has their fingerprint now and whose cell no other record holds; the rest are lost (their
 * row was edited, or deleted). `rowsWith` is asked only for records whose row no longer matches.
 */
export function placeRecords<R extends RecordedCell>(
  recs: readonly R[],
  keyAt: (row: number) => string | undefined,
  rowsWith: (key: string) => readonly number[],
): Placement<R> {
  const taken = new Set<number>();
  const placed: Array<Placed<R>> = [];
  const off: R[] = [];
  for (const rec of recs) {
    if (keyAt(rec.r) === rec.k) {
      taken.add(cellKey(rec.r, rec.c));
      placed.push({ rec, row: rec.r });
    } else off.push(rec);
  }
  const lost: R[] = [];
  for (const rec of [...off].sort((a, b) => a.r - b.r)) {
    const row = nearestRow(rec.r, rowsWith(rec.k), (r) => !taken.has(cellKey(r, rec.c)));
    if (row === undefined) lost.push(rec);
    else {
      taken.add(cellKey(row, rec.c));
      placed.push({ rec, row });
    }
  }
  return { placed, lost };
}

/** The cells whose fill `planClear` asks about: each placed record where it is now, each lost one where it was. */
export function cellsToProbe<R extends RecordedCell>(placement: Placement<R>): Array<Placed<R>> {
  return [...placement.placed, ...placement.lost.map((rec) => ({ rec, row: rec.r }))];
}

/**
 * What 清除标记 does with the records of one sheet, counted into `report`. A found record's cell is restored; its
 * fill only where our colour is still on it, else the cell is reported as changed by the person and keeps its
 * fill. A lost record whose cell still has our colour, and that no found record holds, had its row edited in
 * place: it is restored where it was. Any other lost record is reported as moved and left alone.
 */
export function planClear<R extends RecordedCell>(
  sheet: string,
  placement: Placement<R>,
  ours: (rec: R, row: number) => boolean,
  report: ClearReport,
): Array<Restore<R>> {
  const out: Array<Restore<R>> = [];
  const claimed = new Set(placement.placed.map((p) => cellKey(p.row, p.rec.c)));
  for (const { rec, row } of placement.placed) {
    const fill = ours(rec, row);
    out.push({ rec, row, fill });
    if (!fill) report.skipped.push({ sheet, address: cellAddress(row, rec.c), reason: 'changed' });
    else {
      report.restored++;
      if (row !== rec.r) report.relocated++;
    }
  }
  for (const rec of placement.lost) {
    const k = cellKey(rec.r, rec.c);
    if (!claimed.has(k) && ours(rec, rec.r)) {
      claimed.add(k);
      out.push({ rec, row: rec.r, fill: true });
      report.restored++;
    } else report.skipped.push({ sheet, address: cellAddress(rec.r, rec.c), reason: 'moved' });
  }
  return out;
}

/** Reports a record whose sheet is gone: nothing to restore. */
export function sheetGone(report: ClearReport, rec: RecordedCell): void {
  report.skipped.push({ sheet: rec.n, address: cellAddress(rec.r, rec.c), reason: 'sheet-deleted' });
}
