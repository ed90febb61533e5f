/// <reference types="office-js" />
import { itemAt } from '../../core/item-at';
import type { Grid, MergeRange } from '../../core/grid';
import type { Locale } from '../../core/locale';
import type { SheetSpec } from '../../core/sheet-spec';
import type {
  CellMark,
  ClearReport,
  HostCapabilities,
  PaneWorkbookPort,
  RowsChanged,
} from '../../core/workbook-port';
import {
  ApiLevel,
  DEFAULT_LIMITS,
  type ExcelRun,
  officeErrorCode,
  type RequirementCheck,
  SyncBatcher,
  type SyncLimits,
} from './excel-api';
import { assertWritable, type BookInfo, loadBook } from './excel-book';
import type { CellEnv } from './excel-cells';
import { ExcelHostError } from './excel-errors';
import { type ExcelRowsChanged, subscribeChanges } from './excel-events';
import { addStoreSheet, emptyStore, onRecordSheet } from './excel-mark-store';
import { clearMarksIn } from './excel-clear';
import { type MarkEnv, type MarkMode, markModeOf } from './excel-mark-plan';
import { applyMarksIn, remarkRowsIn } from './excel-marks';
import { readAll, SheetReader } from './excel-read';
import { RESULT_SHEET_NAME, resultSheetSpec } from './excel-result-sheet';
import { writeSheetIn } from './excel-write-sheet';

/** Options of the Excel adapter: the locale of generated text, and budgets (tests shrink them). */
export interface ExcelWorkbookOptions {
  locale?: Locale;
  limits?: Partial<SyncLimits>;
  /** Rows of the first read block (5,000 unless told). */
  firstBlockRows?: number;
}

/** Settings keys get this prefix so they never collide with another add-in's (ExcelApi 1.4 workbook settings). */
const SETTING_PREFIX = 'drc.';

/**
 * The open workbook in Excel, through Office.js only (no DOM, no globals): `Excel.run` and the requirement-set
 * check are injected by the pane's boot code. Reads in row blocks, marks in grouped batches, keeps a record of
 * what it changed inside the workbook, and never writes a cell value of the user's sheets.
 */
export class ExcelWorkbook implements PaneWorkbookPort {
  /** The ExcelApi level detected at construction. */
  readonly api: ApiLevel;
  /** How problems are shown on cells on this host. */
  readonly markMode: MarkMode;
  /** Change events (ExcelApi 1.7); absent on older hosts. */
  readonly onRowsChanged?: (listener: (change: RowsChanged) => void) => Promise<() => void>;
  private readonly limits: SyncLimits;
  private readonly locale: Locale;
  private readonly firstBlockRows: number;
  private readonly merges = new Map<string, MergeRange[]>();
  private readonly generated = new Set<string>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly run: ExcelRun,
    requirements: RequirementCheck,
    options: ExcelWorkbookOptions = {},
  ) {
    this.api = new ApiLevel(requirements);
    this.markMode = markModeOf(this.api);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.locale = options.locale ?? 'zh-CN';
    this.firstBlockRows = options.firstBlockRows ?? 5000;
    if (this.api.has(7)) this.onRowsChanged = (listener) => this.subscribe(listener);
  }

  /** What this host can do, from its requirement sets. */
  capabilities(): HostCapabilities {
    const has = (m: number) => this.api.has(m);
    return {
      host: 'excel',
      notes: has(18),
      comments: has(10),
      rangeAreas: has(9),
      mergedAreas: has(13),
      charts: true,
      events: has(7),
    };
  }

  private cellEnv(context: Excel.RequestContext): CellEnv & { beforeWrite: () => void } {
    return {
      context,
      api: this.api,
      limits: this.limits,
      // ExcelApi 1.9: no repaint until the batch's sync (the documented fast path for many format writes).
      beforeWrite: () => {
        if (this.api.has(9)) context.workbook.application.suspendScreenUpdatingUntilNextSync();
      },
    };
  }

  private markEnv(context: Excel.RequestContext): MarkEnv {
    const env = this.cellEnv(context);
    return {
      ...env,
      mode: this.markMode,
      merges: (name) => this.merges.get(name),
      resultSheet: async (records, book, oldId) => {
        if (records.length === 0) {
          const old = book.sheets.find((s) => s.id === oldId);
          if (old) {
            old.proxy.delete();
            await context.sync();
          }
          return undefined;
        }
        const byId = new Map(book.sheets.map((s) => [s.id, s.name]));
        let name = RESULT_SHEET_NAME[this.locale];
        // Never replace a sheet of the user's that happens to have our name.
        for (let n = 2; book.sheets.some((s) => s.name === name && s.id !== oldId); n++)
          name = `${RESULT_SHEET_NAME[this.locale]} (${n})`;
        const id = await writeSheetIn(
          env,
          book,
          resultSheetSpec(records, (sid) => byId.get(sid), this.locale, name),
          oldId,
        );
        this.generated.add(id);
        return id;
      },
    };
  }

  /**
   * Runs changes one after another. Why: marking, re-marking after an edit event, clearing and shifting the
   * record after inserted rows all read and rewrite the mark record; interleaved, one would lose the other's.
   */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Runs a batch, turning Excel's refusals into typed errors. */
  private async guarded<T>(batch: (context: Excel.RequestContext) => Promise<T>, sheet?: string): Promise<T> {
    try {
      return await this.run(batch);
    } catch (error) {
      if (error instanceof ExcelHostError) throw error;
      const code = officeErrorCode(error);
      if (code === 'ItemNotFound' && sheet !== undefined)
        throw new ExcelHostError('excel/unknown-sheet', { sheet }, { cause: error });
      if (code === 'AccessDenied') throw new ExcelHostError('excel/access-denied', {}, { cause: error });
      throw error;
    }
  }

  private remember(reader: SheetReader): Grid {
    const grid = reader.grid();
    this.merges.set(grid.name, grid.merges);
    return grid;
  }

  private readOptions() {
    return { limits: this.limits, firstBlockRows: this.firstBlockRows, formats: true, merges: true };
  }

  /** Every worksheet except the adapter's own (mark record, result sheet), in tab order. */
  async readSheets(): Promise<Grid[]> {
    return this.guarded(async (context) => {
      const book = await loadBook(context, this.api);
      const meta = book.store
        ? await onRecordSheet(book.store.proxy, this.limits, undefined, (r) => r.meta())
        : undefined;
      const readers = book.sheets.map((s) => new SheetReader(s.proxy, s.name, this.api, this.readOptions()));
      await readAll(context, readers, this.limits);
      const resultId = meta?.().resultSheetId;
      return readers.filter((_, i) => itemAt(book.sheets, i).id !== resultId).map((r) => this.remember(r));
    });
  }

  /** One sheet (the used range from its first used cell; `startRow`/`startColumn` say where). */
  async readSheet(name: string): Promise<Grid> {
    return this.guarded(async (context) => {
      const reader = new SheetReader(
        context.workbook.worksheets.getItem(name),
        name,
        this.api,
        this.readOptions(),
      );
      await readAll(context, [reader], this.limits);
      return this.remember(reader);
    }, name);
  }

  /** Fills and annotates cells (notes, comments, or a result sheet by host level); never writes a cell value. */
  async applyMarks(marks: CellMark[]): Promise<void> {
    await this.exclusive(() => this.guarded((context) => applyMarksIn(this.markEnv(context), marks)));
  }

  /** Restores every recorded original (see `clearMarksWithReport`). */
  async clearMarks(): Promise<void> {
    await this.clearMarksWithReport();
  }

  /** Restores every recorded original; says what was restored, found again elsewhere, or skipped. */
  async clearMarksWithReport(): Promise<ClearReport> {
    return this.exclusive(() => this.guarded((context) => clearMarksIn(this.markEnv(context))));
  }

  /** Restores the old marks of these rows and applies the new ones (after an edit). */
  async remarkRows(sheet: string, rows: readonly number[], marks: CellMark[]): Promise<void> {
    await this.exclusive(() =>
      this.guarded((context) => remarkRowsIn(this.markEnv(context), sheet, rows, marks), sheet),
    );
  }

  /** Shows the sheet and selects the cell. */
  async selectCell(sheet: string, address: string): Promise<void> {
    await this.guarded(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    }, sheet);
  }

  /** Name of the active sheet. */
  async activeSheet(): Promise<string> {
    return this.guarded(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await context.sync();
      return ws.name;
    });
  }

  /** Adds (or replaces) a generated sheet; its id is remembered so its edits never count as user edits. */
  async writeSheet(spec: SheetSpec): Promise<void> {
    await this.exclusive(() =>
      this.guarded(async (context) => {
        const book = await loadBook(context, this.api);
        this.generated.add(await writeSheetIn(this.cellEnv(context), book, spec));
      }),
    );
  }

  /** A value saved with `saveState` (workbook settings on ExcelApi 1.4, the record sheet before). */
  async loadState(key: string): Promise<string | undefined> {
    return this.guarded(async (context) => {
      if (this.api.has(4)) {
        const item = context.workbook.settings.getItemOrNullObject(SETTING_PREFIX + key);
        item.load('value');
        await context.sync();
        return item.isNullObject ? undefined : String(item.value);
      }
      const book = await loadBook(context, this.api);
      return (await this.readSheetState(context, book))[key];
    });
  }

  /** Keeps a small value inside the workbook (it is saved with it). */
  async saveState(key: string, value: string): Promise<void> {
    await this.exclusive(() => this.saveStateNow(key, value));
  }

  private async saveStateNow(key: string, value: string): Promise<void> {
    await this.guarded(async (context) => {
      if (this.api.has(4)) {
        const book = await loadBook(context, this.api);
        assertWritable(book, [], false);
        context.workbook.settings.add(SETTING_PREFIX + key, value);
        await context.sync();
        return;
      }
      const book = await loadBook(context, this.api);
      assertWritable(book, [], !book.store);
      const state = await this.readSheetState(context, book);
      state[key] = value;
      const batcher = new SyncBatcher(context, this.limits);
      let meta = emptyStore().meta;
      if (book.store) {
        const read = await onRecordSheet(book.store.proxy, this.limits, undefined, (r) => r.meta());
        await context.sync();
        meta = read();
      }
      await batcher.reserve(100);
      const sheet = book.store?.proxy ?? addStoreSheet(context, this.api);
      await onRecordSheet(sheet, this.limits, batcher, (r) => r.writeState(meta, state));
      await batcher.flush();
    });
  }

  /** The pane state kept in column C of the record sheet (ExcelApi < 1.4). */
  private async readSheetState(
    context: Excel.RequestContext,
    book: BookInfo,
  ): Promise<Record<string, string>> {
    if (!book.store) return {};
    const sheet = book.store.proxy;
    const readMeta = await onRecordSheet(sheet, this.limits, undefined, (r) => r.meta());
    await context.sync();
    const batcher = new SyncBatcher(context, this.limits);
    const state = await onRecordSheet(sheet, this.limits, batcher, (r) => r.state(readMeta()));
    await batcher.flush();
    return state();
  }

  private subscribe(listener: (change: RowsChanged) => void): Promise<() => void> {
    return subscribeChanges(
      this.run,
      this.api,
      (id) => this.generated.has(id),
      (sheetId, axis, from, by) => this.exclusive(() => this.shiftRecords(sheetId, axis, from, by)),
      listener as (change: ExcelRowsChanged) => void,
    );
  }

  /**
   * Keeps the record in step with rows or columns inserted (by > 0) or deleted (by < 0) while the pane listens:
   * records past `from` move; records on deleted rows are dropped (their cells are gone).
   */
  private async shiftRecords(
    sheetId: string,
    axis: 'rows' | 'columns',
    from: number,
    by: number,
  ): Promise<void> {
    await this.run(async (context) => {
      const book = await loadBook(context, this.api);
      if (!book.store) return;
      const sheet = book.store.proxy;
      const readMeta = await onRecordSheet(sheet, this.limits, undefined, (r) => r.meta());
      await context.sync();
      const meta = readMeta();
      const reader = new SyncBatcher(context, this.limits);
      const read = await onRecordSheet(sheet, this.limits, reader, (r) => r.marks(meta));
      await reader.flush();
      const store = read();
      let changed = false;
      store.marks = store.marks.filter((m) => {
        if (m.s !== sheetId) return true;
        const at = axis === 'rows' ? m.r : m.c;
        if (at < from) return true;
        changed = true;
        if (by < 0 && at < from - by) return false;
        if (axis === 'rows') m.r += by;
        else m.c += by;
        return true;
      });
      const span = store.meta.spans[sheetId];
      if (axis === 'columns' && span) {
        if (span[0] >= from) span[0] = Math.max(from, span[0] + by);
        if (span[1] >= from) span[1] = Math.max(span[0], span[1] + by);
        changed = true;
      }
      if (!changed) return;
      const writer = new SyncBatcher(context, this.limits);
      await onRecordSheet(sheet, this.limits, writer, (r) => r.writeMarks(store, meta.chunks));
      await writer.flush();
    });
  }
}
