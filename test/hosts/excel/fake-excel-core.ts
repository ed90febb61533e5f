// The machinery of the fake Excel: errors, counters, payload sizes, and proxies whose properties are unreadable
// before load() + sync().
// Plain TypeScript: no Node, no jest (the pane's browser tests bundle it too).
import { cellAddress } from '../../../src/core/grid';
import type { FakeContext } from './fake-excel-api';
import type { FakeBookModel, FakeCell, FakeSheetModel, Rect } from './fake-excel-model';

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
  return {
    syncs: 0,
    failedSyncs: 0,
    operations: 0,
    requestBytes: [],
    responseBytes: [],
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    totalRequestBytes: 0,
    totalResponseBytes: 0,
  };
}

export function utf8(s: string): number {
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

export const bytesOf = (v: unknown) => utf8(JSON.stringify(v) ?? 'null');

/** What the fake host shares between runs: the workbook, the API level, counters. */
export interface FakeHostState {
  book: FakeBookModel;
  apiMinor: number;
  counters: FakeCounters;
}

export interface LoadResult {
  data: unknown;
  commit: () => void;
}

export interface Op {
  bytes: number;
  run?: () => LoadResult | void;
}

export const notLoaded = (name: string) =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

/** The request context: a queue of operations, sent by `sync()`. */

export type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

export function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  const text = Array.isArray(spec)
    ? spec.join(',')
    : typeof spec === 'string'
      ? spec
      : [spec.select, spec.expand].filter(Boolean).join(',');
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Base of every proxy: binding at its queued position, loads, reads that throw before load + sync. */
export abstract class FakeObject<T> {
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
    if (t === null || t === undefined)
      throw new FakeOfficeError('InvalidObjectPath', `${what} on a null object`, what);
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
    const wanted = paths.length
      ? paths
      : Object.keys(scalars).filter((k) => this.context.supports(scalars[k]!));
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
      if (!groups.has(head!)) groups.set(head!, []);
      if (rest.length) groups.get(head!)!.push(rest.join('/'));
    }
    for (const [head, rest] of groups) {
      if (head in scalars) {
        if (!this.context.supports(scalars[head]!))
          throw new FakeOfficeError(
            'ApiNotFound',
            `Property ${head} needs ExcelApi 1.${scalars[head]}`,
            `${this.constructor.name}.${head}`,
          );
        data[head] = this.read(t, head);
        continue;
      }
      const child = this.child(head);
      if (!child)
        throw new FakeOfficeError(
          'InvalidArgument',
          `Unknown property '${head}' of ${this.constructor.name}`,
          head,
        );
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
export function recorder(
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
            context.enqueue(
              id,
              prop,
              args.map((a) => (typeof a === 'object' ? String(a) : a)),
              () => {
                guard();
                out = methods[prop]!(...args);
              },
            );
            return out;
          };
        if (prop in children) {
          if (!made.has(prop)) made.set(prop, children[prop]!());
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

export interface RangeTarget {
  sheet: FakeSheetModel;
  rect: Rect;
}

export interface AreasTarget {
  sheet: FakeSheetModel;
  rects: Rect[];
}

export function rectAddr(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

export function cellsOf(
  t: AreasTarget,
  fn: (cell: FakeCell, row: number, column: number) => void,
  create: boolean,
): void {
  for (const rect of t.rects) {
    if (!create) {
      t.sheet.forEachCell(rect, fn);
      continue;
    }
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > 2_000_000)
      throw new FakeOfficeError('InvalidArgument', 'Range too large to format cell by cell in the fake');
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) fn(t.sheet.ensure(r, c), r, c);
  }
}

export function normColour(c: unknown): string {
  const s = String(c).toUpperCase();
  return s.startsWith('#') ? s : `#${s}`;
}
