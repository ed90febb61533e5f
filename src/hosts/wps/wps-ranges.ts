import { cellKey } from '../../core/cell-key';
import type { MergeRange } from '../../core/grid';
import type { EtApplication, EtRange, EtWorksheet } from './et-model';
import {
  addressChunks,
  boundingRect,
  type CellRef,
  cellRects,
  MAX_UNION_ARGS,
  rectAddress,
} from './wps-address';

/** What the range helpers need: the application (for `Union`) and the longest address string to use. */
export interface RangeEnv {
  app: EtApplication;
  maxAddressChars: number;
}

/**
 * The ranges covering some rectangles of one sheet in as few objects as the host allows: address lists of at most
 * 255 characters (`Range("A1,C5:C7")`), then up to 30 of them joined by `Application.Union`. Setting a property on
 * each returned range formats every rectangle: 5,000 scattered cells take a handful of property sets.
 */
export function groupedRanges(env: RangeEnv, ws: EtWorksheet, rects: readonly MergeRange[]): EtRange[] {
  const lists = addressChunks(rects, env.maxAddressChars);
  const out: EtRange[] = [];
  for (let i = 0; i < lists.length; i += MAX_UNION_ARGS) {
    const parts = lists.slice(i, i + MAX_UNION_ARGS).map((a) => ws.Range(a));
    const [only] = parts;
    out.push(only && parts.length === 1 ? only : env.app.Union(...parts));
  }
  return out;
}

/** Marker of a property the cells of a range do not share (the host reports null for it). */
export const MIXED: unique symbol = Symbol('mixed');
export type Mixed = typeof MIXED;

/**
 * Reads a per-cell property of many cells with few calls. The host reports a property of a multi-cell range only
 * when every cell shares it (null otherwise, as `Range.NumberFormat` and `Interior.Color` do in the VBA-compatible
 * model), so cells are asked for in groups and a group that answers "mixed" is halved:
 *
 * - a group is first asked through its bounding rectangle, which may hold other cells too: a uniform answer still
 *   holds for every cell of the group (they are inside it), a mixed one only means "look closer";
 * - a group whose address lists fit in one `Union` (30 lists of 255 characters) is then asked exactly;
 * - a mixed group is halved.
 *
 * Cost: one read when every cell agrees (e.g. no fill anywhere); a few dozen calls per thousand cells when the
 * group is uniform but scattered among other cells; about 2·k·log2(n / k) reads when k runs of cells differ.
 */
export function probeUniform<T>(
  env: RangeEnv,
  ws: EtWorksheet,
  cells: readonly CellRef[],
  read: (range: EtRange) => T | Mixed,
): Map<number, T> {
  const out = new Map<number, T>();
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const settle = (list: readonly CellRef[], value: T | Mixed): boolean => {
    if (value === MIXED) return false;
    for (const c of list) out.set(cellKey(c.row, c.column), value);
    return true;
  };
  const visit = (list: readonly CellRef[], boxTried: boolean): void => {
    if (list.length === 0) return;
    const rects = cellRects(list);
    const lists = addressChunks(rects, env.maxAddressChars);
    const [only] = lists;
    if (only !== undefined && lists.length === 1) {
      if (settle(list, read(ws.Range(only))) || list.length === 1) return;
    } else {
      if (!boxTried && rects.length > 1 && settle(list, read(ws.Range(rectAddress(boundingRect(list))))))
        return;
      if (
        lists.length <= MAX_UNION_ARGS &&
        settle(list, read(env.app.Union(...lists.map((a) => ws.Range(a)))))
      )
        return;
    }
    const mid = list.length >> 1;
    visit(list.slice(0, mid), false);
    visit(list.slice(mid), false);
  };
  visit(sorted, false);
  return out;
}
