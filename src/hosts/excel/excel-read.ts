/// <reference types="office-js" />
import { itemAt } from '../../core/item-at';
import type { CellValue, Grid, MergeRange } from '../../core/grid';
import { type ApiLevel, isPayloadError, jsonBytes, type SyncLimits } from './excel-api';
import { parseAddressList, rectAddress } from './excel-address';

/** How a sheet is read: the first block's height, budgets, and what to load besides values. */
export interface ReadOptions {
  limits: SyncLimits;
  /** Rows of the first block, read in the same sync as the used range (ExcelApi 1.4). */
  firstBlockRows: number;
  /** Load number formats (percent and date cells need them). */
  formats: boolean;
  /** Load merged areas (ExcelApi 1.13). */
  merges: boolean;
  /** Read only these 1-based columns (first, last) of the used rows, e.g. to find moved rows again. */
  columns?: [number, number];
}

/** The used area in Excel's 0-based indexes. */
interface Area {
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

interface QueuedBlock {
  offset: number;
  rows: number;
  range: Excel.Range;
}

interface QueuedMerges {
  rows: number;
  areas: Excel.RangeAreas;
}

/** Guess of response bytes per cell before anything was measured (text, quotes, a number format). */
const GUESS_BYTES_PER_CELL = 60;
/** Merged areas asked per window; `getMergedAreasOrNullObject` fails past 512 (ExcelApi 1.13). */
const MERGE_WINDOW_LIMIT = 480;

/** The used range the host can give: null-safe where ExcelApi 1.4 exists, values only where 1.2 exists. */
export function usedRangeOf(sheet: Excel.Worksheet, api: ApiLevel): Excel.Range {
  if (api.has(4)) return sheet.getUsedRangeOrNullObject(true);
  // Why: ExcelApi 1.1 has no valuesOnly argument; formatted empty cells then count as used.
  return api.has(2) ? sheet.getUsedRange(true) : sheet.getUsedRange();
}

/** A rectangle of a sheet by 0-based indexes (`getRangeByIndexes` from ExcelApi 1.7, an A1 address before). */
export function rangeByIndexes(
  sheet: Excel.Worksheet,
  api: ApiLevel,
  row0: number,
  col0: number,
  rows: number,
  cols: number,
): Excel.Range {
  if (api.has(7)) return sheet.getRangeByIndexes(row0, col0, rows, cols);
  return sheet.getRange(
    rectAddress({ top: row0 + 1, left: col0 + 1, bottom: row0 + rows, right: col0 + cols }),
  );
}

/**
 * Reads one sheet in row blocks across several syncs: the used range (and, on ExcelApi 1.4, a first block in the
 * same sync), then blocks sized from the measured bytes per row so each response stays under the budget, and
 * merged areas in windows that cannot hold more than 512 areas. `queue` adds requests for the next sync,
 * `collect` reads them after it.
 */
export class SheetReader {
  /** Undefined until the used range is known; null for an empty sheet. */
  area: Area | null | undefined;
  readonly values: CellValue[][] = [];
  private readonly formats: (string | undefined)[][] = [];
  private anyFormat = false;
  private readonly merges = new Map<string, MergeRange>();
  /** False where merged areas are unknown (ExcelApi < 1.13, or the host kept failing). */
  mergesKnown: boolean;
  private rowsRead = 0;
  private mergedUpTo = 0;
  private readonly empties: number[] = [];
  private bytesPerRow = 0;
  private mergeDensity = -1;
  private strictMerges = false;
  private mergeFailures = 0;
  private firstBlockAllowed: boolean;
  private used?: Excel.Range;
  private first?: Excel.Range;
  private blocks: QueuedBlock[] = [];
  private windows: QueuedMerges[] = [];

  constructor(
    readonly sheet: Excel.Worksheet,
    readonly name: string,
    private readonly api: ApiLevel,
    private readonly options: ReadOptions,
  ) {
    this.mergesKnown = options.merges && api.has(13);
    this.firstBlockAllowed = api.has(4) && !options.columns;
  }

  private get wantsMerges(): boolean {
    return this.mergesKnown;
  }

  /** True when everything this reader needs has been read. */
  get done(): boolean {
    if (this.area === undefined) return false;
    if (this.area === null) return true;
    return this.rowsRead >= this.area.rows && (!this.wantsMerges || this.mergedUpTo >= this.area.rows);
  }

  /** True when merged-area requests are waiting for the next sync. */
  get hasMergesQueued(): boolean {
    return this.windows.length > 0;
  }

  private loadList(): string {
    return this.options.formats ? 'values,numberFormat' : 'values';
  }

  /** Queues the next requests within `budget` response bytes; returns the bytes it expects. */
  queue(budget: number, mustProgress: boolean): number {
    if (this.area === undefined) return this.queueStart(budget);
    if (this.area === null) return 0;
    let spent = this.queueMerges();
    const area = this.area;
    const perRow = this.bytesPerRow || area.cols * GUESS_BYTES_PER_CELL;
    const remaining = area.rows - this.rowsRead;
    if (remaining > 0) {
      const maxRows = Math.max(1, Math.floor(this.options.limits.cellsPerRead / area.cols));
      let rows = Math.min(remaining, maxRows, Math.floor((budget - spent) / perRow));
      if (rows < 1 && mustProgress) rows = 1;
      if (rows >= 1) {
        const range = rangeByIndexes(
          this.sheet,
          this.api,
          area.row0 + this.rowsRead,
          area.col0,
          rows,
          area.cols,
        );
        range.load(this.loadList());
        this.blocks.push({ offset: this.rowsRead, rows, range });
        spent += rows * perRow;
      }
    }
    return spent;
  }

  private queueStart(budget: number): number {
    this.used = usedRangeOf(this.sheet, this.api);
    this.used.load('rowIndex,columnIndex,rowCount,columnCount');
    const firstCost = this.options.firstBlockRows * 15 * 40;
    if (this.firstBlockAllowed && firstCost <= budget) {
      // Why here: the first block rides in the same sync as the used range (one sync fewer per sheet). It is the
      // used part of the first rows (Range.getUsedRangeOrNullObject, ExcelApi 1.4), asked of the sheet rather
      // than chained on the sheet's used range, which is a null object on an empty sheet.
      this.first = this.sheet.getRange(`1:${this.options.firstBlockRows}`).getUsedRangeOrNullObject(true);
      this.first.load(`rowIndex,columnIndex,rowCount,columnCount,${this.loadList()}`);
      return firstCost;
    }
    return 1000;
  }

  /**
   * Merged-area windows over rows whose values are known. Why the bound: every merged area in a window has an
   * empty follower cell in it, unless only its master is inside (at the window's bottom row or right column),
   * so `empty cells + columns + rows` can never be exceeded; once areas were seen, windows grow with the
   * observed density (with a margin), and fall back to the strict bound after a failure.
   */
  private queueMerges(): number {
    if (!this.wantsMerges || !this.area) return 0;
    const area = this.area;
    let cost = 0;
    while (this.mergedUpTo < this.rowsRead) {
      const start = this.mergedUpTo;
      let rows = 0;
      let empties = 0;
      while (start + rows < this.rowsRead) {
        const nextEmpties = empties + (this.empties[start + rows] ?? area.cols);
        const n = rows + 1;
        const strict = nextEmpties + area.cols + n;
        const relaxed =
          !this.strictMerges && this.mergeDensity >= 0 ? this.mergeDensity * n * 2 + 32 : Infinity;
        if (rows > 0 && Math.min(strict, relaxed) > MERGE_WINDOW_LIMIT) break;
        rows = n;
        empties = nextEmpties;
      }
      const range = rangeByIndexes(this.sheet, this.api, area.row0 + start, area.col0, rows, area.cols);
      const areas = range.getMergedAreasOrNullObject();
      areas.load('address');
      this.windows.push({ rows, areas });
      this.mergedUpTo = start + rows;
      cost += 300;
    }
    return cost;
  }

  /** Reads the results of the sync that just succeeded. */
  collect(): void {
    if (this.used) {
      const u = this.used;
      this.used = undefined;
      if (u.isNullObject || u.rowCount === 0 || u.columnCount === 0) this.area = null;
      else this.area = { row0: u.rowIndex, col0: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
      if (this.area && this.options.columns) {
        const [c1, c2] = this.options.columns;
        this.area = { ...this.area, col0: c1 - 1, cols: c2 - c1 + 1 };
      }
      const first = this.first;
      this.first = undefined;
      if (
        first &&
        this.area &&
        !first.isNullObject &&
        first.rowIndex === this.area.row0 &&
        first.columnIndex === this.area.col0 &&
        first.columnCount === this.area.cols
      )
        this.ingest(first.values, this.options.formats ? first.numberFormat : undefined, 0);
      return;
    }
    for (const b of this.blocks)
      this.ingest(b.range.values, this.options.formats ? b.range.numberFormat : undefined, b.offset);
    this.blocks = [];
    for (const w of this.windows) {
      const found = w.areas.isNullObject ? [] : parseAddressList(w.areas.address);
      for (const m of found) this.merges.set(rectAddress(m), m);
      const density = found.length / w.rows;
      if (density > this.mergeDensity) this.mergeDensity = density;
    }
    this.windows = [];
  }

  private ingest(
    values: unknown[][] | null | undefined,
    formats: unknown[][] | null | undefined,
    offset: number,
  ): void {
    if (!this.area || !values) throw new Error(`Excel returned no values for sheet "${this.name}"`);
    const rows = values.length;
    for (let i = 0; i < rows; i++) {
      const raw = itemAt(values, i);
      const out: CellValue[] = new Array(raw.length);
      let last = -1;
      let empties = 0;
      for (let j = 0; j < raw.length; j++) {
        const v = raw[j];
        if (v === '' || v === null || v === undefined) {
          out[j] = null;
          empties++;
        } else {
          out[j] = v as CellValue;
          last = j;
        }
      }
      out.length = last + 1;
      this.values[offset + i] = out;
      this.empties[offset + i] = empties;
      const fr = formats?.[i];
      if (fr) {
        let row: (string | undefined)[] | undefined;
        for (let j = 0; j < fr.length; j++) {
          const f = fr[j];
          if (typeof f === 'string' && f !== 'General' && f !== '') {
            if (!row) row = [];
            row[j] = f;
          }
        }
        if (row) {
          this.formats[offset + i] = row;
          this.anyFormat = true;
        }
      }
    }
    this.rowsRead = Math.max(this.rowsRead, offset + rows);
    if (rows > 0) {
      const measured = (jsonBytes(values) + (formats ? jsonBytes(formats) : 0)) / rows;
      // Why the margin: later rows may hold longer text than the ones measured.
      this.bytesPerRow = Math.max(this.bytesPerRow, measured * 1.15);
    }
  }

  /** After a payload error: forget what was queued and ask for smaller blocks. */
  onPayloadError(): void {
    this.resetQueued();
    this.firstBlockAllowed = false;
    const area = this.area;
    if (area) this.bytesPerRow = Math.max(this.bytesPerRow * 2, area.cols * GUESS_BYTES_PER_CELL);
  }

  /** After a failed sync that asked for merged areas: strict windows from now on; give up after repeated failures. */
  onMergeError(): void {
    const hadWindows = this.windows.length > 0;
    this.resetQueued();
    if (!hadWindows) return;
    this.mergeFailures++;
    if (this.strictMerges && this.mergeFailures > 3) this.mergesKnown = false;
    this.strictMerges = true;
  }

  private resetQueued(): void {
    if (this.used) {
      this.used = undefined;
      this.first = undefined;
    }
    this.blocks = [];
    if (this.windows.length > 0) {
      this.mergedUpTo -= this.windows.reduce((n, w) => n + w.rows, 0);
      this.windows = [];
    }
  }

  /** The sheet as a grid, 1-based start row and column from the used range. */
  grid(): Grid {
    const area = this.area;
    const grid: Grid = {
      name: this.name,
      values: this.values,
      merges: [...this.merges.values()],
      startRow: area ? area.row0 + 1 : 1,
      startColumn: area ? area.col0 + 1 : 1,
    };
    if (this.anyFormat) grid.numberFormats = this.formats;
    return grid;
  }
}

/**
 * Drives readers to the end: each sync carries as many blocks (of any of the sheets) as the response budget
 * allows. Payload errors shrink the blocks; a failure while merged areas were asked retries with strict windows.
 */
export async function readAll(
  context: Excel.RequestContext,
  readers: readonly SheetReader[],
  limits: SyncLimits,
): Promise<void> {
  let failures = 0;
  while (readers.some((r) => !r.done)) {
    let budget = limits.responseBytes;
    let progressed = false;
    for (const r of readers) {
      if (r.done) continue;
      budget -= r.queue(Math.max(0, budget), !progressed);
      progressed = true;
    }
    try {
      await context.sync();
    } catch (error) {
      if (++failures > 12) throw error;
      if (isPayloadError(error)) {
        for (const r of readers) r.onPayloadError();
        continue;
      }
      if (readers.some((r) => r.hasMergesQueued)) {
        for (const r of readers) r.onMergeError();
        continue;
      }
      throw error;
    }
    for (const r of readers) r.collect();
  }
}
