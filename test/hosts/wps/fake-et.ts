// A fake WPS 表格 ("ET") object model for the adapter tests, written from the documented API: synchronous calls,
// 1-based `Item` indexes, BGR colours, `Value2` arrays, 批注 comments, merged areas, multi-area ranges and `Union`,
// `ScreenUpdating`, `PageSetup`, `Worksheets.Add`, `ApiEvent` listeners, `PluginStorage`, task panes.
//
// Every object handed to the adapter is a Proxy that counts each property read, property write and method call,
// so tests can assert how many host calls an operation makes (in WPS each one crosses into the WPS process: the
// WPS docs measure 10,000 cell writes at about 2 s). Host rules the fake enforces, as Excel's COM model does and WPS
// follows: address strings of at most 255 characters, at most 30 ranges per `Union`, `Select` only on the active
// sheet, `AddComment` on a cell that already has one fails, deleting a sheet with alerts on would prompt (an
// error here), unknown members throw (the real host returns undefined silently, which hides typos).

type Val = string | number | boolean | null;

/** A rectangle, 1-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Fill {
  color: number;
  pattern: number;
  patternColor?: number;
}

interface Style {
  font?: { name?: string; size?: number; bold?: boolean; color?: number };
  h?: number;
  v?: number;
  wrap?: boolean;
  border?: { line?: number; weight?: number; color?: number };
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const NONE = -4142;
const key = (r: number, c: number) => r * MAX_COLS + c;
const rowOf = (k: number) => Math.floor(k / MAX_COLS);
const colOf = (k: number) => k % MAX_COLS;

function colLetters(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function colNumber(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Parses `A1`, `$A$1:$C$3`, `A:C`, `3:5` and comma lists; `'Sheet'!` prefixes are dropped. */
export function parseRef(ref: string): Rect[] {
  const out: Rect[] = [];
  for (const raw of ref.split(',')) {
    const part = raw
      .slice(raw.lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .trim()
      .toUpperCase();
    let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(part);
    if (m) {
      const l = colNumber(m[1]!);
      const t = Number(m[2]);
      const r = m[3] ? colNumber(m[3]) : l;
      const b = m[4] ? Number(m[4]) : t;
      out.push({ top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) });
      continue;
    }
    m = /^([A-Z]+):([A-Z]+)$/.exec(part);
    if (m) {
      out.push({ top: 1, left: colNumber(m[1]!), bottom: MAX_ROWS, right: colNumber(m[2]!) });
      continue;
    }
    m = /^(\d+):(\d+)$/.exec(part);
    if (m) {
      out.push({ top: Number(m[1]), left: 1, bottom: Number(m[2]), right: MAX_COLS });
      continue;
    }
    throw new Error(`fake ET: bad reference ${JSON.stringify(raw)}`);
  }
  return out;
}

function rectText(r: Rect, abs: boolean): string {
  const d = abs ? '$' : '';
  const a = `${d}${colLetters(r.left)}${d}${r.top}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${d}${colLetters(r.right)}${d}${r.bottom}`;
}

const area = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);
const wholeColumns = (r: Rect) => r.top === 1 && r.bottom === MAX_ROWS;

/** One worksheet's state: everything that is saved in the file. */
class SheetModel {
  values = new Map<number, Val>();
  formulas = new Map<number, string>();
  formats = new Map<number, string>();
  columnFormats = new Map<number, string>();
  fills = new Map<number, Fill>();
  comments = new Map<number, string>();
  styles = new Map<number, Style>();
  merges: Rect[] = [];
  names = new Map<string, { refersTo: string; visible: boolean }>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageSetup: Record<string, unknown> = {};
  pageBreaks: number[] = [];
  hyperlinks: Array<{ cell: string; subAddress: string; text: string }> = [];
  conditions: Array<{
    range: string;
    formula: string;
    fill?: number;
    fontColor?: number;
    bold?: boolean;
    stopIfTrue?: boolean;
  }> = [];
  charts: Array<{ type?: number; source?: string; title?: string }> = [];
  freeze?: { rows: number; columns: number };
  visible = -1;
  protectContents = false;
  private mergeIndex?: Map<number, Rect>;

  constructor(public name: string) {}

  mergeAt(row: number, col: number): Rect | undefined {
    if (!this.mergeIndex) {
      this.mergeIndex = new Map();
      for (const m of this.merges)
        for (let r = m.top; r <= m.bottom; r++)
          for (let c = m.left; c <= m.right; c++) this.mergeIndex.set(key(r, c), m);
    }
    return this.mergeIndex.get(key(row, col));
  }

  setMerges(merges: Rect[]): void {
    this.merges = merges;
    this.mergeIndex = undefined;
  }

  format(row: number, col: number): string {
    return this.formats.get(key(row, col)) ?? this.columnFormats.get(col) ?? 'General';
  }

  /** The used range: cells with a value, formula, format, fill, comment, style or merge. */
  used(): Rect {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    const take = (k: number) => {
      const r = rowOf(k);
      const c = colOf(k);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    for (const map of [
      this.values,
      this.formulas,
      this.formats,
      this.fills,
      this.comments,
      this.styles,
    ] as Map<number, unknown>[])
      for (const k of map.keys()) take(k);
    for (const m of this.merges) {
      take(key(m.top, m.left));
      take(key(m.bottom, m.right));
    }
    return bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
  }

  toJSON(): unknown {
    return {
      name: this.name,
      values: [...this.values],
      formulas: [...this.formulas],
      formats: [...this.formats],
      columnFormats: [...this.columnFormats],
      fills: [...this.fills],
      comments: [...this.comments],
      styles: [...this.styles],
      merges: this.merges,
      names: [...this.names],
      visible: this.visible,
      protectContents: this.protectContents,
      columnWidths: [...this.columnWidths],
      rowHeights: [...this.rowHeights],
      pageSetup: this.pageSetup,
      pageBreaks: this.pageBreaks,
      freeze: this.freeze,
    };
  }

  static fromJSON(j: ReturnType<SheetModel['toJSON']>): SheetModel {
    const o = j as Record<string, unknown>;
    const s = new SheetModel(o.name as string);
    s.values = new Map(o.values as [number, Val][]);
    s.formulas = new Map(o.formulas as [number, string][]);
    s.formats = new Map(o.formats as [number, string][]);
    s.columnFormats = new Map(o.columnFormats as [number, string][]);
    s.fills = new Map(o.fills as [number, Fill][]);
    s.comments = new Map(o.comments as [number, string][]);
    s.styles = new Map(o.styles as [number, Style][]);
    s.setMerges(o.merges as Rect[]);
    s.names = new Map(o.names as [string, { refersTo: string; visible: boolean }][]);
    s.visible = o.visible as number;
    s.protectContents = o.protectContents as boolean;
    s.columnWidths = new Map(o.columnWidths as [number, number][]);
    s.rowHeights = new Map(o.rowHeights as [number, number][]);
    s.pageSetup = o.pageSetup as Record<string, unknown>;
    s.pageBreaks = o.pageBreaks as number[];
    s.freeze = o.freeze as SheetModel['freeze'];
    return s;
  }
}

/** What a test gives to build a sheet. */
export interface FakeSheetInit {
  name: string;
  /** Rows of values from A1 (or from `origin`). */
  values?: Val[][];
  origin?: string;
  /** Number formats by address (`J5`) or by column letter for a whole column's data rows (`J:` → rows of `values`). */
  formats?: Record<string, string>;
  /** Fills by address, `#RRGGBB`. */
  fills?: Record<string, string>;
  comments?: Record<string, string>;
  merges?: string[];
  protect?: boolean;
}

/** Options of the fake: how `Value2` and `NumberFormat` come back for many cells. */
export interface FakeEtOptions {
  sheets: FakeSheetInit[];
  bookName?: string;
  /** `2d` (rows of columns, default), `1d` (a single row or column as a flat array), `vbarray` (COM SAFEARRAY). */
  value2Shape?: '2d' | '1d' | 'vbarray';
  /** A multi-cell `NumberFormat` as an array (some hosts) instead of null when the cells differ. */
  numberFormatArrays?: boolean;
  readOnly?: boolean;
  protectStructure?: boolean;
  /** A host whose worksheets refuse sheet-level names (`Names.Add` fails). */
  noSheetNames?: boolean;
  /**
   * What `Application.LanguageSettings.LanguageID(2)` gives: a language id (2052 简体中文, 1033 English), any other
   * value a bridge might hand back, or `throws` for a call that fails. Left out: a WPS without `LanguageSettings`.
   */
  uiLanguage?: unknown;
}

/** Counts of host calls. */
export class Counters {
  gets = 0;
  sets = 0;
  calls = 0;
  readonly byName = new Map<string, number>();

  get total(): number {
    return this.gets + this.sets + this.calls;
  }

  count(name: string, kind: 'gets' | 'sets' | 'calls'): void {
    this[kind]++;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }

  /** Sum over names matching a pattern. */
  sum(pattern: RegExp): number {
    let n = 0;
    for (const [k, v] of this.byName) if (pattern.test(k)) n += v;
    return n;
  }

  reset(): void {
    this.gets = 0;
    this.sets = 0;
    this.calls = 0;
    this.byName.clear();
  }
}

/** BGR number of `#RRGGBB`. */
export function bgr(hex: string): number {
  const h = hex.replace('#', '').slice(-6);
  return (
    (parseInt(h.slice(4, 6), 16) << 16) | (parseInt(h.slice(2, 4), 16) << 8) | parseInt(h.slice(0, 2), 16)
  );
}

/** `#RRGGBB` of a BGR number. */
export function hex(bgrValue: number): string {
  const r = bgrValue & 0xff;
  const g = (bgrValue >> 8) & 0xff;
  const b = (bgrValue >> 16) & 0xff;
  return `#${[r, g, b]
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

/** The fake host: one workbook in one WPS session. */
export class FakeEt {
  readonly counters = new Counters();
  sheets: SheetModel[] = [];
  bookName: string;
  active: SheetModel;
  readOnly: boolean;
  protectStructure: boolean;
  screenUpdating = true;
  displayAlerts = true;
  /** Every value `ScreenUpdating` was set to, in order. */
  readonly screenHistory: boolean[] = [];
  readonly listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  readonly pluginStorage = new Map<string, unknown>();
  readonly panes = new Map<
    number,
    { url: string; Visible: boolean; DockPosition: number; Width: number; deleted: boolean }
  >();
  readonly alerts: string[] = [];
  /** Colour writes seen while screen updating was on (the adapter must switch it off first). */
  coloursWhileScreenOn = 0;
  /** The cell last selected (`Sheet!A1`). */
  selection?: string;
  private nextPane = 1;
  private readonly raw = new WeakMap<object, object>();
  readonly app: unknown;

  constructor(readonly options: FakeEtOptions) {
    this.bookName = options.bookName ?? '清单.xlsx';
    this.readOnly = !!options.readOnly;
    this.protectStructure = !!options.protectStructure;
    for (const init of options.sheets) this.sheets.push(this.build(init));
    this.active = this.sheets[0]!;
    this.app = this.wrap(new AppObj(this), 'Application');
  }

  /** Reopens a saved workbook in a new session (new Application, empty PluginStorage, no listeners). */
  static open(saved: string, options: Partial<FakeEtOptions> = {}): FakeEt {
    const j = JSON.parse(saved) as { bookName: string; sheets: unknown[]; active: string };
    const fake = new FakeEt({ ...options, sheets: [], bookName: j.bookName });
    fake.sheets = j.sheets.map((s) => SheetModel.fromJSON(s as ReturnType<SheetModel['toJSON']>));
    fake.active = fake.sheets.find((s) => s.name === j.active) ?? fake.sheets[0]!;
    return fake;
  }

  /** The workbook as saved to a file. */
  save(): string {
    return JSON.stringify({
      bookName: this.bookName,
      sheets: this.sheets.map((s) => s.toJSON()),
      active: this.active.name,
    });
  }

  private build(init: FakeSheetInit): SheetModel {
    const s = new SheetModel(init.name);
    const origin = init.origin ? parseRef(init.origin)[0] : { top: 1, left: 1, bottom: 1, right: 1 };
    (init.values ?? []).forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== '' && v !== undefined)
          s.values.set(key(origin!.top + i, origin!.left + j), v);
      }),
    );
    for (const [a, f] of Object.entries(init.formats ?? {})) {
      const col = /^([A-Z]+):$/.exec(a);
      if (col) {
        const c = colNumber(col[1]!);
        for (let i = 0; i < (init.values?.length ?? 0); i++) s.formats.set(key(origin!.top + i, c), f);
        continue;
      }
      for (const r of parseRef(a))
        for (let row = r.top; row <= r.bottom; row++)
          for (let c = r.left; c <= r.right; c++) s.formats.set(key(row, c), f);
    }
    for (const [a, h] of Object.entries(init.fills ?? {})) {
      const r = parseRef(a)[0]!;
      s.fills.set(key(r.top, r.left), { color: bgr(h), pattern: 1 });
    }
    for (const [a, t] of Object.entries(init.comments ?? {})) {
      const r = parseRef(a)[0]!;
      s.comments.set(key(r.top, r.left), t);
    }
    s.setMerges((init.merges ?? []).map((m) => parseRef(m)[0]!));
    s.protectContents = !!init.protect;
    return s;
  }

  /** Wraps a host object in the counting proxy. */
  wrap<T extends object>(target: T, kind: string): T {
    const counters = this.counters;
    const proxy = new Proxy(target, {
      get: (t, p) => {
        if (typeof p === 'symbol' || p === 'then' || p === 'toJSON' || p === 'constructor' || p === 'inspect')
          return undefined;
        if (!(p in t)) throw new Error(`fake ET: ${kind} has no member ${p}`);
        const v = Reflect.get(t, p, t) as unknown;
        if (typeof v === 'function') {
          return (...args: unknown[]) => {
            counters.count(`${kind}.${p}()`, 'calls');
            return (v as (...a: unknown[]) => unknown).apply(
              t,
              args.map((a) => this.unwrap(a)),
            );
          };
        }
        counters.count(`${kind}.${p}`, 'gets');
        return v;
      },
      set: (t, p, v) => {
        if (typeof p === 'symbol') return false;
        if (!(p in t)) throw new Error(`fake ET: ${kind} has no member ${p}`);
        counters.count(`${kind}.${p}=`, 'sets');
        return Reflect.set(t, p, v, t);
      },
    });
    this.raw.set(proxy, target);
    return proxy;
  }

  unwrap<T>(x: T): T {
    return (x && typeof x === 'object' && this.raw.has(x as object) ? this.raw.get(x as object) : x) as T;
  }

  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake ET: no sheet ${name}`);
    return s;
  }

  range(sheet: SheetModel, areas: Rect[], mode: RangeMode = 'cells'): RangeObj {
    return this.wrap(new RangeObj(this, sheet, areas, mode), 'Range');
  }

  sheetObj(sheet: SheetModel): SheetObj {
    return this.wrap(new SheetObj(this, sheet), 'Worksheet');
  }

  /** Calls the `SheetChange` listeners as WPS does after an edit. */
  fireChange(sheet: SheetModel, areas: Rect[]): void {
    for (const fn of [...(this.listeners.get('SheetChange') ?? [])])
      fn(this.sheetObj(sheet), this.range(sheet, areas));
  }

  // ---- What a person does in WPS (not counted) ----

  /** Types a value into a cell (as a person would: text stays text) and fires `SheetChange`. */
  edit(sheet: string, address: string, value: Val): void {
    const s = this.sheet(sheet);
    const r = parseRef(address)[0]!;
    const k = key(r.top, r.left);
    s.formulas.delete(k);
    if (value === null || value === '') s.values.delete(k);
    else s.values.set(k, value);
    this.fireChange(s, [r]);
  }

  /** Inserts `count` rows before `row`: everything below moves down; fires `SheetChange` with the new rows. */
  insertRows(sheet: string, row: number, count: number): void {
    const s = this.sheet(sheet);
    const shift = <T>(m: Map<number, T>) => {
      const moved = new Map<number, T>();
      for (const [k, v] of m) moved.set(rowOf(k) >= row ? k + count * MAX_COLS : k, v);
      return moved;
    };
    s.values = shift(s.values);
    s.formulas = shift(s.formulas);
    s.formats = shift(s.formats);
    s.fills = shift(s.fills);
    s.comments = shift(s.comments);
    s.styles = shift(s.styles);
    s.setMerges(
      s.merges.map((m) => (m.top >= row ? { ...m, top: m.top + count, bottom: m.bottom + count } : m)),
    );
    this.fireChange(s, [{ top: row, left: 1, bottom: row + count - 1, right: MAX_COLS }]);
  }

  /** Deletes `count` rows from `row`. */
  deleteRows(sheet: string, row: number, count: number): void {
    const s = this.sheet(sheet);
    const shift = <T>(m: Map<number, T>) => {
      const moved = new Map<number, T>();
      for (const [k, v] of m) {
        const r = rowOf(k);
        if (r >= row && r < row + count) continue;
        moved.set(r >= row + count ? k - count * MAX_COLS : k, v);
      }
      return moved;
    };
    s.values = shift(s.values);
    s.formulas = shift(s.formulas);
    s.formats = shift(s.formats);
    s.fills = shift(s.fills);
    s.comments = shift(s.comments);
    s.styles = shift(s.styles);
    s.setMerges(
      s.merges
        .filter((m) => m.bottom < row || m.top >= row + count)
        .map((m) => (m.top >= row + count ? { ...m, top: m.top - count, bottom: m.bottom - count } : m)),
    );
    this.fireChange(s, [{ top: row, left: 1, bottom: row, right: MAX_COLS }]);
  }

  renameSheet(from: string, to: string): void {
    this.sheet(from).name = to;
  }

  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.active === s) this.active = this.sheets[0]!;
  }

  activate(name: string): void {
    this.active = this.sheet(name);
  }

  setFill(sheet: string, address: string, colour: string | null): void {
    const r = parseRef(address)[0]!;
    if (colour === null) this.sheet(sheet).fills.delete(key(r.top, r.left));
    else this.sheet(sheet).fills.set(key(r.top, r.left), { color: bgr(colour), pattern: 1 });
  }

  /** The person edits a cell's comment (null: deletes it), as in WPS's UI. */
  setComment(sheet: string, address: string, text: string | null): void {
    const r = parseRef(address)[0]!;
    if (text === null) this.sheet(sheet).comments.delete(key(r.top, r.left));
    else this.sheet(sheet).comments.set(key(r.top, r.left), text);
  }

  // ---- What a test looks at (not counted) ----

  value(sheet: string, address: string): Val | undefined {
    const r = parseRef(address)[0]!;
    return this.sheet(sheet).values.get(key(r.top, r.left));
  }

  formula(sheet: string, address: string): string | undefined {
    const r = parseRef(address)[0]!;
    return this.sheet(sheet).formulas.get(key(r.top, r.left));
  }

  fill(sheet: string, address: string): string | null {
    const r = parseRef(address)[0]!;
    const f = this.sheet(sheet).fills.get(key(r.top, r.left));
    return f ? hex(f.color) : null;
  }

  comment(sheet: string, address: string): string | undefined {
    const r = parseRef(address)[0]!;
    return this.sheet(sheet).comments.get(key(r.top, r.left));
  }

  /** Every value and formula of a sheet, sorted: two equal snapshots mean no cell value changed. */
  snapshot(sheet: string): string {
    const s = this.sheet(sheet);
    const cells = [...s.values].sort((a, b) => a[0] - b[0]);
    const formulas = [...s.formulas].sort((a, b) => a[0] - b[0]);
    return JSON.stringify([cells, formulas]);
  }

  /** Every fill and comment of a sheet, sorted. */
  decorations(sheet: string): string {
    const s = this.sheet(sheet);
    return JSON.stringify([
      [...s.fills].sort((a, b) => a[0] - b[0]),
      [...s.comments].sort((a, b) => a[0] - b[0]),
    ]);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  uniqueName(): string {
    let n = this.sheets.length + 1;
    while (this.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  addPane(url: string): number {
    const id = this.nextPane++;
    this.panes.set(id, { url, Visible: false, DockPosition: 0, Width: 300, deleted: false });
    return id;
  }
}

type RangeMode = 'cells' | 'rows' | 'columns';

/** A cell value written through `Value2`/`Formula`: text stays text only when marked so, as in WPS. */
function typed(sheet: SheetModel, k: number, v: unknown): { value?: Val; formula?: string } {
  if (v === null || v === undefined || v === '') return {};
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (sheet.format(rowOf(k), colOf(k)) === '@') return { value: s };
  if (s.startsWith('=') && s.length > 1) return { formula: s };
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s.trim())) return { value: Number(s) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(s.trim())) return { value: Number(s.trim().slice(0, -1)) / 100 };
  return { value: s };
}

class AppObj {
  constructor(private readonly fake: FakeEt) {}

  get ActiveWorkbook(): unknown {
    return this.fake.wrap(new BookObj(this.fake), 'Workbook');
  }
  get ActiveSheet(): unknown {
    return this.fake.sheetObj(this.fake.active);
  }
  get ActiveWindow(): unknown {
    return this.fake.wrap(new WindowObj(this.fake), 'Window');
  }
  get ScreenUpdating(): boolean {
    return this.fake.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.fake.screenUpdating = v;
    this.fake.screenHistory.push(v);
  }
  get DisplayAlerts(): boolean {
    return this.fake.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.fake.displayAlerts = v;
  }
  Union(...ranges: RangeObj[]): unknown {
    if (ranges.length < 2 || ranges.length > 30)
      throw new Error(`fake ET: Union takes 2 to 30 ranges, got ${ranges.length}`);
    const sheet = ranges[0]!.sheet;
    if (ranges.some((r) => r.sheet !== sheet))
      throw new Error('fake ET: Union of ranges on different sheets');
    return this.fake.range(
      sheet,
      ranges.flatMap((r) => r.areas),
    );
  }
  get LanguageSettings(): unknown {
    const { options } = this.fake;
    if (!('uiLanguage' in options)) throw new Error('fake ET: Application has no member LanguageSettings');
    return this.fake.wrap(
      {
        LanguageID(id: number) {
          if (options.uiLanguage === 'throws') throw new Error('fake ET: LanguageID failed');
          // Only the UI language (msoLanguageIDUI = 2) is modelled.
          return id === 2 ? options.uiLanguage : 2052;
        },
      },
      'LanguageSettings',
    );
  }
  get ApiEvent(): unknown {
    const fake = this.fake;
    return fake.wrap(
      {
        AddApiEventListener(name: string, fn: (...args: unknown[]) => void) {
          const list = fake.listeners.get(name) ?? [];
          list.push(fn);
          fake.listeners.set(name, list);
        },
        RemoveApiEventListener(name: string, fn?: (...args: unknown[]) => void) {
          // Without a function WPS removes every listener of the event registered by this page.
          const list = fake.listeners.get(name) ?? [];
          fake.listeners.set(name, fn ? list.filter((f) => f !== fn) : []);
        },
      },
      'ApiEvent',
    );
  }
  get PluginStorage(): unknown {
    const store = this.fake.pluginStorage;
    return this.fake.wrap(
      {
        setItem: (k: string, v: unknown) => void store.set(k, v),
        getItem: (k: string) => (store.has(k) ? store.get(k) : null),
        removeItem: (k: string) => void store.delete(k),
      },
      'PluginStorage',
    );
  }
  CreateTaskPane(url: string): unknown {
    return this.GetTaskPane(this.fake.addPane(url));
  }
  GetTaskPane(id: number): unknown {
    const pane = this.fake.panes.get(Number(id));
    if (!pane || pane.deleted) throw new Error(`fake ET: no task pane ${id}`);
    const obj = {
      get ID() {
        return Number(id);
      },
      get Visible() {
        return pane.Visible;
      },
      set Visible(v: boolean) {
        pane.Visible = v;
      },
      get DockPosition() {
        return pane.DockPosition;
      },
      set DockPosition(v: number) {
        pane.DockPosition = v;
      },
      get Width() {
        return pane.Width;
      },
      set Width(v: number) {
        pane.Width = v;
      },
      Navigate(url: string) {
        pane.url = url;
      },
      Delete() {
        pane.deleted = true;
      },
    };
    return this.fake.wrap(obj, 'TaskPane');
  }
  alert(message: string): void {
    this.fake.alerts.push(message);
  }
}

class BookObj {
  constructor(private readonly fake: FakeEt) {}
  get Name(): string {
    return this.fake.bookName;
  }
  get FullName(): string {
    return `C:\\清单\\${this.fake.bookName}`;
  }
  get ReadOnly(): boolean {
    return this.fake.readOnly;
  }
  get ProtectStructure(): boolean {
    return this.fake.protectStructure;
  }
  get Worksheets(): unknown {
    return this.fake.wrap(new SheetsObj(this.fake), 'Worksheets');
  }
  get Sheets(): unknown {
    return this.Worksheets;
  }
  get ActiveSheet(): unknown {
    return this.fake.sheetObj(this.fake.active);
  }
}

class SheetsObj {
  constructor(private readonly fake: FakeEt) {}
  get Count(): number {
    return this.fake.sheets.length;
  }
  Item(index: number | string): unknown {
    const s =
      typeof index === 'number'
        ? this.fake.sheets[index - 1]
        : this.fake.sheets.find((x) => x.name.toLowerCase() === String(index).toLowerCase());
    if (!s) throw new Error(`fake ET: 下标越界 (no sheet ${index})`);
    return this.fake.sheetObj(s);
  }
  Add(before?: SheetObj, after?: SheetObj): unknown {
    if (this.fake.protectStructure) throw new Error('fake ET: workbook structure is protected');
    const s = new SheetModel(this.fake.uniqueName());
    const at = after
      ? this.fake.sheets.indexOf(after.model) + 1
      : before
        ? this.fake.sheets.indexOf(before.model)
        : this.fake.sheets.indexOf(this.fake.active);
    this.fake.sheets.splice(at, 0, s);
    this.fake.active = s;
    return this.fake.sheetObj(s);
  }
}

class WindowObj {
  constructor(private readonly fake: FakeEt) {}
  private get state() {
    return (this.fake.active.freeze ??= { rows: 0, columns: 0 });
  }
  get FreezePanes(): boolean {
    return this.state.rows > 0 || this.state.columns > 0;
  }
  set FreezePanes(v: boolean) {
    if (!v) this.fake.active.freeze = { rows: 0, columns: 0 };
  }
  get SplitRow(): number {
    return this.state.rows;
  }
  set SplitRow(v: number) {
    this.state.rows = v;
  }
  get SplitColumn(): number {
    return this.state.columns;
  }
  set SplitColumn(v: number) {
    this.state.columns = v;
  }
  ScrollRow = 1;
  ScrollColumn = 1;
}

class SheetObj {
  constructor(
    private readonly fake: FakeEt,
    readonly model: SheetModel,
  ) {}
  get Name(): string {
    return this.model.name;
  }
  set Name(v: string) {
    if (!v || v.length > 31 || /[\\/?*[\]:]/.test(v)) throw new Error(`fake ET: bad sheet name ${v}`);
    if (this.fake.sheets.some((s) => s !== this.model && s.name.toLowerCase() === v.toLowerCase()))
      throw new Error(`fake ET: duplicate sheet name ${v}`);
    this.model.name = v;
  }
  get Index(): number {
    return this.fake.sheets.indexOf(this.model) + 1;
  }
  get Visible(): number {
    return this.model.visible;
  }
  set Visible(v: number) {
    this.model.visible = v;
  }
  get ProtectContents(): boolean {
    return this.model.protectContents;
  }
  get CodeName(): string {
    return '';
  }
  get UsedRange(): unknown {
    return this.fake.range(this.model, [this.model.used()]);
  }
  get Cells(): unknown {
    return this.fake.range(this.model, [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }]);
  }
  get Columns(): unknown {
    return this.fake.range(this.model, [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }], 'columns');
  }
  get Rows(): unknown {
    return this.fake.range(this.model, [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }], 'rows');
  }
  get Names(): unknown {
    return this.fake.wrap(new NamesObj(this.fake, this.model), 'Names');
  }
  get Comments(): unknown {
    const model = this.model;
    const fake = this.fake;
    const sorted = () => [...model.comments.keys()].sort((a, b) => a - b);
    return fake.wrap(
      {
        get Count() {
          return model.comments.size;
        },
        Item(i: number) {
          const k = sorted()[i - 1];
          if (k === undefined) throw new Error(`fake ET: no comment ${i}`);
          return fake.wrap(new CommentObj(fake, model, k), 'Comment');
        },
      },
      'Comments',
    );
  }
  get PageSetup(): unknown {
    const ps = this.model.pageSetup;
    const props = [
      'Orientation',
      'PaperSize',
      'Zoom',
      'FitToPagesWide',
      'FitToPagesTall',
      'PrintTitleRows',
      'CenterFooter',
      'LeftMargin',
      'RightMargin',
      'TopMargin',
      'BottomMargin',
      'CenterHorizontally',
    ];
    const obj: Record<string, unknown> = {};
    for (const p of props)
      Object.defineProperty(obj, p, { get: () => ps[p], set: (v) => (ps[p] = v), enumerable: true });
    return this.fake.wrap(obj, 'PageSetup');
  }
  get HPageBreaks(): unknown {
    const model = this.model;
    return this.fake.wrap(
      { Add: (before: RangeObj) => void model.pageBreaks.push(before.areas[0]!.top) },
      'HPageBreaks',
    );
  }
  get Hyperlinks(): unknown {
    const model = this.model;
    return this.fake.wrap(
      {
        Add: (anchor: RangeObj, _address: string, subAddress: string, _tip?: string, text?: string) =>
          void model.hyperlinks.push({
            cell: rectText(anchor.areas[0]!, false),
            subAddress,
            text: text ?? '',
          }),
      },
      'Hyperlinks',
    );
  }
  get Parent(): unknown {
    return this.fake.wrap(new BookObj(this.fake), 'Workbook');
  }
  Range(ref: string): unknown {
    if (typeof ref !== 'string') throw new Error('fake ET: Range takes an address string');
    if (ref.length > 255) throw new Error(`fake ET: reference longer than 255 characters (${ref.length})`);
    return this.fake.range(this.model, parseRef(ref));
  }
  ChartObjects(): unknown {
    const model = this.model;
    const fake = this.fake;
    return fake.wrap(
      {
        Add() {
          const chart: { type?: number; source?: string; title?: string } = {};
          model.charts.push(chart);
          const c = {
            get ChartType() {
              return chart.type ?? 0;
            },
            set ChartType(v: number) {
              chart.type = v;
            },
            HasTitle: false,
            get ChartTitle() {
              return fake.wrap(
                {
                  get Text() {
                    return chart.title ?? '';
                  },
                  set Text(v: string) {
                    chart.title = v;
                  },
                },
                'ChartTitle',
              );
            },
            SetSourceData(source: RangeObj) {
              chart.source = source.areas.map((a) => rectText(a, false)).join(',');
            },
          };
          return fake.wrap({ Chart: fake.wrap(c, 'Chart') }, 'ChartObject');
        },
      },
      'ChartObjects',
    );
  }
  Activate(): void {
    if (this.model.visible !== -1) throw new Error('fake ET: cannot activate a hidden sheet');
    this.fake.active = this.model;
  }
  Delete(): void {
    if (this.fake.displayAlerts)
      throw new Error('fake ET: deleting a sheet with DisplayAlerts on asks the user');
    if (this.fake.protectStructure) throw new Error('fake ET: workbook structure is protected');
    if (this.fake.sheets.filter((s) => s.visible === -1 && s !== this.model).length === 0)
      throw new Error('fake ET: a workbook must keep a visible sheet');
    this.fake.sheets = this.fake.sheets.filter((s) => s !== this.model);
    if (this.fake.active === this.model) this.fake.active = this.fake.sheets.find((s) => s.visible === -1)!;
  }
}

class NamesObj {
  constructor(
    private readonly fake: FakeEt,
    private readonly model: SheetModel,
  ) {}
  get Count(): number {
    return this.model.names.size;
  }
  Add(name: string, refersTo: string, visible = true): unknown {
    if (this.fake.options.noSheetNames) throw new Error('fake ET: sheet-level names are not supported');
    this.model.names.set(name, { refersTo, visible });
    return this.Item(name);
  }
  Item(name: string | number): unknown {
    const n = typeof name === 'number' ? [...this.model.names.keys()][name - 1] : name;
    const entry = n === undefined ? undefined : this.model.names.get(n);
    if (!entry || n === undefined) throw new Error(`fake ET: no name ${name}`);
    const model = this.model;
    return this.fake.wrap(
      {
        get Name() {
          return n;
        },
        get RefersTo() {
          return entry.refersTo;
        },
        set RefersTo(v: string) {
          entry.refersTo = v;
        },
        get Visible() {
          return entry.visible;
        },
        set Visible(v: boolean) {
          entry.visible = v;
        },
        Delete() {
          model.names.delete(n);
        },
      },
      'Name',
    );
  }
}

class CommentObj {
  constructor(
    private readonly fake: FakeEt,
    private readonly model: SheetModel,
    private readonly k: number,
  ) {}
  Text(text?: string, start?: number, overwrite?: boolean): string {
    const now = this.model.comments.get(this.k) ?? '';
    if (text === undefined) return now;
    if (start === undefined) this.model.comments.set(this.k, text);
    else {
      const at = Math.max(0, start - 1);
      this.model.comments.set(this.k, now.slice(0, at) + text + now.slice(overwrite ? at + text.length : at));
    }
    return this.model.comments.get(this.k) ?? '';
  }
  Delete(): void {
    this.model.comments.delete(this.k);
  }
  get Parent(): unknown {
    return this.fake.range(this.model, [
      { top: rowOf(this.k), left: colOf(this.k), bottom: rowOf(this.k), right: colOf(this.k) },
    ]);
  }
}

/** Aggregates a per-cell property over rectangles: the shared value, or null when cells differ. */
function shared<T>(areas: Rect[], get: (row: number, col: number) => T): T | null {
  let first = true;
  let value: T | null = null;
  for (const r of areas) {
    if (area(r) > 5_000_000) throw new Error('fake ET: property read over more than 5 million cells');
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const v = get(row, col);
        if (first) {
          value = v;
          first = false;
        } else if (v !== value) return null;
      }
  }
  return value;
}

function eachCell(areas: Rect[], fn: (row: number, col: number) => void): void {
  for (const r of areas) {
    if (area(r) > 5_000_000) throw new Error('fake ET: write over more than 5 million cells');
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
  }
}

class RangeObj {
  constructor(
    private readonly fake: FakeEt,
    readonly sheet: SheetModel,
    readonly areas: Rect[],
    private readonly mode: RangeMode,
  ) {}

  private get first(): Rect {
    return this.areas[0]!;
  }

  private checkWrite(): void {
    if (this.sheet.protectContents) throw new Error('fake ET: the sheet is protected');
  }

  get Value2(): unknown {
    const r = this.first;
    const s = this.sheet;
    const get = (row: number, col: number) => {
      const k = key(row, col);
      const v = s.values.get(k);
      return v === undefined ? (s.formulas.has(k) ? 0 : undefined) : v;
    };
    if (r.top === r.bottom && r.left === r.right) return get(r.top, r.left);
    if (area(r) > 5_000_000) throw new Error('fake ET: Value2 over more than 5 million cells');
    const rows: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const out: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) out.push(get(row, col));
      rows.push(out);
    }
    const shape = this.fake.options.value2Shape ?? '2d';
    if (shape === 'vbarray') {
      const flat: unknown[] = [];
      for (let j = 0; j < rows[0]!.length; j++) for (let i = 0; i < rows.length; i++) flat.push(rows[i]![j]);
      return { toArray: () => flat, dimensions: () => 2 };
    }
    if (shape === '1d' && (rows.length === 1 || rows[0]!.length === 1))
      return rows.length === 1 ? rows[0] : rows.map((x) => x[0]);
    return rows;
  }
  set Value2(v: unknown) {
    this.checkWrite();
    const s = this.sheet;
    const put = (row: number, col: number, x: unknown) => {
      const k = key(row, col);
      const t = typed(s, k, x);
      s.values.delete(k);
      s.formulas.delete(k);
      if (t.value !== undefined) s.values.set(k, t.value);
      if (t.formula !== undefined) s.formulas.set(k, t.formula);
    };
    const r = this.first;
    if (Array.isArray(v)) {
      const rows = v.length > 0 && Array.isArray(v[0]) ? (v as unknown[][]) : [v as unknown[]];
      for (let i = 0; i <= r.bottom - r.top; i++)
        for (let j = 0; j <= r.right - r.left; j++) put(r.top + i, r.left + j, rows[i]?.[j]);
    } else eachCell(this.areas, (row, col) => put(row, col, v));
    this.fake.fireChange(s, this.areas);
  }

  get Formula(): unknown {
    const k = key(this.first.top, this.first.left);
    return this.sheet.formulas.get(k) ?? this.sheet.values.get(k) ?? '';
  }
  set Formula(v: unknown) {
    this.checkWrite();
    eachCell(this.areas, (row, col) => {
      const k = key(row, col);
      this.sheet.values.delete(k);
      this.sheet.formulas.delete(k);
      const s = String(v);
      if (s.startsWith('=')) this.sheet.formulas.set(k, s);
      else if (s !== '') this.sheet.values.set(k, s);
    });
    this.fake.fireChange(this.sheet, this.areas);
  }

  get Text(): unknown {
    const v = this.sheet.values.get(key(this.first.top, this.first.left));
    return v === undefined || v === null ? '' : String(v);
  }

  get Row(): number {
    return this.first.top;
  }
  get Column(): number {
    return this.first.left;
  }
  get Rows(): unknown {
    return this.fake.range(this.sheet, this.areas, 'rows');
  }
  get Columns(): unknown {
    return this.fake.range(this.sheet, this.areas, 'columns');
  }
  get Count(): number {
    const r = this.first;
    if (this.mode === 'rows') return r.bottom - r.top + 1;
    if (this.mode === 'columns') return r.right - r.left + 1;
    return this.areas.reduce((n, a) => n + area(a), 0);
  }
  get Cells(): unknown {
    return this.fake.range(this.sheet, this.areas, 'cells');
  }
  get Areas(): unknown {
    const fake = this.fake;
    const sheet = this.sheet;
    const areas = this.areas;
    return fake.wrap(
      {
        get Count() {
          return areas.length;
        },
        Item(i: number) {
          const a = areas[i - 1];
          if (!a) throw new Error(`fake ET: no area ${i}`);
          return fake.range(sheet, [a]);
        },
      },
      'Areas',
    );
  }
  Item(row: number, col?: number): unknown {
    const r = this.first;
    if (this.mode === 'rows')
      return this.fake.range(this.sheet, [{ ...r, top: r.top + row - 1, bottom: r.top + row - 1 }]);
    if (this.mode === 'columns')
      return this.fake.range(
        this.sheet,
        [{ ...r, left: r.left + row - 1, right: r.left + row - 1 }],
        'columns',
      );
    if (col === undefined) {
      const width = r.right - r.left + 1;
      const i = row - 1;
      return this.fake.range(this.sheet, [
        {
          top: r.top + Math.floor(i / width),
          left: r.left + (i % width),
          bottom: r.top + Math.floor(i / width),
          right: r.left + (i % width),
        },
      ]);
    }
    const rr = r.top + row - 1;
    const cc = r.left + col - 1;
    return this.fake.range(this.sheet, [{ top: rr, left: cc, bottom: rr, right: cc }]);
  }
  Address(rowAbs = true, colAbs = true): string {
    return this.areas.map((a) => rectText(a, rowAbs && colAbs)).join(',');
  }

  get Interior(): unknown {
    const fake = this.fake;
    const s = this.sheet;
    const areas = this.areas;
    const check = () => this.checkWrite();
    const fillAt = (row: number, col: number) => s.fills.get(key(row, col));
    const setAll = (f: (k: number) => void) => {
      check();
      if (!fake.screenUpdating) {
        /* quiet */
      } else fake.coloursWhileScreenOn++;
      eachCell(areas, (row, col) => f(key(row, col)));
    };
    return fake.wrap(
      {
        get Color() {
          return shared(areas, (r, c) => fillAt(r, c)?.color ?? 0xffffff);
        },
        set Color(v: number | null) {
          setAll((k) => s.fills.set(k, { color: v ?? 0, pattern: 1 }));
        },
        get ColorIndex() {
          return shared(areas, (r, c) => {
            const f = fillAt(r, c);
            if (!f) return NONE;
            return f.color === 0xffffff ? 2 : f.color === 0 ? 1 : 3 + (f.color % 53);
          });
        },
        set ColorIndex(v: number | null) {
          if (v !== NONE) throw new Error('fake ET: only ColorIndex = xlNone is modelled');
          setAll((k) => s.fills.delete(k));
        },
        get Pattern() {
          return shared(areas, (r, c) => fillAt(r, c)?.pattern ?? NONE);
        },
        set Pattern(v: number | null) {
          setAll((k) => {
            const f = s.fills.get(k);
            if (f) f.pattern = v ?? 1;
          });
        },
        get PatternColor() {
          return shared(areas, (r, c) => fillAt(r, c)?.patternColor ?? 0);
        },
        set PatternColor(v: number | null) {
          setAll((k) => {
            const f = s.fills.get(k);
            if (f) f.patternColor = v ?? undefined;
          });
        },
      },
      'Interior',
    );
  }

  private style(k: number): Style {
    let st = this.sheet.styles.get(k);
    if (!st) this.sheet.styles.set(k, (st = {}));
    return st;
  }

  get Font(): unknown {
    const areas = this.areas;
    const s = this.sheet;
    const prop = (name: 'name' | 'size' | 'bold' | 'color') => ({
      get: () => shared(areas, (r, c) => s.styles.get(key(r, c))?.font?.[name] ?? null),
      set: (v: never) => eachCell(areas, (r, c) => ((this.style(key(r, c)).font ??= {})[name] = v)),
    });
    const obj = {};
    Object.defineProperty(obj, 'Name', prop('name'));
    Object.defineProperty(obj, 'Size', prop('size'));
    Object.defineProperty(obj, 'Bold', prop('bold'));
    Object.defineProperty(obj, 'Color', prop('color'));
    return this.fake.wrap(obj, 'Font');
  }

  get Borders(): unknown {
    const areas = this.areas;
    const s = this.sheet;
    const prop = (name: 'line' | 'weight' | 'color') => ({
      get: () => shared(areas, (r, c) => s.styles.get(key(r, c))?.border?.[name] ?? null),
      set: (v: number) => eachCell(areas, (r, c) => ((this.style(key(r, c)).border ??= {})[name] = v)),
    });
    const obj = {};
    Object.defineProperty(obj, 'LineStyle', prop('line'));
    Object.defineProperty(obj, 'Weight', prop('weight'));
    Object.defineProperty(obj, 'Color', prop('color'));
    return this.fake.wrap(obj, 'Borders');
  }

  get HorizontalAlignment(): number | null {
    return shared(this.areas, (r, c) => this.sheet.styles.get(key(r, c))?.h ?? 1);
  }
  set HorizontalAlignment(v: number | null) {
    eachCell(this.areas, (r, c) => (this.style(key(r, c)).h = v ?? undefined));
  }
  get VerticalAlignment(): number | null {
    return shared(this.areas, (r, c) => this.sheet.styles.get(key(r, c))?.v ?? -4107);
  }
  set VerticalAlignment(v: number | null) {
    eachCell(this.areas, (r, c) => (this.style(key(r, c)).v = v ?? undefined));
  }
  get WrapText(): boolean | null {
    return shared(this.areas, (r, c) => this.sheet.styles.get(key(r, c))?.wrap ?? false);
  }
  set WrapText(v: boolean | null) {
    eachCell(this.areas, (r, c) => (this.style(key(r, c)).wrap = v ?? undefined));
  }

  get NumberFormat(): unknown {
    const areas = this.areas;
    if (this.fake.options.numberFormatArrays && area(this.first) > 1) {
      const r = this.first;
      const rows: string[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const out: string[] = [];
        for (let col = r.left; col <= r.right; col++) out.push(this.sheet.format(row, col));
        rows.push(out);
      }
      return rows;
    }
    return shared(areas, (r, c) => this.sheet.format(r, c));
  }
  set NumberFormat(v: unknown) {
    for (const r of this.areas) {
      if (wholeColumns(r)) {
        for (let c = r.left; c <= r.right; c++) this.sheet.columnFormats.set(c, String(v));
        for (const k of [...this.sheet.formats.keys()])
          if (colOf(k) >= r.left && colOf(k) <= r.right) this.sheet.formats.delete(k);
        continue;
      }
      eachCell([r], (row, col) => this.sheet.formats.set(key(row, col), String(v)));
    }
  }

  get ColumnWidth(): number | null {
    const r = this.first;
    return shared(
      [{ top: 1, left: r.left, bottom: 1, right: r.right }],
      (_, c) => this.sheet.columnWidths.get(c) ?? 8.38,
    );
  }
  set ColumnWidth(v: number | null) {
    for (const r of this.areas)
      for (let c = r.left; c <= r.right; c++) this.sheet.columnWidths.set(c, v ?? 8.38);
  }
  get RowHeight(): number | null {
    const r = this.first;
    if (r.bottom - r.top > 100_000) return null;
    return shared(
      [{ top: r.top, left: 1, bottom: r.bottom, right: 1 }],
      (row) => this.sheet.rowHeights.get(row) ?? 13.5,
    );
  }
  set RowHeight(v: number | null) {
    for (const r of this.areas)
      for (let row = r.top; row <= r.bottom; row++) this.sheet.rowHeights.set(row, v ?? 13.5);
  }
  get Left(): number {
    let x = 0;
    for (let c = 1; c < this.first.left; c++) x += (this.sheet.columnWidths.get(c) ?? 8.38) * 6;
    return x;
  }
  get Top(): number {
    let y = 0;
    for (let r = 1; r < this.first.top; r++) y += this.sheet.rowHeights.get(r) ?? 13.5;
    return y;
  }

  get Comment(): unknown {
    const k = key(this.first.top, this.first.left);
    return this.sheet.comments.has(k)
      ? this.fake.wrap(new CommentObj(this.fake, this.sheet, k), 'Comment')
      : null;
  }
  AddComment(text?: string): unknown {
    this.checkWrite();
    const k = key(this.first.top, this.first.left);
    if (this.sheet.comments.has(k)) throw new Error('fake ET: the cell already has a comment');
    this.sheet.comments.set(k, text ?? '');
    return this.fake.wrap(new CommentObj(this.fake, this.sheet, k), 'Comment');
  }
  ClearComments(): void {
    this.checkWrite();
    eachCell(this.areas, (r, c) => this.sheet.comments.delete(key(r, c)));
  }

  get MergeArea(): unknown {
    const r = this.first;
    if (r.top !== r.bottom || r.left !== r.right) throw new Error('fake ET: MergeArea of more than one cell');
    const m = this.sheet.mergeAt(r.top, r.left);
    return this.fake.range(this.sheet, [m ? { ...m } : { ...r }]);
  }
  get MergeCells(): boolean | null {
    return shared(this.areas, (r, c) => !!this.sheet.mergeAt(r, c));
  }
  set MergeCells(v: boolean | null) {
    if (v) this.Merge();
  }
  Merge(): void {
    this.checkWrite();
    if (this.fake.displayAlerts) throw new Error('fake ET: merging with DisplayAlerts on asks the user');
    for (const r of this.areas) {
      const kept = this.sheet.merges.filter(
        (m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right,
      );
      this.sheet.setMerges([...kept, { ...r }]);
      eachCell([r], (row, col) => {
        if (row === r.top && col === r.left) return;
        this.sheet.values.delete(key(row, col));
      });
    }
  }

  get FormatConditions(): unknown {
    const fake = this.fake;
    const model = this.sheet;
    const address = this.areas.map((a) => rectText(a, false)).join(',');
    return fake.wrap(
      {
        Add(_type: number, _op: unknown, formula: string) {
          const entry: (typeof model.conditions)[number] = { range: address, formula };
          model.conditions.push(entry);
          return fake.wrap(
            {
              get Interior() {
                return fake.wrap(
                  {
                    set Color(v: number) {
                      entry.fill = v;
                    },
                    get Color() {
                      return entry.fill ?? 0;
                    },
                  },
                  'Interior',
                );
              },
              get Font() {
                return fake.wrap(
                  {
                    set Color(v: number) {
                      entry.fontColor = v;
                    },
                    get Color() {
                      return entry.fontColor ?? 0;
                    },
                    set Bold(v: boolean) {
                      entry.bold = v;
                    },
                    get Bold() {
                      return !!entry.bold;
                    },
                  },
                  'Font',
                );
              },
              set StopIfTrue(v: boolean) {
                entry.stopIfTrue = v;
              },
              get StopIfTrue() {
                return !!entry.stopIfTrue;
              },
            },
            'FormatCondition',
          );
        },
      },
      'FormatConditions',
    );
  }

  get Worksheet(): unknown {
    return this.fake.sheetObj(this.sheet);
  }

  SpecialCells(): unknown {
    throw new Error('fake ET: 没有找到单元格 (no cells were found)');
  }
  Select(): boolean {
    if (this.fake.active !== this.sheet) throw new Error('fake ET: Select on a sheet that is not active');
    this.fake.selection = `${this.sheet.name}!${this.Address(false, false)}`;
    return true;
  }
  Activate(): boolean {
    return this.Select();
  }
  ClearContents(): void {
    this.Value2 = null;
  }
}
