import { cellKey } from './cell-key';
import type { MergeRange } from './grid';

/**
 * The merged ranges of a sheet, found by cell: per column, the ranges over it sorted by their top row and found by
 * binary search (why: a map entry per merged cell made a 200k-row sheet with merged groups hold hundreds of
 * thousands of entries). Followers are capped as hosts give them: not below the last row, not right of the last
 * column (a whole-column merge A:A reaches a million rows). Ranges that overlap (which Excel refuses) are looked
 * up cell by cell instead, the later range winning, as they always were.
 */
export class MergeIndex {
  private readonly byColumn = new Map<number, MergeRange[]>();
  /** Only for overlapping ranges: follower `cellKey` → range, and master cell key → range. */
  private cells: { followers: Map<number, MergeRange>; masters: Map<number, MergeRange> } | undefined;

  constructor(
    merges: readonly MergeRange[],
    private readonly lastRow: number,
    lastColumn: number,
  ) {
    for (const m of merges) {
      const right = Math.min(m.right, Math.max(lastColumn, m.left));
      for (let c = m.left; c <= right; c++) {
        let list = this.byColumn.get(c);
        if (!list) this.byColumn.set(c, (list = []));
        list.push(m);
      }
    }
    let overlap = false;
    for (const list of this.byColumn.values()) {
      list.sort((a, b) => a.top - b.top);
      for (let k = 1; k < list.length && !overlap; k++) overlap = list[k]!.top <= list[k - 1]!.bottom;
    }
    if (overlap) this.cells = cellMaps(merges, lastRow, lastColumn);
  }

  /** The range a cell belongs to, as master or follower. */
  at(row: number, column: number): MergeRange | undefined {
    if (this.cells) {
      const key = cellKey(row, column);
      return this.cells.followers.get(key) ?? this.cells.masters.get(key);
    }
    const m = this.over(row, column);
    if (!m) return undefined;
    return (row === m.top && column === m.left) || row <= this.lastRow ? m : undefined;
  }

  /** The range a cell follows (a cell of it other than its master), if any. */
  followed(row: number, column: number): MergeRange | undefined {
    if (this.cells) return this.cells.followers.get(cellKey(row, column));
    const m = this.over(row, column);
    if (!m || (row === m.top && column === m.left) || row > this.lastRow) return undefined;
    return m;
  }

  /** The range over a cell in its column's list: the last one starting at or above the row, if it reaches it. */
  private over(row: number, column: number): MergeRange | undefined {
    const list = this.byColumn.get(column);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.top <= row) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const m = found < 0 ? undefined : list[found];
    return m && m.bottom >= row ? m : undefined;
  }
}

/** A map entry per merged cell, for ranges that overlap. */
function cellMaps(merges: readonly MergeRange[], lastRow: number, lastColumn: number) {
  const followers = new Map<number, MergeRange>();
  const masters = new Map<number, MergeRange>();
  for (const m of merges) {
    masters.set(cellKey(m.top, m.left), m);
    const bottom = Math.min(m.bottom, lastRow);
    const right = Math.min(m.right, Math.max(lastColumn, m.left));
    for (let r = m.top; r <= bottom; r++)
      for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) followers.set(cellKey(r, c), m);
  }
  return { followers, masters };
}
