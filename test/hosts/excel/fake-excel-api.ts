// The Office.js surface of the fake Excel: proxy objects whose properties are unreadable before load() + sync(),
// requests queued until sync(), payload sizes measured, documented limits and requirement sets enforced.
// Plain TypeScript: no Node, no jest (the pane's browser tests bundle it too).
import { cellAddress } from '../../../src/core/grid';
import {
  type FakeBookModel,
  type FakeCell,
  type FakeFill,
  FakeSheetModel,
  intersect,
  parseAddress,
  type Rect,
  sheetRef,
  typedValue,
} from './fake-excel-model';

/** 5 MB: Excel on the web's cap on a request and on a response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Characters of an address given to getRange/getRanges. */
export const ADDRESS_LIMIT = 8192;
/** Cells per read; past it values come back null. */
export const READ_CELL_LIMIT = 5_000_000;
/** Merged areas `getMergedAreasOrNullObject` can return. */
export const MERGED_AREAS_LIMIT = 512;

/** An error shaped like `OfficeExtension.Error`: a code and debug info with the failing call. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation = '',
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Counters of what crossed the (fake) wire. */
export interface FakeCounters {
  syncs: number;
  /** Syncs Excel refused (an error in the batch, or a payload over the limit). */
  failedSyncs: number;
  operations: number;
  requestBytes: number[];
  responseBytes: number[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
}

export function newCounters(): FakeCounters {
  return { syncs: 0, failedSyncs: 0, operations: 0, requestBytes: [], responseBytes: [], maxRequestBytes: 0, maxResponseBytes: 0, totalRequestBytes: 0, totalResponseBytes: 0 };
}

function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const bytesOf = (v: unknown) => utf8(JSON.stringify(v) ?? 'null');

/** What the fake host shares between runs: the workbook, the API level, counters. */
export interface FakeHostState {
  book: FakeBookModel;
  apiMinor: number;
  counters: FakeCounters;
  /** Called when a handler is registered or removed (the fake emits events to registered handlers). */
  onRegister?: () => void;
}

interface LoadResult {
  data: unknown;
  commit: () => void;
}

interface Op {
  bytes: number;
  run?: () => LoadResult | void;
}

const notLoaded = (name: string) =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** The request context: a queue of operations, sent by `sync()`. */
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
    this.queue.push({ bytes: bytesOf({ Id: id, ActionType: 1, Name: name, ObjectPathId: objectId, ArgumentInfo: { Arguments: args } }), run });
    return id;
  }

  /** Queues an action that needs ExcelApi 1.`minor`; on a lower host it fails at sync, as Excel does. */
  need(minor: number, what: string): void {
    if (!this.supports(minor) && !this.executing)
      this.queue.push({
        bytes: 0,
        run: () => {
          throw new FakeOfficeError('ApiNotFound', `${what} needs ExcelApi 1.${minor}; this host has 1.${this.host.apiMinor}`, what);
        },
      });
  }

  /** Refuses writes to a read-only workbook or a protected sheet. */
  guardWrite(sheet: FakeSheetModel | undefined, what: string): void {
    if (this.book.readOnly) throw new FakeOfficeError('AccessDenied', 'The workbook is read-only', what);
    if (sheet && !this.book.sheets.includes(sheet)) throw new FakeOfficeError('ItemNotFound', 'The sheet was deleted', what);
    if (sheet?.protected) throw new FakeOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected`, what);
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
    if (request > PAYLOAD_LIMIT) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `Request of ${request} bytes is over 5 MB`);
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
    if (response > PAYLOAD_LIMIT) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `Response of ${response} bytes is over 5 MB`);
    for (const f of commits) f();
  }

  /** True when something is queued (Excel.run sends it at the end). */
  get pending(): boolean {
    return this.queue.length > 0;
  }
}

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  const text = Array.isArray(spec) ? spec.join(',') : typeof spec === 'string' ? spec : [spec.select, spec.expand].filter(Boolean).join(',');
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Base of every proxy: binding at its queued position, loads, reads that throw before load + sync. */
abstract class FakeObject<T> {
  protected loaded: Record<string, unknown> | null = null;
  readonly objectId: number;
  private bound?: { value: T | null };

  constructor(
    readonly context: FakeContext,
    private readonly bind: () => T | null,
    pathName: string,
    pathArgs: unknown[] = [],
    minor = 1,
    queued = true,
  ) {
    if (queued) {
      context.need(minor, pathName);
      this.objectId = context.enqueue(0, pathName, pathArgs, () => {
        this.resolve();
      });
    } else this.objectId = 0;
  }

  /** The model object this proxy stands for (null for a null object); resolved once, at its queued position. */
  resolve(): T | null {
    if (!this.bound) this.bound = { value: this.bind() };
    return this.bound.value;
  }

  protected target(what: string): T {
    const t = this.resolve();
    if (t === null || t === undefined) throw new FakeOfficeError('InvalidObjectPath', `${what} on a null object`, what);
    return t;
  }

  /** Loadable scalar properties and the ExcelApi minor each needs. */
  protected abstract scalars(): Record<string, number>;
  protected abstract read(t: T, name: string): unknown;
  /** A navigation property (format, fill, protection…). */
  protected child(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    return this.prop<boolean>('isNullObject');
  }

  protected prop<V>(name: string): V {
    if (!this.loaded || !(name in this.loaded)) throw notLoaded(name);
    return this.loaded[name] as V;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this.context.enqueue(this.objectId, 'load', [paths], () => this.runLoad(paths));
    return this;
  }

  /** Executes a load at sync time; the data is committed only if the whole sync succeeds. */
  runLoad(paths: string[]): LoadResult {
    const t = this.resolve();
    const scalars = this.scalars();
    const wanted = paths.length ? paths : Object.keys(scalars).filter((k) => this.context.supports(scalars[k]));
    if (t === null || t === undefined) {
      const data: Record<string, unknown> = { isNullObject: true };
      for (const p of wanted) if (!p.includes('/')) data[p] = null;
      return { data, commit: () => (this.loaded = { ...this.loaded, ...data }) };
    }
    const data: Record<string, unknown> = {};
    const commits: Array<() => void> = [];
    const groups = new Map<string, string[]>();
    for (const p of wanted) {
      const [head, ...rest] = p.split('/');
      if (!groups.has(head)) groups.set(head, []);
      if (rest.length) groups.get(head)!.push(rest.join('/'));
    }
    for (const [head, rest] of groups) {
      if (head in scalars) {
        if (!this.context.supports(scalars[head]))
          throw new FakeOfficeError('ApiNotFound', `Property ${head} needs ExcelApi 1.${scalars[head]}`, `${this.constructor.name}.${head}`);
        data[head] = this.read(t, head);
        continue;
      }
      const child = this.child(head);
      if (!child) throw new FakeOfficeError('InvalidArgument', `Unknown property '${head}' of ${this.constructor.name}`, head);
      const sub = child.runLoad(rest);
      data[head] = sub.data;
      commits.push(sub.commit);
    }
    data.isNullObject = false;
    return {
      data,
      commit: () => {
        this.loaded = { ...this.loaded, ...data };
        for (const f of commits) f();
      },
    };
  }

  /** Queues a property write; `apply` runs at sync. */
  protected write(name: string, value: unknown, minor: number, apply: (t: T) => void): void {
    this.context.need(minor, name);
    this.context.enqueue(this.objectId, name, [value], () => {
      apply(this.target(name));
    });
  }

  /** Queues a method call without a result. */
  protected call(name: string, args: unknown[], minor: number, apply: (t: T) => void): void {
    this.context.need(minor, name);
    this.context.enqueue(this.objectId, name, args, () => {
      apply(this.target(name));
    });
  }

  toJSON(): unknown {
    return this.loaded;
  }
}

/** A value returned by a method (getCount, getCellProperties), readable after sync. */
export class FakeClientResult<V> {
  private done = false;
  private result?: V;

  settle(v: V): void {
    this.result = v;
    this.done = true;
  }

  get value(): V {
    if (!this.done) throw notLoaded('value');
    return this.result as V;
  }
}

/** Proxies whose only job is to record settings (page layout, charts, conditional formats…). */
function recorder(
  context: FakeContext,
  path: string,
  minor: number,
  sink: Record<string, unknown> | (() => Record<string, unknown>),
  guard: () => void,
  methods: Record<string, (...args: unknown[]) => unknown> = {},
  children: Record<string, () => unknown> = {},
): Record<string, unknown> {
  context.need(minor, path);
  const id = context.enqueue(0, path, []);
  const made = new Map<string, unknown>();
  return new Proxy(
    {},
    {
      get: (_t, prop) => {
        if (prop === 'context') return context;
        if (typeof prop !== 'string') return undefined;
        if (prop in methods)
          return (...args: unknown[]) => {
            let out: unknown;
            context.enqueue(id, prop, args.map((a) => (typeof a === 'object' ? String(a) : a)), () => {
              guard();
              out = methods[prop](...args);
            });
            return out;
          };
        if (prop in children) {
          if (!made.has(prop)) made.set(prop, children[prop]());
          return made.get(prop);
        }
        throw notLoaded(`${path}.${prop}`);
      },
      set: (_t, prop, value) => {
        context.enqueue(id, String(prop), [value], () => {
          guard();
          (typeof sink === 'function' ? sink() : sink)[String(prop)] = value;
        });
        return true;
      },
    },
  );
}

interface RangeTarget {
  sheet: FakeSheetModel;
  rect: Rect;
}

interface AreasTarget {
  sheet: FakeSheetModel;
  rects: Rect[];
}

function rectAddr(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

function cellsOf(t: AreasTarget, fn: (cell: FakeCell, row: number, column: number) => void, create: boolean): void {
  for (const rect of t.rects) {
    if (!create) {
      t.sheet.forEachCell(rect, fn);
      continue;
    }
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 2_000_000) throw new FakeOfficeError('InvalidArgument', 'Range too large to format cell by cell in the fake');
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(t.sheet.ensure(r, c), r, c);
  }
}

function normColour(c: unknown): string {
  const s = String(c).toUpperCase();
  return s.startsWith('#') ? s : `#${s}`;
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
    return this.kid('comments', () => new FakeCommentCollection(this.context, undefined, 'workbook.comments'));
  }

  get settings(): FakeSettingCollection {
    return this.kid('settings', () => new FakeSettingCollection(this.context));
  }

  get protection(): FakeFlag {
    return this.kid('protection', () => new FakeFlag(this.context, 'workbook.protection', 7, () => this.context.book.structureProtected));
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
class FakeFlag extends FakeObject<{ value: boolean }> {
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
function eventSource(context: FakeContext, path: string, minor: number, sheetId: () => string | undefined) {
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
    return new FakeWorksheet(this.context, () => {
      const s = this.context.book.byNameOrId(key);
      if (!s) throw new FakeOfficeError('ItemNotFound', `No sheet "${key}"`, 'WorksheetCollection.getItem');
      return s;
    }, 'getItem', [key]);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.byNameOrId(key) ?? null, 'getItemOrNullObject', [key], 4);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.sheets.find((s) => s.id === this.context.book.activeId) ?? this.context.book.sheets[0], 'getActiveWorksheet', []);
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const book = this.context.book;
      this.context.guardWrite(undefined, 'WorksheetCollection.add');
      if (book.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected', 'WorksheetCollection.add');
      const n = name ?? `Sheet${book.sheets.length + 1}`;
      if (book.byName(n)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet "${n}" exists`, 'WorksheetCollection.add');
      if (n.length > 31 || /[[\]:*?/\\]/.test(n)) throw new FakeOfficeError('InvalidArgument', `Bad sheet name "${n}"`, 'WorksheetCollection.add');
      const model = new FakeSheetModel(book.newId('sheet'), n);
      book.sheets.push(model);
      return model;
    }, 'add', [name]);
  }

  get onChanged() {
    return eventSource(this.context, 'worksheets.onChanged', 9, () => undefined);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheetModel> {
  private kids = new Map<string, unknown>();

  constructor(context: FakeContext, bind: () => FakeSheetModel | null, path: string, args: unknown[] = [], minorOrQueued: number | boolean = 1) {
    super(context, bind, path, args, typeof minorOrQueued === 'number' ? minorOrQueued : 1, minorOrQueued !== false);
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
      if (this.context.book.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected', 'Worksheet.name');
      const other = this.context.book.byName(v);
      if (other && other !== t) throw new FakeOfficeError('ItemAlreadyExists', `A sheet "${v}" exists`, 'Worksheet.name');
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
    return this.kid('protection', () => new FakeFlag(this.context, 'protection', 2, () => !!this.sheet()?.protected));
  }

  get notes(): FakeNoteCollection {
    return this.kid('notes', () => new FakeNoteCollection(this.context, this.sheet));
  }

  get comments(): FakeCommentCollection {
    return this.kid('comments', () => new FakeCommentCollection(this.context, this.sheet, 'worksheet.comments'));
  }

  get charts(): { add: (type: string, source: FakeRange, seriesBy?: string) => Record<string, unknown> } {
    return this.kid('charts', () => ({
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        const context = this.context;
        const guard = () => context.guardWrite(this.sheet() ?? undefined, 'charts');
        const model: Record<string, unknown> & { series: Array<Record<string, unknown>>; title: Record<string, unknown> } = { type, seriesBy, series: [], title: {} };
        context.enqueue(this.objectId, 'charts.add', [type, seriesBy], () => {
          guard();
          model.source = source.resolve()?.rect;
          this.target('charts.add').charts.push(model);
        });
        const rectOf = (r: unknown) => (r as FakeRange).resolve()?.rect;
        const series = (s: Record<string, unknown>) =>
          recorder(context, 'series', 7, s, guard, { setValues: (r) => (s.values = rectOf(r)), setXAxisValues: (r) => (s.xValues = rectOf(r)) });
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
        return recorder(context, 'chart', 1, model, guard, { setPosition: (a) => (model.position = String(a)) }, { title: () => recorder(context, 'title', 1, model.title, guard), series: collection });
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
      const headersFooters = () => recorder(this.context, 'headersFooters', 9, {}, guard, {}, { defaultForAllPages: footer });
      return recorder(this.context, 'pageLayout', 9, sink, guard, { setPrintTitleRows: (rows) => (sink().printTitleRows = String(rows)) }, { headersFooters });
    });
  }

  get horizontalPageBreaks(): Record<string, unknown> {
    return this.kid('horizontalPageBreaks', () =>
      recorder(this.context, 'horizontalPageBreaks', 9, {}, () => this.context.guardWrite(this.sheet() ?? undefined, 'pageBreaks'), {
        add: (r) => this.target('pageBreaks').pageBreaks.push(parseAddress(String(r))!.rect.top),
      }),
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
        if (address === undefined) return { sheet, rect: { top: 1, left: 1, bottom: 1_048_576, right: 16_384 } };
        if (address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'Address over 8,192 characters', 'Worksheet.getRange');
        const p = parseAddress(address);
        if (!p || address.includes(',')) throw new FakeOfficeError('InvalidArgument', `Bad address "${address}"`, 'Worksheet.getRange');
        return { sheet, rect: p.rect };
      },
      'getRange',
      [address],
    );
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return this.range(
      () => ({ sheet: this.target('getRangeByIndexes'), rect: { top: row + 1, left: column + 1, bottom: row + rows, right: column + columns } }),
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
        if (address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'Address list over 8,192 characters', 'Worksheet.getRanges');
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
    return this.range(() => this.usedTarget(!!valuesOnly, false), 'getUsedRange', [valuesOnly], valuesOnly === undefined ? 1 : 2);
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
      if (book.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected', 'Worksheet.delete');
      if (book.sheets.filter((s) => s !== t && s.visibility === 'Visible').length === 0)
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep one visible sheet', 'Worksheet.delete');
      book.sheets = book.sheets.filter((s) => s !== t);
      book.listeners = book.listeners.filter((l) => l.sheetId !== t.id);
    });
  }
}

/** Fill of a range or of every area of a RangeAreas. */
class FakeFillProxy extends FakeObject<AreasTarget> {
  constructor(context: FakeContext, bind: () => AreasTarget | null) {
    super(context, bind, 'fill');
  }

  protected scalars() {
    return { color: 1, pattern: 9, patternColor: 9, tintAndShade: 9 };
  }

  protected read(t: AreasTarget, name: string): unknown {
    const seen = new Set<string>();
    let total = 0;
    const cells = t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    cellsOf(t, (cell) => {
      total++;
      seen.add(JSON.stringify(fillProp(cell.fill ?? null, name)));
    }, false);
    if (total < cells) seen.add(JSON.stringify(fillProp(null, name)));
    return seen.size === 1 ? JSON.parse([...seen][0]) : null;
  }

  get color(): string {
    return this.prop('color');
  }

  private change(name: string, minor: number, fn: (f: FakeFill) => void): void {
    this.write(name, name, minor, (t) => {
      this.context.guardWrite(t.sheet, `RangeFill.${name}`);
      cellsOf(t, (cell) => {
        const f = cell.fill ?? { color: '#FFFFFF', pattern: 'Solid', tint: 0 };
        fn(f);
        cell.fill = f;
      }, true);
    });
  }

  set color(v: string) {
    this.change('color', 1, (f) => {
      f.color = normColour(v);
      if (f.pattern === 'None') f.pattern = 'Solid';
    });
  }

  get pattern(): string {
    return this.prop('pattern');
  }

  get patternColor(): string {
    return this.prop('patternColor');
  }

  get tintAndShade(): number {
    return this.prop('tintAndShade');
  }

  set pattern(v: string) {
    this.change('pattern', 9, (f) => (f.pattern = v));
  }

  set patternColor(v: string) {
    this.change('patternColor', 9, (f) => (f.patternColor = normColour(v)));
  }

  set tintAndShade(v: number) {
    this.change('tintAndShade', 9, (f) => (f.tint = v));
  }

  clear(): void {
    this.call('clear', [], 1, (t) => {
      this.context.guardWrite(t.sheet, 'RangeFill.clear');
      cellsOf(t, (cell) => (cell.fill = null), false);
    });
  }
}

/** What Excel reports for a fill property: no fill reads as white, pattern None, no tint. */
function fillProp(f: FakeFill | null, name: string): unknown {
  if (!f) return { color: '#FFFFFF', pattern: 'None', patternColor: null, tintAndShade: null }[name];
  return { color: f.color, pattern: f.pattern, patternColor: f.patternColor ?? null, tintAndShade: f.tint }[name];
}

/** Font, alignment, widths: recorded on cells (or columns and rows). */
class FakeFormat extends FakeObject<AreasTarget> {
  private kids = new Map<string, unknown>();

  constructor(context: FakeContext, bind: () => AreasTarget | null) {
    super(context, bind, 'format');
  }

  protected scalars() {
    return { columnWidth: 2, rowHeight: 2, horizontalAlignment: 1, verticalAlignment: 1, wrapText: 1 };
  }

  protected read(t: AreasTarget, name: string): unknown {
    if (name === 'columnWidth') return t.sheet.colWidths[t.rects[0].left] ?? 48;
    if (name === 'rowHeight') return t.sheet.rowHeights[t.rects[0].top] ?? 15;
    let v: unknown = null;
    cellsOf(t, (c) => (v = c.format?.[name] ?? null), false);
    return v;
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'fill' ? this.fill : undefined;
  }

  private kid<K>(name: string, make: () => K): K {
    if (!this.kids.has(name)) this.kids.set(name, make());
    return this.kids.get(name) as K;
  }

  get fill(): FakeFillProxy {
    return this.kid('fill', () => new FakeFillProxy(this.context, () => this.resolve()));
  }

  private cellWriter(group: 'font' | 'format') {
    return (name: string, value: unknown) =>
      this.write(name, value, 1, (t) => {
        this.context.guardWrite(t.sheet, `${group}.${name}`);
        cellsOf(t, (cell) => (cell[group] = { ...cell[group], [name]: value }), true);
      });
  }

  get font(): Record<string, unknown> {
    return this.kid('font', () => {
      const write = this.cellWriter('font');
      return new Proxy(
        {},
        {
          set: (_t, p, v) => {
            write(String(p), v);
            return true;
          },
          get: (_t, p) => {
            if (p === 'context') return this.context;
            throw notLoaded(String(p));
          },
        },
      );
    });
  }

  get borders(): { getItem: (index: string) => Record<string, unknown> } {
    return this.kid('borders', () => ({
      getItem: (index: string) =>
        new Proxy(
          {},
          {
            set: (_t, p, v) => {
              this.write(`${index}.${String(p)}`, v, 1, (t) => {
                this.context.guardWrite(t.sheet, 'borders');
                cellsOf(t, (cell) => (cell.borders = { ...cell.borders, [index]: { ...cell.borders?.[index], [String(p)]: v } }), true);
              });
              return true;
            },
          },
        ),
    }));
  }

  get horizontalAlignment(): string {
    return this.prop('horizontalAlignment');
  }

  get verticalAlignment(): string {
    return this.prop('verticalAlignment');
  }

  get wrapText(): boolean {
    return this.prop('wrapText');
  }

  get columnWidth(): number {
    return this.prop('columnWidth');
  }

  get rowHeight(): number {
    return this.prop('rowHeight');
  }

  set horizontalAlignment(v: string) {
    this.cellWriter('format')('horizontalAlignment', v);
  }

  set verticalAlignment(v: string) {
    this.cellWriter('format')('verticalAlignment', v);
  }

  set wrapText(v: boolean) {
    this.cellWriter('format')('wrapText', v);
  }

  set columnWidth(v: number) {
    this.write('columnWidth', v, 2, (t) => {
      this.context.guardWrite(t.sheet, 'columnWidth');
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.colWidths[c] = v;
    });
  }

  set rowHeight(v: number) {
    this.write('rowHeight', v, 2, (t) => {
      this.context.guardWrite(t.sheet, 'rowHeight');
      for (const r of t.rects) for (let row = r.top; row <= Math.min(r.bottom, 1_048_576); row++) t.sheet.rowHeights[row] = v;
    });
  }
}

export class FakeRange extends FakeObject<RangeTarget> {
  private kids = new Map<string, unknown>();

  constructor(context: FakeContext, bind: () => RangeTarget | null, path: string, args: unknown[], minor = 1, queued = true) {
    super(context, bind, path, args, minor, queued);
  }

  protected scalars() {
    return { address: 1, rowIndex: 1, columnIndex: 1, rowCount: 1, columnCount: 1, values: 1, numberFormat: 1, formulas: 1, text: 1, cellCount: 1 };
  }

  protected read(t: RangeTarget, name: string): unknown {
    const { rect, sheet } = t;
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    switch (name) {
      case 'address':
        return `${sheetRef(sheet.name)}!${rectAddr(rect)}`;
      case 'rowIndex':
        return rect.top - 1;
      case 'columnIndex':
        return rect.left - 1;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'cellCount':
        return rows * cols;
    }
    // Why null: Excel gives no values for reads past 5 million cells.
    if (rows * cols > READ_CELL_LIMIT) return null;
    const out: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = sheet.rows[r - 1];
      const line: unknown[] = new Array(cols);
      for (let c = 0; c < cols; c++) {
        const cell = row?.[rect.left - 1 + c];
        if (name === 'values') line[c] = cell ? cell.v : '';
        else if (name === 'numberFormat') line[c] = cell?.nf ?? 'General';
        else if (name === 'formulas') line[c] = cell?.f ?? (cell ? cell.v : '');
        else line[c] = cell ? String(cell.v) : '';
      }
      out.push(line);
    }
    return out;
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'format' ? this.format : undefined;
  }

  private kid<K>(name: string, make: () => K): K {
    if (!this.kids.has(name)) this.kids.set(name, make());
    return this.kids.get(name) as K;
  }

  private areas = (): AreasTarget | null => {
    const t = this.resolve();
    return t ? { sheet: t.sheet, rects: [t.rect] } : null;
  };

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }

  private grid(name: string, value: unknown, fn: (cell: FakeCell, v: unknown) => void): void {
    this.write(name, value, 1, (t) => {
      this.context.guardWrite(t.sheet, `Range.${name}`);
      const rows = t.rect.bottom - t.rect.top + 1;
      const cols = t.rect.right - t.rect.left + 1;
      const arr = value as unknown[][];
      if (!Array.isArray(arr) || arr.length !== rows || arr.some((r) => !Array.isArray(r) || r.length !== cols))
        throw new FakeOfficeError('InvalidArgument', `${name}: the array does not match the range's ${rows}×${cols} size`, `Range.${name}`);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const v = arr[i][j];
          // null leaves a cell as it is.
          if (v === null || v === undefined) continue;
          fn(t.sheet.ensure(t.rect.top + i, t.rect.left + j), v);
        }
    });
  }

  set values(v: unknown[][]) {
    this.grid('values', v, (cell, raw) => {
      const typed = typedValue(raw, cell.nf);
      cell.v = typed.v;
      if (typed.f) cell.f = typed.f;
      else delete cell.f;
      if (typed.nf) cell.nf = typed.nf;
    });
  }

  set formulas(v: unknown[][]) {
    this.grid('formulas', v, (cell, raw) => {
      const s = typeof raw === 'string' ? raw : '';
      if (s.startsWith('=')) {
        cell.f = s;
        cell.v = '';
      } else {
        const typed = typedValue(raw, cell.nf);
        cell.v = typed.v;
        if (typed.f) cell.f = typed.f;
      }
    });
  }

  set numberFormat(v: unknown[][]) {
    this.grid('numberFormat', v, (cell, f) => (cell.nf = String(f)));
  }

  set hyperlink(v: Record<string, unknown>) {
    this.write('hyperlink', v, 7, (t) => {
      this.context.guardWrite(t.sheet, 'Range.hyperlink');
      const cell = t.sheet.ensure(t.rect.top, t.rect.left);
      cell.link = v;
      if (typeof v.textToDisplay === 'string' && cell.v === '') cell.v = v.textToDisplay;
    });
  }

  get format(): FakeFormat {
    return this.kid('format', () => new FakeFormat(this.context, this.areas));
  }

  get conditionalFormats(): { add: (type: string) => Record<string, unknown> } {
    return this.kid('conditionalFormats', () => ({
      add: (type: string) => {
        const context = this.context;
        const guard = () => context.guardWrite(this.resolve()?.sheet, 'conditionalFormats');
        const model = { type, range: undefined as Rect | undefined, rule: {}, fill: {}, font: {} };
        context.need(6, 'conditionalFormats.add');
        context.enqueue(this.objectId, 'conditionalFormats.add', [type], () => {
          guard();
          const t = this.target('conditionalFormats.add');
          model.range = t.rect;
          t.sheet.conditionalFormats.push(model);
        });
        const format = () => recorder(context, 'format', 6, {}, guard, {}, { fill: () => recorder(context, 'fill', 6, model.fill, guard), font: () => recorder(context, 'font', 6, model.font, guard) });
        const custom = () => recorder(context, 'custom', 6, {}, guard, {}, { rule: () => recorder(context, 'rule', 6, model.rule, guard), format });
        return recorder(context, 'conditionalFormat', 6, model, guard, {}, { custom });
      },
    }));
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.target('getCell');
        return { sheet: t.sheet, rect: { top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column } };
      },
      'getCell',
      [row, column],
    );
  }

  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const o = typeof other === 'string' ? parseAddress(other)?.rect : other.resolve()?.rect;
        const r = o ? intersect(t.rect, o) : null;
        return r ? { sheet: t.sheet, rect: r } : null;
      },
      'getIntersectionOrNullObject',
      [typeof other === 'string' ? other : other.objectId],
      4,
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const found = t.sheet.merges.filter((m) => intersect(m, t.rect));
        if (found.length > 512)
          throw new FakeOfficeError('GeneralException', `More than 512 merged areas (${found.length})`, 'Range.getMergedAreasOrNullObject');
        return found.length ? { sheet: t.sheet, rects: found } : null;
      },
      'getMergedAreasOrNullObject',
      [],
      13,
    );
  }

  getCellProperties(options: { format?: { fill?: Record<string, boolean> }; address?: boolean }): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>();
    this.context.need(9, 'getCellProperties');
    this.context.enqueue(this.objectId, 'getCellProperties', [options], () => {
      const t = this.target('getCellProperties');
      const out: unknown[][] = [];
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        const line: unknown[] = [];
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          const props: Record<string, unknown> = {};
          if (options.address) props.address = `${sheetRef(t.sheet.name)}!${cellAddress(r, c)}`;
          if (options.format?.fill) {
            const fill: Record<string, unknown> = {};
            const f = t.sheet.cell(r, c)?.fill ?? null;
            for (const k of Object.keys(options.format.fill)) if (options.format.fill[k]) fill[k] = fillProp(f, k);
            props.format = { fill };
          }
          line.push(props);
        }
        out.push(line);
      }
      return { data: out, commit: () => result.settle(out) };
    });
    return result;
  }

  merge(across = false): void {
    this.call('merge', [across], 2, (t) => {
      this.context.guardWrite(t.sheet, 'Range.merge');
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.rect));
      t.sheet.merges.push({ ...t.rect });
    });
  }

  select(): void {
    this.call('select', [], 1, (t) => (this.context.book.selection = { sheetId: t.sheet.id, address: rectAddr(t.rect) }));
  }

  clear(applyTo?: string): void {
    this.call('clear', [applyTo], 1, (t) => {
      this.context.guardWrite(t.sheet, 'Range.clear');
      t.sheet.forEachCell(t.rect, (cell) => {
        if (applyTo === 'Formats') {
          delete cell.fill;
          delete cell.font;
          delete cell.nf;
          return;
        }
        cell.v = '';
        delete cell.f;
        if (applyTo !== 'Contents') {
          delete cell.fill;
          delete cell.font;
          delete cell.nf;
        }
      });
    });
  }
}

export class FakeRangeAreas extends FakeObject<AreasTarget> {
  private fmt?: FakeFormat;

  constructor(context: FakeContext, bind: () => AreasTarget | null, path: string, args: unknown[], minor: number) {
    super(context, bind, path, args, minor);
  }

  protected scalars() {
    return { address: 9, areaCount: 9, cellCount: 9 };
  }

  protected read(t: AreasTarget, name: string): unknown {
    if (name === 'address') return t.rects.map((r) => `${sheetRef(t.sheet.name)}!${rectAddr(r)}`).join(', ');
    if (name === 'areaCount') return t.rects.length;
    return t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
  }

  get address(): string {
    return this.prop('address');
  }

  get format(): FakeFormat {
    if (!this.fmt) this.fmt = new FakeFormat(this.context, () => this.resolve());
    return this.fmt;
  }
}

interface NoteTarget {
  sheet: FakeSheetModel;
  row: number;
  column: number;
}

function cellOf(sheet: FakeSheetModel, address: unknown, what: string): { row: number; column: number } {
  const rect = address instanceof FakeRange ? address.resolve()?.rect : parseAddress(String(address))?.rect;
  if (!rect || rect.top !== rect.bottom || rect.left !== rect.right) throw new FakeOfficeError('InvalidArgument', `${what}: not one cell (${String(address)})`, what);
  void sheet;
  return { row: rect.top, column: rect.left };
}

export class FakeNote extends FakeObject<NoteTarget> {
  protected scalars() {
    return { content: 18 };
  }

  protected read(t: NoteTarget): unknown {
    return t.sheet.cell(t.row, t.column)?.note ?? null;
  }

  get content(): string {
    return this.prop('content');
  }

  set content(v: string) {
    this.write('content', v, 18, (t) => {
      this.context.guardWrite(t.sheet, 'Note.content');
      t.sheet.ensure(t.row, t.column).note = v;
    });
  }

  delete(): void {
    this.call('delete', [], 18, (t) => {
      this.context.guardWrite(t.sheet, 'Note.delete');
      const cell = t.sheet.cell(t.row, t.column);
      if (cell) delete cell.note;
    });
  }
}

export class FakeNoteCollection extends FakeObject<FakeSheetModel> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheetModel | null,
  ) {
    super(context, sheet, 'notes', [], 18);
  }

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  private note(address: string, orNull: boolean, path: string): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        const sheet = this.target(path);
        const at = cellOf(sheet, address, path);
        if (sheet.cell(at.row, at.column)?.note === undefined) {
          if (orNull) return null;
          throw new FakeOfficeError('ItemNotFound', `No note at ${address}`, path);
        }
        return { sheet, ...at };
      },
      path,
      [address],
      18,
    );
  }

  getItem(address: string): FakeNote {
    return this.note(address, false, 'NoteCollection.getItem');
  }

  getItemOrNullObject(address: string): FakeNote {
    return this.note(address, true, 'NoteCollection.getItemOrNullObject');
  }

  add(address: unknown, content: string): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        const sheet = this.target('NoteCollection.add');
        this.context.guardWrite(sheet, 'NoteCollection.add');
        const at = cellOf(sheet, address, 'NoteCollection.add');
        const cell = sheet.ensure(at.row, at.column);
        if (cell.note !== undefined) throw new FakeOfficeError('InvalidArgument', `A note exists at ${String(address)}`, 'NoteCollection.add');
        cell.note = String(content);
        return { sheet, ...at };
      },
      'add',
      [typeof address === 'string' ? address : 'range', content],
      18,
    );
  }
}

interface CommentTarget {
  book: FakeBookModel;
  id: string;
}

function findThread(book: FakeBookModel, id: string) {
  return book.findComment(id);
}

export class FakeCommentReply extends FakeObject<{ thread: string; id: string }> {
  protected scalars() {
    return { id: 10, content: 10 };
  }

  private reply(t: { thread: string; id: string }) {
    const th = findThread(this.context.book, t.thread);
    const r = th?.comment.replies.find((x) => x.id === t.id);
    if (!th || !r) throw new FakeOfficeError('ItemNotFound', 'Reply not found', 'CommentReply');
    return { th, r };
  }

  protected read(t: { thread: string; id: string }, name: string): unknown {
    return name === 'id' ? t.id : this.reply(t).r.content;
  }

  get id(): string {
    return this.prop('id');
  }

  get content(): string {
    return this.prop('content');
  }

  set content(v: string) {
    this.write('content', v, 10, (t) => {
      const { th, r } = this.reply(t);
      this.context.guardWrite(th.sheet, 'CommentReply.content');
      r.content = v;
    });
  }

  delete(): void {
    this.call('delete', [], 10, (t) => {
      const { th } = this.reply(t);
      this.context.guardWrite(th.sheet, 'CommentReply.delete');
      th.comment.replies = th.comment.replies.filter((x) => x.id !== t.id);
    });
  }
}

export class FakeCommentReplyCollection extends FakeObject<CommentTarget> {
  private list: FakeCommentReply[] | null = null;

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): FakeCommentReply[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }

  override runLoad(paths: string[]): LoadResult {
    const t = this.target('replies');
    const th = findThread(t.book, t.id);
    const itemPaths = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    const proxies = (th?.comment.replies ?? []).map((r) => new FakeCommentReply(this.context, () => ({ thread: t.id, id: r.id }), '', [], 10, false));
    const subs = proxies.map((p) => p.runLoad(itemPaths));
    return {
      data: { items: subs.map((s) => s.data) },
      commit: () => {
        this.list = proxies;
        subs.forEach((s) => s.commit());
      },
    };
  }

  add(content: string): FakeCommentReply {
    return new FakeCommentReply(
      this.context,
      () => {
        const t = this.target('replies.add');
        const th = findThread(t.book, t.id);
        if (!th) throw new FakeOfficeError('ItemNotFound', 'Comment not found', 'CommentReplyCollection.add');
        this.context.guardWrite(th.sheet, 'CommentReplyCollection.add');
        const id = t.book.newId('reply');
        th.comment.replies.push({ id, content: String(content) });
        return { thread: t.id, id };
      },
      'replies.add',
      [content],
      10,
    );
  }
}

export class FakeComment extends FakeObject<CommentTarget> {
  private repliesProxy?: FakeCommentReplyCollection;

  protected scalars() {
    return { id: 10, content: 10 };
  }

  private thread(t: CommentTarget) {
    const th = findThread(t.book, t.id);
    if (!th) throw new FakeOfficeError('ItemNotFound', 'Comment not found', 'Comment');
    return th;
  }

  protected read(t: CommentTarget, name: string): unknown {
    return name === 'id' ? t.id : this.thread(t).comment.content;
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'replies' ? this.replies : undefined;
  }

  get id(): string {
    return this.prop('id');
  }

  get content(): string {
    return this.prop('content');
  }

  set content(v: string) {
    this.write('content', v, 10, (t) => {
      const th = this.thread(t);
      this.context.guardWrite(th.sheet, 'Comment.content');
      th.comment.content = v;
    });
  }

  get replies(): FakeCommentReplyCollection {
    if (!this.repliesProxy) this.repliesProxy = new FakeCommentReplyCollection(this.context, () => this.resolve(), 'replies', [], 10);
    return this.repliesProxy;
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const th = this.thread(this.target('getLocation'));
        const [row, column] = th.sheet.positionOf(th.cell)!;
        return { sheet: th.sheet, rect: { top: row, left: column, bottom: row, right: column } };
      },
      'getLocation',
      [],
      10,
    );
  }

  delete(): void {
    this.call('delete', [], 10, (t) => {
      const th = this.thread(t);
      this.context.guardWrite(th.sheet, 'Comment.delete');
      delete th.cell.comment;
    });
  }
}

export class FakeCommentCollection extends FakeObject<{ book: FakeBookModel; sheet?: FakeSheetModel }> {
  private list: FakeComment[] | null = null;

  constructor(
    context: FakeContext,
    sheet: (() => FakeSheetModel | null) | undefined,
    path: string,
  ) {
    super(context, () => ({ book: context.book, sheet: sheet?.() ?? undefined }), path, [], 10);
  }

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): FakeComment[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }

  override runLoad(paths: string[]): LoadResult {
    const t = this.target('comments');
    const itemPaths = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    const proxies = t.book.comments(t.sheet).map((c) => new FakeComment(this.context, () => ({ book: t.book, id: c.comment.id }), '', [], 10, false));
    const subs = proxies.map((p) => p.runLoad(itemPaths));
    return {
      data: { items: subs.map((s) => s.data) },
      commit: () => {
        this.list = proxies;
        subs.forEach((s) => s.commit());
      },
    };
  }

  getItem(id: string): FakeComment {
    return new FakeComment(
      this.context,
      () => {
        if (!findThread(this.context.book, id)) throw new FakeOfficeError('ItemNotFound', `No comment ${id}`, 'CommentCollection.getItem');
        return { book: this.context.book, id };
      },
      'getItem',
      [id],
      10,
    );
  }

  add(address: unknown, content: string): FakeComment {
    return new FakeComment(
      this.context,
      () => {
        const t = this.target('CommentCollection.add');
        let sheet = t.sheet;
        if (typeof address === 'string') {
          const p = parseAddress(address);
          if (p?.sheet !== undefined) sheet = t.book.byName(p.sheet);
        } else if (address instanceof FakeRange) sheet = address.resolve()?.sheet;
        if (!sheet) throw new FakeOfficeError('InvalidArgument', `No sheet in "${String(address)}"`, 'CommentCollection.add');
        this.context.guardWrite(sheet, 'CommentCollection.add');
        const at = cellOf(sheet, address, 'CommentCollection.add');
        const cell = sheet.ensure(at.row, at.column);
        if (cell.comment) throw new FakeOfficeError('InvalidArgument', `A comment exists at ${String(address)}`, 'CommentCollection.add');
        const id = t.book.newId('comment');
        cell.comment = { id, content: String(content), replies: [] };
        t.book.indexComment(sheet, cell);
        return { book: t.book, id };
      },
      'add',
      [typeof address === 'string' ? address : 'range', content],
      10,
    );
  }
}

export class FakeSetting extends FakeObject<{ key: string; value: unknown }> {
  protected scalars() {
    return { key: 4, value: 4 };
  }

  protected read(t: { key: string; value: unknown }, name: string): unknown {
    return name === 'key' ? t.key : t.value;
  }

  get value(): unknown {
    return this.prop('value');
  }
}

export class FakeSettingCollection extends FakeObject<FakeBookModel> {
  constructor(context: FakeContext) {
    super(context, () => context.book, 'settings', [], 4);
  }

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  add(key: string, value: unknown): FakeSetting {
    return new FakeSetting(
      this.context,
      () => {
        this.context.guardWrite(undefined, 'SettingCollection.add');
        // Settings travel as JSON, as in Excel.
        this.context.book.settings[key] = JSON.parse(JSON.stringify(value));
        return { key, value };
      },
      'add',
      [key, value],
      4,
    );
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(
      this.context,
      () => (key in this.context.book.settings ? { key, value: this.context.book.settings[key] } : null),
      'getItemOrNullObject',
      [key],
      4,
    );
  }
}
