import { cellAddress } from '../../core/grid';
import { type EtRange, type EtWorksheet, XL_NONE, XL_PATTERN_SOLID } from './et-model';
import { cellKey } from '../../core/cell-key';
import { type CellRef, cellRects, sortCells } from './wps-address';
import { groupedRanges, MIXED, type Mixed, probeUniform, type RangeEnv } from './wps-ranges';
import type { FillState } from './wps-store';

// The cells' fills and comments as the mark flows read and write them in WPS: in groups, with as few host calls as
// the ET API allows.

/** A fill as the host reports it for a range: null = no fill; MIXED when the cells differ. */
function readFill(range: EtRange): FillState | null | Mixed {
  const interior = range.Interior;
  const index = interior.ColorIndex;
  if (typeof index !== 'number') return MIXED;
  if (index === XL_NONE) return null;
  const c = interior.Color;
  if (typeof c !== 'number') return MIXED;
  const p = interior.Pattern;
  if (typeof p !== 'number') return MIXED;
  if (p === XL_NONE) return null;
  if (p === XL_PATTERN_SOLID) return { c };
  const pc = interior.PatternColor;
  return typeof pc === 'number' ? { c, p, pc } : MIXED;
}

/**
 * Fills of cells probed group by group: cells expected to share a fill (those marked in one colour, those never
 * marked) are asked together, so a group that is still as expected answers in one read.
 */
export function probeFills(
  env: RangeEnv,
  ws: EtWorksheet,
  groups: Iterable<readonly CellRef[]>,
): Map<number, FillState | null> {
  const out = new Map<number, FillState | null>();
  for (const cells of groups) for (const [k, v] of probeUniform(env, ws, cells, readFill)) out.set(k, v);
  return out;
}

const fillKey = (f: FillState | null): string => (f ? `${f.c}|${f.p ?? ''}|${f.pc ?? ''}` : '');
/** True when the fill is our mark colour, solid, as we put it (the person has not changed it since). */
export const isOurs = (f: FillState | null | undefined, colour: number): boolean =>
  !!f && f.c === colour && f.p === undefined;

/** Sets fills grouped by fill: a few `Interior` writes per group whatever the number of cells. */
export function writeFills(
  env: RangeEnv,
  ws: EtWorksheet,
  ops: ReadonlyArray<{ cell: CellRef; fill: FillState | null }>,
): void {
  const groups = new Map<string, { fill: FillState | null; cells: CellRef[] }>();
  for (const op of ops) {
    const k = fillKey(op.fill);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { fill: op.fill, cells: [] }));
    g.cells.push(op.cell);
  }
  for (const { fill, cells } of groups.values()) {
    for (const range of groupedRanges(env, ws, cellRects(sortCells(cells)))) {
      const interior = range.Interior;
      if (!fill) {
        interior.ColorIndex = XL_NONE;
        continue;
      }
      interior.Color = fill.c;
      if (fill.p !== undefined) {
        interior.Pattern = fill.p;
        if (fill.pc !== undefined) interior.PatternColor = fill.pc;
      }
    }
  }
}

/**
 * The comment text of some cells (absent: no comment). Two ways, the cheaper one chosen: asking each cell (two
 * calls, three with a comment), or walking the sheet's `Comments` (five calls per comment) when it has few.
 */
export function readComments(ws: EtWorksheet, cells: readonly CellRef[]): Map<number, string> {
  const out = new Map<number, string>();
  if (cells.length === 0) return out;
  const wanted = new Set(cells.map((c) => cellKey(c.row, c.column)));
  const all = ws.Comments;
  const count = all.Count;
  if (count === 0) return out;
  if (count * 5 <= cells.length * 2) {
    for (let i = 1; i <= count; i++) {
      const comment = all.Item(i);
      const at = comment.Parent;
      const k = cellKey(at.Row, at.Column);
      if (wanted.has(k)) out.set(k, comment.Text());
    }
    return out;
  }
  for (const c of cells) {
    const comment = ws.Range(cellAddress(c.row, c.column)).Comment;
    if (comment) out.set(cellKey(c.row, c.column), comment.Text());
  }
  return out;
}

/** A comment change: `text` null removes it; `exists` says whether the cell has one now. */
export interface CommentOp {
  cell: CellRef;
  text: string | null;
  exists: boolean;
}

/** Writes comments: removals grouped (`ClearComments` on address lists), the rest cell by cell (no bulk call exists). */
export function writeComments(env: RangeEnv, ws: EtWorksheet, ops: readonly CommentOp[]): void {
  const removals = ops.filter((o) => o.text === null && o.exists).map((o) => o.cell);
  if (removals.length > 0)
    for (const range of groupedRanges(env, ws, cellRects(sortCells(removals)))) range.ClearComments();
  for (const op of ops) {
    if (op.text === null) continue;
    const range = ws.Range(cellAddress(op.cell.row, op.cell.column));
    if (op.exists) {
      const comment = range.Comment;
      if (comment) {
        comment.Text(op.text);
        continue;
      }
    }
    range.AddComment(op.text);
  }
}
