/// <reference types="office-js" />
import { rowKey } from '../mark-record';
import { type ApiLevel, jsonBytes, type SyncBatcher, type SyncLimits } from './excel-api';
import { cellKey } from '../../core/cell-key';
import { addressLists, type CellRef, rectAddress, rowRuns, verticalRuns } from './excel-address';
import type { SheetInfo } from './excel-book';
import type { FillState } from './excel-mark-store';
import { rangeByIndexes } from './excel-read';

/** What the cell helpers need from the current `Excel.run`. */
export interface CellEnv {
  context: Excel.RequestContext;
  api: ApiLevel;
  limits: SyncLimits;
}

/**
 * A fill as Excel reports it, or null for "no fill". Why the white rule: Excel reports no fill as `#FFFFFF`;
 * from ExcelApi 1.9 the pattern (`None`) or a null tint tells it apart from a white fill, before 1.9 nothing
 * does, so white is taken as no fill (it looks the same on the default white background).
 */
export function fillStateOf(
  color: string | null | undefined,
  pattern?: string | null,
  patternColor?: string | null,
  tint?: number | null,
): FillState | null {
  if (pattern === 'None') return null;
  const c = (color ?? '').toUpperCase();
  if (!c) return null;
  if (c === '#FFFFFF' && (pattern === undefined || tint === null || tint === undefined)) return null;
  const f: FillState = { color: c };
  if (pattern && pattern !== 'Solid') {
    f.pattern = pattern;
    if (patternColor) f.patternColor = patternColor.toUpperCase();
  }
  if (typeof tint === 'number' && tint !== 0) f.tint = tint;
  return f;
}

/** Stable key of a fill state, for grouping cells that get the same fill. */
export function fillKey(f: FillState | null): string {
  return f ? JSON.stringify([f.color, f.pattern ?? '', f.patternColor ?? '', f.tint ?? 0]) : '';
}

/** True when a fill read now is exactly a mark colour we applied. */
export function isMarkFill(fill: FillState | null | undefined, colour: string): boolean {
  return !!fill && !fill.pattern && fill.tint === undefined && fill.color === colour.toUpperCase();
}

/** Queues fill reads of cells (one request per vertical run on ExcelApi 1.9, per cell before); resolve after flush. */
export async function probeFills(
  env: CellEnv,
  batcher: SyncBatcher,
  sheet: SheetInfo,
  cells: readonly CellRef[],
): Promise<() => Map<number, FillState | null>> {
  const readers: Array<() => Array<[number, FillState | null]>> = [];
  if (env.api.has(9)) {
    for (const run of verticalRuns(cells)) {
      const n = run.bottom - run.top + 1;
      await batcher.reserve(120, n * 110);
      const props = sheet.proxy.getRange(rectAddress(run)).getCellProperties({
        format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
      });
      readers.push(() =>
        props.value.map((row, i) => {
          const f = row[0]?.format?.fill;
          return [
            cellKey(run.top + i, run.left),
            fillStateOf(f?.color, f?.pattern ?? null, f?.patternColor, f?.tintAndShade ?? null),
          ];
        }),
      );
    }
  } else {
    for (const c of cells) {
      await batcher.reserve(120, 60);
      // Why per cell: before ExcelApi 1.9 a multi-cell range reports null unless all its cells share a colour.
      const fill = sheet.proxy.getRange(
        rectAddress({ top: c.row, left: c.column, bottom: c.row, right: c.column }),
      ).format.fill;
      fill.load('color');
      readers.push(() => [[cellKey(c.row, c.column), fillStateOf(fill.color)]]);
    }
  }
  return () => new Map(readers.flatMap((r) => r()));
}

/** Queues note reads (ExcelApi 1.18, one `getItemOrNullObject` per cell); resolve after flush. */
export async function probeNotes(
  batcher: SyncBatcher,
  sheet: SheetInfo,
  cells: readonly CellRef[],
): Promise<() => Map<number, string | null>> {
  const items: Array<[number, Excel.Note]> = [];
  for (const c of cells) {
    await batcher.reserve(120, 300);
    const note = sheet.proxy.notes.getItemOrNullObject(
      rectAddress({ top: c.row, left: c.column, bottom: c.row, right: c.column }),
    );
    note.load('content');
    items.push([cellKey(c.row, c.column), note]);
  }
  return () => new Map(items.map(([k, n]) => [k, n.isNullObject ? null : String(n.content ?? '')]));
}

/** Queues reads of rows' values over a column span (one range per run of rows); resolve to row → fingerprint. */
export async function probeRowKeys(
  env: CellEnv,
  batcher: SyncBatcher,
  sheet: SheetInfo,
  rows: Iterable<number>,
  span: [number, number],
): Promise<() => Map<number, string>> {
  const cols = span[1] - span[0] + 1;
  const reads: Array<[number, Excel.Range]> = [];
  for (const [first, last] of rowRuns(rows)) {
    // Runs are split so that one read stays far below the response budget.
    const perRead = Math.max(1, Math.floor(env.limits.responseBytes / 4 / (cols * 60)));
    for (let top = first; top <= last; top += perRead) {
      const n = Math.min(perRead, last - top + 1);
      await batcher.reserve(120, n * cols * 60);
      const range = rangeByIndexes(sheet.proxy, env.api, top - 1, span[0] - 1, n, cols);
      range.load('values');
      reads.push([top, range]);
    }
  }
  return () => {
    const out = new Map<number, string>();
    for (const [top, range] of reads) range.values.forEach((row, i) => out.set(top + i, rowKey(row)));
    return out;
  };
}

function setFill(fill: Excel.RangeFill, state: FillState | null, api: ApiLevel): void {
  if (!state) {
    fill.clear();
    return;
  }
  fill.color = state.color;
  if (api.has(9)) {
    // Pattern and tint are always set (ExcelApi 1.9): a mark on a patterned cell must be a plain solid fill.
    fill.pattern = (state.pattern ?? 'Solid') as Excel.FillPattern;
    if (state.patternColor) fill.patternColor = state.patternColor;
    fill.tintAndShade = state.tint ?? 0;
  }
}

/**
 * Queues fills of many cells with as few calls as possible: cells grouped by fill, coalesced into vertical runs,
 * then one `getRanges` per address list of at most `limits.addressChars` characters (RangeAreas, ExcelApi 1.9),
 * or one `getRange` per run before 1.9.
 */
export async function queueFills(
  env: CellEnv,
  batcher: SyncBatcher,
  sheet: SheetInfo,
  groups: Iterable<{ fill: FillState | null; cells: CellRef[] }>,
): Promise<void> {
  for (const g of groups) {
    const runs = verticalRuns(g.cells);
    if (env.api.has(9)) {
      for (const list of addressLists(runs.map(rectAddress), env.limits.addressChars)) {
        await batcher.reserve(list.length + 100);
        setFill(sheet.proxy.getRanges(list).format.fill, g.fill, env.api);
      }
    } else {
      for (const run of runs) {
        await batcher.reserve(150);
        setFill(sheet.proxy.getRange(rectAddress(run)).format.fill, g.fill, env.api);
      }
    }
  }
}

/** Groups cells by the fill they should get. */
export function groupByFill(
  items: Iterable<{ cell: CellRef; fill: FillState | null }>,
): Array<{ fill: FillState | null; cells: CellRef[] }> {
  const groups = new Map<string, { fill: FillState | null; cells: CellRef[] }>();
  for (const { cell, fill } of items) {
    const k = fillKey(fill);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { fill, cells: [] }));
    g.cells.push(cell);
  }
  return [...groups.values()];
}

/** What to do with a cell's note (ExcelApi 1.18): `exists` says whether a note is there now. */
export interface NoteOp {
  cell: CellRef;
  exists: boolean;
  /** New content, or null to remove the note. */
  content: string | null;
}

/** Queues note changes: add where none exists, set content where one does, delete where asked. */
export async function queueNotes(
  batcher: SyncBatcher,
  sheet: SheetInfo,
  ops: readonly NoteOp[],
): Promise<void> {
  for (const op of ops) {
    const address = rectAddress({
      top: op.cell.row,
      left: op.cell.column,
      bottom: op.cell.row,
      right: op.cell.column,
    });
    await batcher.reserve(jsonBytes(op.content ?? ''));
    if (op.content === null) {
      if (op.exists) sheet.proxy.notes.getItem(address).delete();
    } else if (op.exists) sheet.proxy.notes.getItem(address).content = op.content;
    else sheet.proxy.notes.add(address, op.content);
  }
}
