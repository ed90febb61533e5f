// The state of a fake Excel workbook: sheets of cells with values, formats, fills, notes and comments, plus the
// user's own actions (edit, insert rows, rename, delete). Plain TypeScript: no Node, no jest (bundled in browsers too).
import { columnNumber, type MergeRange } from '../../../src/core/grid';

/** A cell fill; `null` on a cell means "no fill". */
export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tint: number;
}

export interface FakeReply {
  id: string;
  content: string;
}

export interface FakeComment {
  id: string;
  content: string;
  replies: FakeReply[];
}

/** One cell. `v` is '' when empty; `f` a formula (its value is not computed). */
export interface FakeCell {
  v: string | number | boolean;
  f?: string;
  nf?: string;
  fill?: FakeFill | null;
  font?: Record<string, unknown>;
  format?: Record<string, unknown>;
  borders?: Record<string, Record<string, unknown>>;
  link?: Record<string, unknown>;
  note?: string;
  comment?: FakeComment;
}

/** A rectangle, 1-based inclusive (the same shape as the engine's merge ranges). */
export type Rect = MergeRange;

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Parses `A1`, `$A$1:C3`, `5:7`, `C:D`, optionally after `Sheet!` or `'It''s'!`; returns the sheet part too. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | undefined {
  let sheet: string | undefined;
  let body = address.trim();
  const bang = body.lastIndexOf('!');
  if (bang >= 0) {
    sheet = body.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    body = body.slice(bang + 1);
  }
  body = body.replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(body);
  if (m) {
    const l = columnNumber(m[1]!);
    const t = Number(m[2]);
    const r = m[3] ? columnNumber(m[3]) : l;
    const b = m[4] ? Number(m[4]) : t;
    const rect = { top: Math.min(t, b), left: Math.min(l, r), bottom: Math.max(t, b), right: Math.max(l, r) };
    if (rect.top < 1 || rect.bottom > MAX_ROWS || rect.left < 1 || rect.right > MAX_COLUMNS) return undefined;
    return { sheet, rect };
  }
  m = /^(\d+):(\d+)$/.exec(body);
  if (m) return { sheet, rect: { top: Number(m[1]), left: 1, bottom: Number(m[2]), right: MAX_COLUMNS } };
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(body);
  if (m)
    return {
      sheet,
      rect: { top: 1, left: columnNumber(m[1]!), bottom: MAX_ROWS, right: columnNumber(m[2]!) },
    };
  return undefined;
}

/** A sheet name as Excel writes it in addresses: quoted unless it is letters, digits and underscores. */
export function sheetRef(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

/** What typing a value does in Excel: text with `@` stays text; `'x` is text; `=…` (and `+…`/`-…` not numbers) become formulas. */
export function typedValue(
  raw: unknown,
  nf: string | undefined,
): { v: string | number | boolean; f?: string; nf?: string } {
  if (typeof raw === 'number' || typeof raw === 'boolean') return { v: raw };
  const s = String(raw);
  if (nf === '@') return { v: s };
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (s === '') return { v: '' };
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(s)) return { v: Number(s) };
  const pct = /^\s*([-+]?\d+\.?\d*)%\s*$/.exec(s);
  if (pct) return { v: Number(pct[1]) / 100, nf: nf ?? '0%' };
  if (/^(true|false)$/i.test(s)) return { v: /^true$/i.test(s) };
  if (s.startsWith('=')) return { v: '', f: s };
  if (/^[+-]/.test(s)) return { v: '', f: `=${s}` };
  return { v: s };
}

/** Where each cell object sits, per sheet (rebuilt after rows move); kept out of the saved workbook. */
const positions = new WeakMap<FakeSheetModel, Map<FakeCell, [number, number]>>();
/** Comment id → its sheet and cell, per workbook; kept out of the saved workbook. */
const commentIndex = new WeakMap<FakeBookModel, Map<string, { sheet: FakeSheetModel; cell: FakeCell }>>();

/** One worksheet of the fake. */
export class FakeSheetModel {
  rows: Array<Array<FakeCell | undefined> | undefined> = [];
  merges: Rect[] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  colWidths: Record<number, number> = {};
  rowHeights: Record<number, number> = {};
  freeze?: { rows: number; columns: number };
  pageLayout: Record<string, unknown> = {};
  pageBreaks: number[] = [];
  charts: Array<Record<string, unknown>> = [];
  conditionalFormats: Array<Record<string, unknown>> = [];

  constructor(
    public id: string,
    public name: string,
  ) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensure(row: number, column: number): FakeCell {
    let r = this.rows[row - 1];
    if (!r) r = this.rows[row - 1] = [];
    let c = r[column - 1];
    if (!c) c = r[column - 1] = { v: '' };
    return c;
  }

  /** Calls `fn` for every existing cell inside `rect` (sparse: whole columns cost nothing). */
  forEachCell(rect: Rect, fn: (cell: FakeCell, row: number, column: number) => void): void {
    const last = Math.min(rect.bottom, this.rows.length);
    for (let r = rect.top; r <= last; r++) {
      const row = this.rows[r - 1];
      if (!row) continue;
      const end = Math.min(rect.right, row.length);
      for (let c = rect.left; c <= end; c++) {
        const cell = row[c - 1];
        if (cell) fn(cell, r, c);
      }
    }
  }

  /** The used rectangle (of the sheet, or within `within`): cells with values, or anything unless valuesOnly. */
  used(valuesOnly: boolean, within?: Rect): Rect | null {
    let top = 0;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    const area = within ?? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
    this.forEachCell(area, (cell, r, c) => {
      if (valuesOnly && cell.v === '' && !cell.f) return;
      if (!top) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
    return top ? { top, left, bottom, right } : null;
  }

  /** Row and column of a cell object (cells move when rows are inserted or deleted). */
  positionOf(cell: FakeCell): [number, number] | undefined {
    let map = positions.get(this);
    if (!map || !map.has(cell)) {
      map = new Map();
      this.rows.forEach((row, i) => row?.forEach((c, j) => c && map!.set(c, [i + 1, j + 1])));
      positions.set(this, map);
    }
    return map.get(cell);
  }

  insertRows(at: number, count: number): void {
    positions.delete(this);
    while (this.rows.length < at - 1) this.rows.push(undefined);
    this.rows.splice(at - 1, 0, ...new Array<undefined>(count).fill(undefined));
    this.merges = this.merges.map((m) =>
      m.top >= at
        ? { ...m, top: m.top + count, bottom: m.bottom + count }
        : m.bottom >= at
          ? { ...m, bottom: m.bottom + count }
          : m,
    );
  }

  deleteRows(at: number, count: number): void {
    positions.delete(this);
    this.rows.splice(at - 1, count);
    const end = at + count - 1;
    this.merges = this.merges
      .filter((m) => !(m.top >= at && m.bottom <= end))
      .map((m) =>
        m.top > end
          ? { ...m, top: m.top - count, bottom: m.bottom - count }
          : m.bottom >= at
            ? { ...m, bottom: Math.max(at - 1, m.bottom - count) }
            : m,
      );
  }
}

/** A listener registered through `onChanged` (sheet-level, or collection-level when `sheetId` is undefined). */
export interface ChangeListener {
  sheetId?: string;
  handler: (event: Record<string, unknown>) => unknown;
}

/** The whole workbook of the fake. */
export class FakeBookModel {
  sheets: FakeSheetModel[] = [];
  settings: Record<string, unknown> = {};
  readOnly = false;
  structureProtected = false;
  activeId = '';
  selection?: { sheetId: string; address: string };
  nextId = 1;
  listeners: ChangeListener[] = [];

  newId(prefix: string): string {
    return `{${prefix}-${(this.nextId++).toString().padStart(6, '0')}}`;
  }

  byName(name: string): FakeSheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  byNameOrId(key: string): FakeSheetModel | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.byName(key);
  }

  /** A comment thread by id, with its sheet and cell (undefined once deleted or its sheet is gone). */
  findComment(id: string): { sheet: FakeSheetModel; cell: FakeCell; comment: FakeComment } | undefined {
    let index = commentIndex.get(this);
    if (!index) {
      index = new Map();
      for (const sheet of this.sheets)
        sheet.rows.forEach((row) =>
          row?.forEach((cell) => cell?.comment && index!.set(cell.comment.id, { sheet, cell })),
        );
      commentIndex.set(this, index);
    }
    const hit = index.get(id);
    if (!hit || hit.cell.comment?.id !== id || !this.sheets.includes(hit.sheet)) return undefined;
    return { ...hit, comment: hit.cell.comment };
  }

  /** Records a new comment thread in the index. */
  indexComment(sheet: FakeSheetModel, cell: FakeCell): void {
    if (!cell.comment) return;
    this.findComment('');
    commentIndex.get(this)!.set(cell.comment.id, { sheet, cell });
  }

  /** Comment threads of the workbook (or one sheet) in sheet, row, column order, with their cells. */
  comments(
    sheet?: FakeSheetModel,
  ): Array<{ sheet: FakeSheetModel; row: number; column: number; comment: FakeComment }> {
    const out: Array<{ sheet: FakeSheetModel; row: number; column: number; comment: FakeComment }> = [];
    for (const s of sheet ? [sheet] : this.sheets)
      s.rows.forEach((row, i) =>
        row?.forEach(
          (cell, j) =>
            cell?.comment && out.push({ sheet: s, row: i + 1, column: j + 1, comment: cell.comment }),
        ),
      );
    return out;
  }

  /** The workbook as JSON, everything included (hidden sheets, notes, comments, settings): "save". */
  toJSON(): unknown {
    return {
      sheets: this.sheets.map((s) => ({ ...s })),
      settings: this.settings,
      readOnly: this.readOnly,
      structureProtected: this.structureProtected,
      activeId: this.activeId,
      nextId: this.nextId,
    };
  }

  /** A workbook rebuilt from `toJSON()`: "reopen" (no listeners survive). */
  static fromJSON(data: unknown): FakeBookModel {
    const d = data as ReturnType<FakeBookModel['toJSON']> & {
      sheets: Array<
        Record<string, unknown> & { id: string; name: string; rows: Array<Array<FakeCell | null> | null> }
      >;
      settings: Record<string, unknown>;
      readOnly: boolean;
      structureProtected: boolean;
      activeId: string;
      nextId: number;
    };
    const book = new FakeBookModel();
    book.settings = d.settings;
    book.readOnly = d.readOnly;
    book.structureProtected = d.structureProtected;
    book.activeId = d.activeId;
    book.nextId = d.nextId;
    book.sheets = d.sheets.map((raw) => {
      const s = new FakeSheetModel(raw.id, raw.name);
      Object.assign(s, raw);
      // JSON turns holes into null: back to undefined, as a sparse sheet has them.
      s.rows = raw.rows.map((row) => (row ? row.map((c) => c ?? undefined) : undefined));
      return s;
    });
    return book;
  }
}
