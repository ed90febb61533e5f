import type { Grid, MergeRange } from '../../core/grid';
import type { SheetSpec } from '../../core/sheet-spec';
import type {
  CellMark,
  ClearReport,
  HostCapabilities,
  PaneWorkbookPort,
  RowsChanged,
} from '../../core/workbook-port';
import type { EtApplication, EtWorkbook } from './et-model';
import { MAX_ADDRESS_CHARS } from './wps-address';
import { activeBook, assertWritable, quietly, sheetNamed, STORE_SHEET, userSheets } from './wps-book';
import { subscribeSheetChange } from './wps-events';
import { clearMarksIn } from './wps-clear';
import { applyMarksIn, type MarkEnv, markSheetIn } from './wps-marks';
import { type ReadStats, readSheetGrid } from './wps-read';
import { StoreSheet } from './wps-store';
import { writeSheetIn } from './wps-write-sheet';

/** Options of the WPS adapter. */
export interface WpsWorkbookOptions {
  /** The workbook to work on (the active one unless told): looked up at every call, as the user switches windows. */
  workbook?: (app: EtApplication) => EtWorkbook;
  /** Longest `Range("A1,C5,…")` address string (255 unless told; tests shrink it). */
  maxAddressChars?: number;
}

/** The last read's cost, for the tests' figures. */
export interface WpsReadFigures extends ReadStats {
  sheets: number;
}

/**
 * The open workbook in WPS 表格, through the synchronous ET object model only: the `Application` object is
 * injected (the add-in's boot code passes `window.Application`; tests pass a fake). Reads each sheet in one bulk
 * `Value2`, marks in grouped ranges with screen updating off, keeps the record of what it changed (and the pane's
 * state) in a very hidden sheet of the workbook, and never writes a cell value of the user's sheets.
 */
export class WpsWorkbook implements PaneWorkbookPort {
  private readonly merges = new Map<string, MergeRange[]>();
  private readonly generated = new Set<string>();
  private writing = 0;
  /** What the last `readSheet`/`readSheets` cost (probes of formats and merges). */
  lastRead: WpsReadFigures = { sheets: 0, formatProbes: 0, mergeProbes: 0, mergeAreas: 0 };

  constructor(
    private readonly app: EtApplication,
    private readonly options: WpsWorkbookOptions = {},
  ) {}

  private book(): EtWorkbook {
    return this.options.workbook ? this.options.workbook(this.app) : activeBook(this.app);
  }

  private env(book = this.book()): MarkEnv {
    return {
      app: this.app,
      book,
      maxAddressChars: this.options.maxAddressChars ?? MAX_ADDRESS_CHARS,
      merges: (sheet) => this.merges.get(sheet),
    };
  }

  /** Runs a change with the adapter's own edits hidden from the change listener. */
  private write<T>(work: () => T): T {
    this.writing++;
    try {
      return work();
    } finally {
      this.writing--;
    }
  }

  /** What WPS can do: 批注 (notes) on cells, multi-area ranges, merged areas, charts, change events. */
  capabilities(): HostCapabilities {
    return {
      host: 'wps',
      notes: true,
      comments: false,
      rangeAreas: true,
      mergedAreas: true,
      charts: true,
      events: !!this.app.ApiEvent,
    };
  }

  /** The workbook's file name (for reports that name their source). */
  async workbookName(): Promise<string> {
    return this.book().Name;
  }

  /** Names of the user's sheets in tab order (the record sheet left out). */
  async sheetNames(): Promise<string[]> {
    return userSheets(this.book()).map((s) => s.name);
  }

  /** Every worksheet except the record sheet, in tab order. */
  async readSheets(): Promise<Grid[]> {
    const env = this.env();
    const stats = { sheets: 0, formatProbes: 0, mergeProbes: 0, mergeAreas: 0 };
    const grids = userSheets(env.book).map((s) => {
      stats.sheets++;
      const grid = readSheetGrid(env, s.ws, s.name, stats);
      this.merges.set(s.name, grid.merges);
      return grid;
    });
    this.lastRead = stats;
    return grids;
  }

  /** One sheet, from its used range (`startRow`/`startColumn` say where it begins). */
  async readSheet(name: string): Promise<Grid> {
    const env = this.env();
    const stats = { sheets: 1, formatProbes: 0, mergeProbes: 0, mergeAreas: 0 };
    const grid = readSheetGrid(env, sheetNamed(env.book, name), name, stats);
    this.merges.set(name, grid.merges);
    this.lastRead = stats;
    return grid;
  }

  /** Fills and annotates cells (批注); never writes a cell value. */
  async applyMarks(marks: CellMark[]): Promise<void> {
    const env = this.env();
    this.write(() => applyMarksIn(env, marks));
  }

  /** Restores every recorded original. */
  async clearMarks(): Promise<void> {
    await this.clearMarksWithReport();
  }

  /** Restores every recorded original; says what was restored, found again elsewhere, or skipped. */
  async clearMarksWithReport(): Promise<ClearReport> {
    const env = this.env();
    return this.write(() => clearMarksIn(env));
  }

  /** Restores the old marks of these rows that are not marked again and applies the new ones. */
  async remarkRows(sheet: string, rows: readonly number[], marks: CellMark[]): Promise<void> {
    const env = this.env();
    this.write(() =>
      markSheetIn(
        env,
        sheet,
        marks.filter((m) => m.sheet === sheet),
        new Set(rows),
      ),
    );
  }

  /** Shows the sheet and selects the cell. */
  async selectCell(sheet: string, address: string): Promise<void> {
    const ws = sheetNamed(this.book(), sheet);
    ws.Activate();
    ws.Range(address).Select();
  }

  /** Name of the sheet the user is looking at. */
  async activeSheet(): Promise<string> {
    const ws = this.book().ActiveSheet;
    return ws ? ws.Name : '';
  }

  /** Adds (or replaces) a generated sheet and shows it; its later edits never count as the user's. */
  async writeSheet(spec: SheetSpec): Promise<void> {
    const env = this.env();
    this.write(() => writeSheetIn(env, spec));
    this.generated.add(spec.name);
  }

  /** Subscribes to the user's edits (`ApiEvent` `SheetChange`). */
  async onRowsChanged(listener: (change: RowsChanged) => void): Promise<() => void> {
    return subscribeSheetChange(
      this.app,
      () => this.writing > 0,
      (sheet) => this.generated.has(sheet),
      listener,
    );
  }

  /** A value saved with `saveState` (column C of the record sheet: it is saved with the workbook). */
  async loadState(key: string): Promise<string | undefined> {
    const store = StoreSheet.find(this.book());
    if (!store) return undefined;
    const value = store.readState()[key];
    return typeof value === 'string' ? value : undefined;
  }

  /**
   * Keeps a small value inside the workbook. Why not `PluginStorage`: WPS keeps it for one session only; the pane
   * must show the last result again when the workbook is reopened, on this machine or another.
   */
  async saveState(key: string, value: string): Promise<void> {
    const book = this.book();
    let store = StoreSheet.find(book);
    if (!store && value === '') return;
    assertWritable(book, [], !store);
    this.write(() =>
      quietly(this.app, () => {
        store ??= StoreSheet.create(book);
        const meta = store.readMeta();
        const state = store.readState(meta);
        if (value === '') delete state[key];
        else state[key] = value;
        store.writeState(meta, state);
      }),
    );
  }
}

export { STORE_SHEET };
