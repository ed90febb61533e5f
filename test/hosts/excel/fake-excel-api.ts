// The Office.js surface of the fake Excel: the request context (requests queued until sync(), payloads measured
// and capped), the workbook, its sheets and their change events; ranges, notes and comments live beside it.
// Plain TypeScript: no Node, no jest (the pane's browser tests bundle it too).
import {
  bytesOf,
  FakeObject,
  FakeOfficeError,
  type FakeHostState,
  type LoadResult,
  notLoaded,
  type Op,
  PAYLOAD_LIMIT,
  recorder,
  type RangeTarget,
  ADDRESS_LIMIT,
} from './fake-excel-core';
import { type FakeBookModel, FakeSheetModel, parseAddress } from './fake-excel-model';
import { FakeCommentCollection, FakeNoteCollection, FakeSettingCollection } from './fake-excel-notes';
import { FakeRange, FakeRangeAreas } from './fake-excel-range';

export {
  FakeOfficeError,
  PAYLOAD_LIMIT,
  newCounters,
  type FakeCounters,
  type FakeHostState,
} from './fake-excel-core';

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];
  private nextId = 1;
  /** True while a sync executes: objects made then come from the host, nothing is queued. */
  private executing = false;

  constructor(readonly host: FakeHostState) {
    this.workbook = new FakeWorkbook(this);
  }

  get book(): FakeBookModel {
    return this.host.book;
  }

  supports(minor: number): boolean {
    return minor <= this.host.apiMinor;
  }

  /** Queues an action; its JSON (as office.js would send it) counts towards the request. */
  enqueue(objectId: number, name: string, args: unknown[], run?: () => LoadResult | void): number {
    const id = this.nextId++;
    if (this.executing) return id;
    this.queue.push({
      bytes: bytesOf({
        Id: id,
        ActionType: 1,
        Name: name,
        ObjectPathId: objectId,
        ArgumentInfo: { Arguments: args },
      }),
      run,
    });
    return id;
  }

  /** Queues an action that needs ExcelApi 1.`minor`; on a lower host it fails at sync, as Excel does. */
  need(minor: number, what: string): void {
    if (!this.supports(minor) && !this.executing)
      this.queue.push({
        bytes: 0,
        run: () => {
          throw new FakeOfficeError(
            'ApiNotFound',
            `${what} needs ExcelApi 1.${minor}; this host has 1.${this.host.apiMinor}`,
            what,
          );
        },
      });
  }

  /** Refuses writes to a read-only workbook or a protected sheet. */
  guardWrite(sheet: FakeSheetModel | undefined, what: string): void {
    if (this.book.readOnly) throw new FakeOfficeError('AccessDenied', 'The workbook is read-only', what);
    if (sheet && !this.book.sheets.includes(sheet))
      throw new FakeOfficeError('ItemNotFound', 'The sheet was deleted', what);
    if (sheet?.protected)
      throw new FakeOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected`, what);
  }

  /** Sends the queue: request and response payloads are measured and capped; loads become readable after. */
  async sync(): Promise<void> {
    await Promise.resolve();
    try {
      await this.send();
    } catch (error) {
      this.host.counters.failedSyncs++;
      throw error;
    }
  }

  private async send(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const c = this.host.counters;
    c.syncs++;
    c.operations += ops.length;
    const request = ops.reduce((n, op) => n + op.bytes, 0);
    c.requestBytes.push(request);
    c.totalRequestBytes += request;
    c.maxRequestBytes = Math.max(c.maxRequestBytes, request);
    if (request > PAYLOAD_LIMIT)
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `Request of ${request} bytes is over 5 MB`,
      );
    let response = 0;
    const commits: Array<() => void> = [];
    this.executing = true;
    try {
      for (const op of ops) {
        const out = op.run?.();
        if (out) {
          response += bytesOf(out.data);
          commits.push(out.commit);
        }
      }
    } finally {
      this.executing = false;
    }
    c.responseBytes.push(response);
    c.totalResponseBytes += response;
    c.maxResponseBytes = Math.max(c.maxResponseBytes, response);
    if (response > PAYLOAD_LIMIT)
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `Response of ${response} bytes is over 5 MB`,
      );
    for (const f of commits) f();
  }

  /** True when something is queued (Excel.run sends it at the end). */
  get pending(): boolean {
    return this.queue.length > 0;
  }
}

export class FakeWorkbook extends FakeObject<FakeBookModel> {
  private kids = new Map<string, unknown>();

  constructor(context: FakeContext) {
    super(context, () => context.book, 'workbook', [], 1, false);
  }

  protected scalars() {
    return { readOnly: 8, name: 1 };
  }

  protected read(t: FakeBookModel, name: string): unknown {
    return name === 'readOnly' ? t.readOnly : 'Book1.xlsx';
  }

  private kid<K>(name: string, make: () => K): K {
    if (!this.kids.has(name)) this.kids.set(name, make());
    return this.kids.get(name) as K;
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    if (name === 'protection') return this.protection as FakeObject<unknown>;
    return undefined;
  }

  get readOnly(): boolean {
    return this.prop('readOnly');
  }

  get worksheets(): FakeWorksheetCollection {
    return this.kid('worksheets', () => new FakeWorksheetCollection(this.context));
  }

  get comments(): FakeCommentCollection {
    return this.kid(
      'comments',
      () => new FakeCommentCollection(this.context, undefined, 'workbook.comments'),
    );
  }

  get settings(): FakeSettingCollection {
    return this.kid('settings', () => new FakeSettingCollection(this.context));
  }

  get protection(): FakeFlag {
    return this.kid(
      'protection',
      () => new FakeFlag(this.context, 'workbook.protection', 7, () => this.context.book.structureProtected),
    );
  }

  get application(): Record<string, unknown> {
    return this.kid('application', () =>
      recorder(this.context, 'application', 1, {}, () => undefined, {
        suspendScreenUpdatingUntilNextSync: () => undefined,
      }),
    );
  }
}

/** `protection.protected` of a workbook or a sheet. */
export class FakeFlag extends FakeObject<{ value: boolean }> {
  constructor(context: FakeContext, path: string, minor: number, get: () => boolean) {
    super(context, () => ({ value: get() }), path, [], minor);
  }

  protected scalars() {
    return { protected: 1 };
  }

  protected read(t: { value: boolean }): unknown {
    return t.value;
  }

  get protected(): boolean {
    return this.prop('protected');
  }
}

/** An `onChanged` event source. */
export function eventSource(
  context: FakeContext,
  path: string,
  minor: number,
  sheetId: () => string | undefined,
) {
  return {
    add: (handler: (e: Record<string, unknown>) => unknown) => {
      context.need(minor, path);
      const reg = { sheetId: undefined as string | undefined, handler };
      context.enqueue(0, `${path}.add`, [], () => {
        reg.sheetId = sheetId();
        context.book.listeners.push(reg);
      });
      return {
        context,
        remove: () => {
          context.enqueue(0, `${path}.remove`, [], () => {
            context.book.listeners = context.book.listeners.filter((l) => l !== reg);
          });
        },
      };
    },
  };
}

export class FakeWorksheetCollection extends FakeObject<FakeBookModel> {
  private list: FakeWorksheet[] | null = null;

  constructor(context: FakeContext) {
    super(context, () => context.book, 'worksheets');
  }

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): FakeWorksheet[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }

  override runLoad(paths: string[]): LoadResult {
    const book = this.target('worksheets');
    const itemPaths = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    const proxies = book.sheets.map((s) => new FakeWorksheet(this.context, () => s, '', [], false));
    const subs = proxies.map((p) => p.runLoad(itemPaths));
    return {
      data: { items: subs.map((s) => s.data) },
      commit: () => {
        this.list = proxies;
        subs.forEach((s) => s.commit());
      },
    };
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const s = this.context.book.byNameOrId(key);
        if (!s) throw new FakeOfficeError('ItemNotFound', `No sheet "${key}"`, 'WorksheetCollection.getItem');
        return s;
      },
      'getItem',
      [key],
    );
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.context.book.byNameOrId(key) ?? null,
      'getItemOrNullObject',
      [key],
      4,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () =>
        this.context.book.sheets.find((s) => s.id === this.context.book.activeId) ??
        this.context.book.sheets[0]!,
      'getActiveWorksheet',
      [],
    );
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const book = this.context.book;
        this.context.guardWrite(undefined, 'WorksheetCollection.add');
        if (book.structureProtected)
          throw new FakeOfficeError(
            'AccessDenied',
            'The workbook structure is protected',
            'WorksheetCollection.add',
          );
        const n = name ?? `Sheet${book.sheets.length + 1}`;
        if (book.byName(n))
          throw new FakeOfficeError('ItemAlreadyExists', `A sheet "${n}" exists`, 'WorksheetCollection.add');
        if (n.length > 31 || /[[\]:*?/\\]/.test(n))
          throw new FakeOfficeError('InvalidArgument', `Bad sheet name "${n}"`, 'WorksheetCollection.add');
        const model = new FakeSheetModel(book.newId('sheet'), n);
        book.sheets.push(model);
        return model;
      },
      'add',
      [name],
    );
  }

  get onChanged() {
    return eventSource(this.context, 'worksheets.onChanged', 9, () => undefined);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheetModel> {
  private kids = new Map<string, unknown>();

  constructor(
    context: FakeContext,
    bind: () => FakeSheetModel | null,
    path: string,
    args: unknown[] = [],
    minorOrQueued: number | boolean = 1,
  ) {
    super(
      context,
      bind,
      path,
      args,
      typeof minorOrQueued === 'number' ? minorOrQueued : 1,
      minorOrQueued !== false,
    );
  }

  protected scalars() {
    return { id: 1, name: 1, visibility: 1, position: 1 };
  }

  protected read(t: FakeSheetModel, name: string): unknown {
    if (name === 'position') return this.context.book.sheets.indexOf(t);
    return (t as unknown as Record<string, unknown>)[name];
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    if (name === 'protection') return this.protection as FakeObject<unknown>;
    return undefined;
  }

  private kid<K>(name: string, make: () => K): K {
    if (!this.kids.has(name)) this.kids.set(name, make());
    return this.kids.get(name) as K;
  }

  private sheet = () => this.resolve();

  get id(): string {
    return this.prop('id');
  }

  get name(): string {
    return this.prop('name');
  }

  set name(v: string) {
    this.write('name', v, 1, (t) => {
      this.context.guardWrite(undefined, 'Worksheet.name');
      if (this.context.book.structureProtected)
        throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected', 'Worksheet.name');
      const other = this.context.book.byName(v);
      if (other && other !== t)
        throw new FakeOfficeError('ItemAlreadyExists', `A sheet "${v}" exists`, 'Worksheet.name');
      t.name = v;
    });
  }

  get visibility(): string {
    return this.prop('visibility');
  }

  get position(): number {
    return this.prop('position');
  }

  set visibility(v: string) {
    // ExcelApi 1.1 reads visibility; setting it needs 1.2.
    this.write('visibility', v, 2, (t) => {
      this.context.guardWrite(undefined, 'Worksheet.visibility');
      t.visibility = v as FakeSheetModel['visibility'];
    });
  }

  get protection(): FakeFlag {
    return this.kid(
      'protection',
      () => new FakeFlag(this.context, 'protection', 2, () => !!this.sheet()?.protected),
    );
  }

  get notes(): FakeNoteCollection {
    return this.kid('notes', () => new FakeNoteCollection(this.context, this.sheet));
  }

  get comments(): FakeCommentCollection {
    return this.kid(
      'comments',
      () => new FakeCommentCollection(this.context, this.sheet, 'worksheet.comments'),
    );
  }

  get charts(): { add: (type: string, source: FakeRange, seriesBy?: string) => Record<string, unknown> } {
    return this.kid('charts', () => ({
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        const context = this.context;
        const guard = () => context.guardWrite(this.sheet() ?? undefined, 'charts');
        const model: Record<string, unknown> & {
          series: Array<Record<string, unknown>>;
          title: Record<string, unknown>;
        } = { type, seriesBy, series: [], title: {} };
        context.enqueue(this.objectId, 'charts.add', [type, seriesBy], () => {
          guard();
          model.source = source.resolve()?.rect;
          model.sourceSheet = source.resolve()?.sheet.name;
          this.target('charts.add').charts.push(model);
        });
        const rectOf = (r: unknown) => (r as FakeRange).resolve()?.rect;
        const series = (s: Record<string, unknown>) =>
          recorder(context, 'series', 7, s, guard, {
            setValues: (r) => (s.values = rectOf(r)),
            setXAxisValues: (r) => (s.xValues = rectOf(r)),
          });
        const collection = () => ({
          getItemAt: (i: number) => {
            // The first series exists once the chart does; the recorder writes into it at sync.
            const s = model.series[i] ?? (model.series[i] = {});
            context.enqueue(0, 'series.getItemAt', [i]);
            return series(s);
          },
          add: (name?: string) => {
            const s: Record<string, unknown> = { name };
            context.need(7, 'series.add');
            context.enqueue(0, 'series.add', [name], () => {
              model.series.push(s);
            });
            return series(s);
          },
        });
        return recorder(
          context,
          'chart',
          1,
          model,
          guard,
          {
            setPosition: (a, b) =>
              (model.position = b === undefined ? String(a) : `${String(a)}:${String(b)}`),
          },
          { title: () => recorder(context, 'title', 1, model.title, guard), series: collection },
        );
      },
    }));
  }

  get freezePanes(): Record<string, unknown> {
    const guard = () => this.context.guardWrite(this.sheet() ?? undefined, 'freezePanes');
    return this.kid('freezePanes', () =>
      recorder(this.context, 'freezePanes', 7, {}, guard, {
        freezeRows: (n) => (this.target('freezeRows').freeze = { rows: Number(n), columns: 0 }),
        freezeColumns: (n) => (this.target('freezeColumns').freeze = { rows: 0, columns: Number(n) }),
        freezeAt: (r) => {
          const rect = (r as FakeRange).resolve()!.rect;
          this.target('freezeAt').freeze = { rows: rect.bottom, columns: rect.right };
        },
      }),
    );
  }

  get pageLayout(): Record<string, unknown> {
    return this.kid('pageLayout', () => {
      // The sink is looked up at sync: the sheet may not exist before (added in the same batch).
      const sink = () => this.target('pageLayout').pageLayout;
      const guard = () => this.context.guardWrite(this.sheet() ?? undefined, 'pageLayout');
      const footer = () => recorder(this.context, 'defaultForAllPages', 9, sink, guard);
      const headersFooters = () =>
        recorder(this.context, 'headersFooters', 9, {}, guard, {}, { defaultForAllPages: footer });
      return recorder(
        this.context,
        'pageLayout',
        9,
        sink,
        guard,
        { setPrintTitleRows: (rows) => (sink().printTitleRows = String(rows)) },
        { headersFooters },
      );
    });
  }

  get horizontalPageBreaks(): Record<string, unknown> {
    return this.kid('horizontalPageBreaks', () =>
      recorder(
        this.context,
        'horizontalPageBreaks',
        9,
        {},
        () => this.context.guardWrite(this.sheet() ?? undefined, 'pageBreaks'),
        {
          add: (r) => this.target('pageBreaks').pageBreaks.push(parseAddress(String(r))!.rect.top),
        },
      ),
    );
  }

  get onChanged() {
    return eventSource(this.context, 'worksheet.onChanged', 7, () => this.sheet()?.id);
  }

  private range(bind: () => RangeTarget | null, path: string, args: unknown[], minor = 1): FakeRange {
    return new FakeRange(this.context, bind, path, args, minor);
  }

  getRange(address?: string): FakeRange {
    return this.range(
      () => {
        const sheet = this.target('getRange');
        if (address === undefined)
          return { sheet, rect: { top: 1, left: 1, bottom: 1_048_576, right: 16_384 } };
        if (address.length > ADDRESS_LIMIT)
          throw new FakeOfficeError('InvalidArgument', 'Address over 8,192 characters', 'Worksheet.getRange');
        const p = parseAddress(address);
        if (!p || address.includes(','))
          throw new FakeOfficeError('InvalidArgument', `Bad address "${address}"`, 'Worksheet.getRange');
        return { sheet, rect: p.rect };
      },
      'getRange',
      [address],
    );
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return this.range(
      () => ({
        sheet: this.target('getRangeByIndexes'),
        rect: { top: row + 1, left: column + 1, bottom: row + rows, right: column + columns },
      }),
      'getRangeByIndexes',
      [row, column, rows, columns],
      7,
    );
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const sheet = this.target('getRanges');
        if (address.length > ADDRESS_LIMIT)
          throw new FakeOfficeError(
            'InvalidArgument',
            'Address list over 8,192 characters',
            'Worksheet.getRanges',
          );
        const rects = address.split(/[,;]/).map((a) => {
          const p = parseAddress(a);
          if (!p) throw new FakeOfficeError('InvalidArgument', `Bad address "${a}"`, 'Worksheet.getRanges');
          return p.rect;
        });
        return { sheet, rects };
      },
      'getRanges',
      [address],
      9,
    );
  }

  private usedTarget(valuesOnly: boolean, orNull: boolean): RangeTarget | null {
    const sheet = this.target('getUsedRange');
    const used = sheet.used(valuesOnly);
    if (!used) return orNull ? null : { sheet, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    return { sheet, rect: used };
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    // The valuesOnly argument arrived with ExcelApi 1.2.
    return this.range(
      () => this.usedTarget(!!valuesOnly, false),
      'getUsedRange',
      [valuesOnly],
      valuesOnly === undefined ? 1 : 2,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range(() => this.usedTarget(!!valuesOnly, true), 'getUsedRangeOrNullObject', [valuesOnly], 4);
  }

  activate(): void {
    this.call('activate', [], 1, (t) => (this.context.book.activeId = t.id));
  }

  delete(): void {
    this.call('delete', [], 1, (t) => {
      const book = this.context.book;
      this.context.guardWrite(undefined, 'Worksheet.delete');
      if (book.structureProtected)
        throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected', 'Worksheet.delete');
      if (book.sheets.filter((s) => s !== t && s.visibility === 'Visible').length === 0)
        throw new FakeOfficeError(
          'InvalidOperation',
          'A workbook must keep one visible sheet',
          'Worksheet.delete',
        );
      book.sheets = book.sheets.filter((s) => s !== t);
      book.listeners = book.listeners.filter((l) => l.sheetId !== t.id);
    });
  }
}
