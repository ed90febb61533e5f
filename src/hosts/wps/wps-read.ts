import type { CellValue, Grid, MergeRange } from '../../core/grid';
import type { EtRange, EtWorksheet } from './et-model';
import { cellKey } from '../../core/cell-key';
import { type CellRef, parseAddress, rectAddress } from './wps-address';
import { MIXED, probeUniform, type RangeEnv } from './wps-ranges';
import { isGeneralFormat, toCellValue, toMatrix } from './wps-values';

/** The used area of a sheet, 1-based. */
export interface UsedArea {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** What reading one sheet cost, for the tests' figures. */
export interface ReadStats {
  formatProbes: number;
  mergeProbes: number;
  mergeAreas: number;
}

/** The used range and its position (seven property reads). */
export function usedArea(ws: EtWorksheet): { range: EtRange; area: UsedArea } {
  const range = ws.UsedRange;
  return {
    range,
    area: { top: range.Row, left: range.Column, rows: range.Rows.Count, cols: range.Columns.Count },
  };
}

/** `Value2` of the used range in one call, as grid values (rows of cells from the used range's corner). */
export function readValues(range: EtRange, area: UsedArea): CellValue[][] {
  const matrix = toMatrix(range.Value2, area.rows, area.cols);
  const out: CellValue[][] = new Array(matrix.length);
  for (const [i, src] of matrix.entries()) {
    const row: CellValue[] = new Array(area.cols);
    for (let j = 0; j < area.cols; j++) row[j] = toCellValue(src[j]);
    out[i] = row;
  }
  return out;
}

/**
 * Number formats where they matter: only number cells (a format changes how a number reads — 0.05 as 5% — and
 * never how text reads). Bulk first: `UsedRange.NumberFormat` is one call and is either an array (some hosts), a
 * string (every cell shares it), or null (they differ). When it differs, each column is asked once; a column whose
 * cells still differ is probed over its number cells only (`probeUniform`), never cell by cell.
 */
export function readFormats(
  env: RangeEnv,
  ws: EtWorksheet,
  range: EtRange,
  area: UsedArea,
  values: CellValue[][],
  stats: ReadStats,
): (string | undefined)[][] | undefined {
  const formats: (string | undefined)[][] = [];
  let any = false;
  const put = (i: number, j: number, f: unknown) => {
    if (isGeneralFormat(f) || typeof f !== 'string') return;
    (formats[i] ??= [])[j] = f;
    any = true;
  };
  const numberCells = (j: number): CellRef[] => {
    const out: CellRef[] = [];
    for (const [i, row] of values.entries())
      if (typeof row[j] === 'number') out.push({ row: area.top + i, column: area.left + j });
    return out;
  };
  const whole = range.NumberFormat;
  stats.formatProbes++;
  if (Array.isArray(whole) || (typeof whole === 'object' && whole !== null)) {
    const matrix = toMatrix(whole, area.rows, area.cols);
    for (const [i, row] of values.entries())
      for (let j = 0; j < area.cols; j++) if (typeof row[j] === 'number') put(i, j, matrix[i]?.[j]);
    return any ? formats : undefined;
  }
  if (typeof whole === 'string') {
    if (isGeneralFormat(whole)) return undefined;
    for (const [i, row] of values.entries())
      for (let j = 0; j < area.cols; j++) if (typeof row[j] === 'number') put(i, j, whole);
    return any ? formats : undefined;
  }
  for (let j = 0; j < area.cols; j++) {
    const cells = numberCells(j);
    if (cells.length === 0) continue;
    const column = area.left + j;
    stats.formatProbes++;
    const f = ws.Range(
      rectAddress({ top: area.top, left: column, bottom: area.top + area.rows - 1, right: column }),
    ).NumberFormat;
    if (typeof f === 'string') {
      for (const c of cells) put(c.row - area.top, j, f);
      continue;
    }
    const found = probeUniform(env, ws, cells, (r) => {
      stats.formatProbes++;
      const v = r.NumberFormat;
      return typeof v === 'string' ? v : MIXED;
    });
    for (const c of cells) put(c.row - area.top, j, found.get(cellKey(c.row, c.column)));
  }
  return any ? formats : undefined;
}

/**
 * Merged areas, found without touching every cell. `MergeCells` of a range is true when every cell is merged,
 * false when none is, null when some are; a merged area's other cells are always empty. So only empty cells can
 * reveal a merge, and the search asks rectangles of them:
 *
 * 1. `UsedRange.MergeCells === false`: no merge at all (one call, the common case for exported lists).
 * 2. Rectangles are shrunk to the uncovered empty cells they hold (computed here, not asked); a rectangle that
 *    answers false is dropped; one that answers true is walked cell by cell, each uncovered empty cell asked for
 *    its `MergeArea` (which covers every other cell of that merge); a mixed one is split — columns first, so a
 *    merged title row and an unmerged column part after two probes, then rows (the first empty cell peeled off
 *    first: titles and headers sit at the top).
 *
 * Cost: a few dozen calls for title and header merges whatever the row count, plus three per merged area in
 * merged columns (`Range`, `MergeArea`, `Address`): there is no bulk call that lists merged areas.
 */
export function readMerges(
  ws: EtWorksheet,
  range: EtRange,
  area: UsedArea,
  values: CellValue[][],
  stats: ReadStats,
): MergeRange[] {
  stats.mergeProbes++;
  if (range.MergeCells === false) return [];
  const { top, left, rows, cols } = area;
  // 1 = empty and not yet covered by a found merge.
  const open = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = values[i];
    for (let j = 0; j < cols; j++)
      if (!row || row[j] === null || row[j] === undefined) open[i * cols + j] = 1;
  }
  const merges: MergeRange[] = [];
  const shrink = (r: MergeRange): MergeRange | undefined => {
    let t = Infinity;
    let l = Infinity;
    let b = -1;
    let rt = -1;
    for (let i = r.top; i <= r.bottom; i++)
      for (let j = r.left; j <= r.right; j++)
        if (open[(i - top) * cols + (j - left)]) {
          if (i < t) t = i;
          if (i > b) b = i;
          if (j < l) l = j;
          if (j > rt) rt = j;
        }
    return b < 0 ? undefined : { top: t, left: l, bottom: b, right: rt };
  };
  const cover = (m: MergeRange) => {
    for (let i = Math.max(m.top, top); i <= Math.min(m.bottom, top + rows - 1); i++)
      for (let j = Math.max(m.left, left); j <= Math.min(m.right, left + cols - 1); j++)
        open[(i - top) * cols + (j - left)] = 0;
  };
  const mergeAt = (row: number, column: number) => {
    stats.mergeAreas++;
    const found = parseAddress(
      ws
        .Range(rectAddress({ top: row, left: column, bottom: row, right: column }))
        .MergeArea.Address(false, false),
    )[0];
    if (found && (found.bottom > found.top || found.right > found.left)) {
      merges.push(found);
      cover(found);
    } else open[(row - top) * cols + (column - left)] = 0;
  };
  const walk = (r: MergeRange) => {
    for (let i = r.top; i <= r.bottom; i++)
      for (let j = r.left; j <= r.right; j++) if (open[(i - top) * cols + (j - left)]) mergeAt(i, j);
  };
  const visit = (rect: MergeRange, known?: boolean | null, peel = true): void => {
    const box = shrink(rect);
    if (!box) return;
    let state: boolean | null | undefined = known;
    if (
      state === undefined ||
      box.top !== rect.top ||
      box.bottom !== rect.bottom ||
      box.left !== rect.left ||
      box.right !== rect.right
    ) {
      stats.mergeProbes++;
      const v = ws.Range(rectAddress(box)).MergeCells;
      state = v === true || v === false ? v : null;
    }
    if (state === false) return;
    if (state === true || (box.top === box.bottom && box.left === box.right)) {
      walk(box);
      return;
    }
    if (box.right > box.left) {
      const mid = (box.left + box.right) >> 1;
      visit({ ...box, right: mid });
      visit({ ...box, left: mid + 1 });
      return;
    }
    if (peel) {
      // One column, once: its first empty cell alone (titles and headers come first), then the rest.
      visit({ ...box, bottom: box.top }, undefined, false);
      visit({ ...box, top: box.top + 1 }, undefined, false);
      return;
    }
    const mid = (box.top + box.bottom) >> 1;
    visit({ ...box, bottom: mid }, undefined, false);
    visit({ ...box, top: mid + 1 }, undefined, false);
  };
  visit({ top, left, bottom: top + rows - 1, right: left + cols - 1 }, null);
  return merges;
}

/** One sheet as a grid: values, number formats of number cells, merged areas; `startRow`/`startColumn` from the used range. */
export function readSheetGrid(
  env: RangeEnv,
  ws: EtWorksheet,
  name: string,
  stats: ReadStats = { formatProbes: 0, mergeProbes: 0, mergeAreas: 0 },
): Grid {
  const { range, area } = usedArea(ws);
  const values = readValues(range, area);
  let last = values.length - 1;
  while (last >= 0 && values[last]?.every((v) => v === null)) last--;
  if (last < 0) return { name, values: [], merges: [], startRow: area.top, startColumn: area.left };
  const grid: Grid = {
    name,
    values,
    merges: readMerges(ws, range, area, values, stats),
    startRow: area.top,
    startColumn: area.left,
  };
  const formats = readFormats(env, ws, range, area, values, stats);
  if (formats) grid.numberFormats = formats;
  return grid;
}
