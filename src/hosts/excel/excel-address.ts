import { SHEET_COLUMNS, SHEET_ROWS } from '../../core/cell-key';
import { cellAddress, columnLetter, columnNumber, type MergeRange } from '../../core/grid';

/** A sheet name as it goes before `!` in an address: always quoted, quotes doubled (`'It''s'!A1`). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A1 address of a rectangle (a single cell when it is one). */
export function rectAddress(r: MergeRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** A cell by 1-based row and column. */
export interface CellRef {
  row: number;
  column: number;
}

/**
 * Coalesces cells into vertical runs (A1:A5 instead of five addresses): cells of one column with consecutive
 * rows become one rectangle. Duplicates are dropped; runs come sorted by column, then row.
 */
export function verticalRuns(cells: Iterable<CellRef>): MergeRange[] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: MergeRange[] = [];
  let run: MergeRange | undefined;
  for (const c of sorted) {
    if (run && run.left === c.column && c.row <= run.bottom + 1) {
      if (c.row > run.bottom) run.bottom = c.row;
      continue;
    }
    run = { top: c.row, left: c.column, bottom: c.row, right: c.column };
    runs.push(run);
  }
  return runs;
}

/** Consecutive rows grouped into runs (5,6,7,9 → [5,7], [9,9]). */
export function rowRuns(rows: Iterable<number>): Array<[number, number]> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/**
 * Joins addresses into comma-separated lists of at most `maxChars` characters each. Why: `getRanges` fails or
 * truncates past 8,192 characters; lists are kept far below it.
 */
export function addressLists(addresses: readonly string[], maxChars: number): string[] {
  const lists: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > maxChars) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

/** Splits an address list at commas that are outside quoted sheet names. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === ',' && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** One area of an address without its sheet: `A1`, `A1:C3`, `5:7` (whole rows) or `C:D` (whole columns). */
function parseArea(ref: string): MergeRange | undefined {
  const body = ref
    .slice(ref.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .toUpperCase();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(body);
  if (m) {
    const l = columnNumber(m[1] ?? '');
    const t = Number(m[2]);
    const r = m[3] ? columnNumber(m[3]) : l;
    const b = m[4] ? Number(m[4]) : t;
    return { top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) };
  }
  m = /^(\d+):(\d+)$/.exec(body);
  if (m) return { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: SHEET_COLUMNS };
  m = /^([A-Z]+):([A-Z]+)$/.exec(body);
  if (m)
    return { top: 1, left: columnNumber(m[1] ?? ''), bottom: SHEET_ROWS, right: columnNumber(m[2] ?? '') };
  return undefined;
}

/** Rectangles of an address list such as `Sheet1!A1:B2, 'My, sheet'!C3` (sheet names dropped). */
export function parseAddressList(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const part of splitAreas(address)) {
    const r = parseArea(part);
    if (r) out.push(r);
  }
  return out;
}

/** Column letters span `A:C` of 1-based columns. */
export function columnSpan(first: number, last: number): string {
  return `${columnLetter(first)}:${columnLetter(last)}`;
}
