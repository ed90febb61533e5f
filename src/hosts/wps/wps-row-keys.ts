import type { CellValue } from '../../core/grid';
import type { Placed } from '../mark-clear';
import { rowKey } from '../mark-record';
import type { EtWorksheet } from './et-model';
import type { CellRef } from './wps-address';
import { readValues, usedArea } from './wps-read';
import type { MarkRecord } from './wps-store';

// What the WPS mark flows read of a sheet besides fills and comments: its rows' fingerprints (to find marked rows
// again), and the recorded cells grouped by the colour we put on them (one fill probe per colour).

/** Row fingerprints of a sheet over a column span, from one bulk read of its values. */
export class RowKeys {
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
export function byColour(cells: ReadonlyArray<Placed<MarkRecord>>): CellRef[][] {
  const groups = new Map<number, CellRef[]>();
  for (const { rec, row } of cells) {
    let list = groups.get(rec.m);
    if (!list) groups.set(rec.m, (list = []));
    list.push({ row, column: rec.c });
  }
  return [...groups.values()];
}

/** Records where they were put. */
export const asPut = (recs: readonly MarkRecord[]): Array<Placed<MarkRecord>> =>
  recs.map((rec) => ({ rec, row: rec.r }));
