import { cellKey } from '../../core/cell-key';
import { cellAddress, columnNumber, type MergeRange } from '../../core/grid';

/** A cell by 1-based row and column. */
export interface CellRef {
  row: number;
  column: number;
}

/**
 * Longest address string handed to `Worksheet.Range(...)`. Why 255: the VBA-compatible object model refuses
 * (or truncates) a `Range("A1,C5:C7,…")` reference longer than 255 characters, as Excel's COM API does.
 */
export const MAX_ADDRESS_CHARS = 255;

/** Ranges per `Application.Union` call: the VBA-compatible `Union(Arg1, …, Arg30)` takes at most 30. */
export const MAX_UNION_ARGS = 30;

/** A1 address of a rectangle (a single cell when it is one). */
export function rectAddress(r: MergeRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** The smallest rectangle holding every cell. */
export function boundingRect(cells: readonly CellRef[]): MergeRange {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of cells) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.column < left) left = c.column;
    if (c.column > right) right = c.column;
  }
  return { top, left, bottom, right };
}

/** Cells sorted by column, then row, without duplicates: the order vertical runs are built in. */
export function sortCells(cells: Iterable<CellRef>): CellRef[] {
  const seen = new Set<number>();
  const out: CellRef[] = [];
  for (const c of cells) {
    const k = cellKey(c.row, c.column);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ row: c.row, column: c.column });
  }
  return out.sort((a, b) => a.column - b.column || a.row - b.row);
}

/**
 * Coalesces cells (sorted by `sortCells`) into rectangles: vertical runs per column, then runs spanning the same
 * rows in adjacent columns joined side by side (`C5:E9` instead of three columns).
 */
export function cellRects(sorted: readonly CellRef[]): MergeRange[] {
  const runs: MergeRange[] = [];
  let run: MergeRange | undefined;
  for (const c of sorted) {
    if (run && run.left === c.column && c.row === run.bottom + 1) {
      run.bottom = c.row;
      continue;
    }
    run = { top: c.row, left: c.column, bottom: c.row, right: c.column };
    runs.push(run);
  }
  const byRows = new Map<string, MergeRange>();
  const out: MergeRange[] = [];
  for (const r of runs) {
    const key = `${r.top}:${r.bottom}`;
    const prev = byRows.get(key);
    if (prev && prev.right === r.left - 1) {
      prev.right = r.right;
      continue;
    }
    const copy = { ...r };
    byRows.set(key, copy);
    out.push(copy);
  }
  return out;
}

/** Joins rectangles into comma-separated address lists of at most `maxChars` characters each. */
export function addressChunks(rects: readonly MergeRange[], maxChars = MAX_ADDRESS_CHARS): string[] {
  const lists: string[] = [];
  let current = '';
  for (const r of rects) {
    const a = rectAddress(r);
    if (current && current.length + 1 + a.length > maxChars) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

/** The single address list of some cells, or undefined when it would be longer than `maxChars`. */
export function addressOf(sorted: readonly CellRef[], maxChars = MAX_ADDRESS_CHARS): string | undefined {
  const chunks = addressChunks(cellRects(sorted), maxChars);
  return chunks.length === 1 ? chunks[0] : undefined;
}

/** Rectangles of an address as the host writes it: `$A$1:$C$3`, `Sheet1!A1`, `A1,C5:C7` (sheet names dropped). */
export function parseAddress(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  let quoted = false;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  for (const part of parts) {
    const body = part
      .slice(part.lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .trim()
      .toUpperCase();
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(body);
    if (!m) continue;
    const l = columnNumber(m[1] ?? '');
    const t = Number(m[2]);
    const r = m[3] ? columnNumber(m[3]) : l;
    const b = m[4] ? Number(m[4]) : t;
    out.push({ top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) });
  }
  return out;
}

/** A sheet name as it goes before `!` in a reference: always quoted, quotes doubled (`'It''s'!A1`). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
