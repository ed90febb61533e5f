// A fake Excel for adapter tests that enforces Office.js rules: properties unreadable before load() + sync(),
// requests queued until sync(), 5 MB per request and per response, 8,192-character addresses, 5 million cells
// per read, at most 512 merged areas per call, requirement sets switched on and off, protected sheets.
// Plain TypeScript without Node or jest imports, so a browser test page can bundle it too.
/// <reference types="office-js" />
import { cellAddress } from '../../../src/core/grid';
import {
  FakeContext,
  type FakeCounters,
  type FakeHostState,
  newCounters,
  PAYLOAD_LIMIT,
} from './fake-excel-api';
import {
  type FakeCell,
  FakeBookModel,
  type FakeComment,
  FakeSheetModel,
  parseAddress,
  typedValue,
} from './fake-excel-model';

export { FakeOfficeError, PAYLOAD_LIMIT, type FakeCounters } from './fake-excel-api';

/** A sheet to start from: values from A1 (rows of cells), optional number formats, merges, fills, notes, comments. */
export interface FakeSheetInit {
  name: string;
  values?: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
  /** Number formats, same shape as values (null: General). */
  formats?: ReadonlyArray<ReadonlyArray<string | null>>;
  merges?: readonly string[];
  /** Address → #RRGGBB. */
  fills?: Readonly<Record<string, string>>;
  notes?: Readonly<Record<string, string>>;
  comments?: Readonly<Record<string, string>>;
  protected?: boolean;
}

/** A whole fake workbook. */
export interface FakeExcelInit {
  sheets: readonly FakeSheetInit[];
  /** Highest ExcelApi version supported, e.g. '1.18' (default) or '1.1'. */
  api?: string;
  readOnly?: boolean;
}

/** `Excel.run` as the adapter takes it. */
export type FakeRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const minorOf = (version: string) => Number(/^1\.(\d+)$/.exec(version)?.[1] ?? NaN);

/** The fake host: build it, hand `run` and `requirements` to the adapter, act as the user, inspect cells. */
export class FakeExcel {
  private readonly state: FakeHostState;

  constructor(init: FakeExcelInit | FakeBookModel) {
    const book = init instanceof FakeBookModel ? init : FakeExcel.build(init);
    this.state = {
      book,
      apiMinor: init instanceof FakeBookModel ? 18 : minorOf(init.api ?? '1.18'),
      counters: newCounters(),
    };
    if (!(init instanceof FakeBookModel) && init.readOnly) book.readOnly = true;
  }

  private static build(init: FakeExcelInit): FakeBookModel {
    const book = new FakeBookModel();
    for (const s of init.sheets) {
      const sheet = new FakeSheetModel(book.newId('sheet'), s.name);
      s.values?.forEach((row, i) =>
        row.forEach((v, j) => {
          const nf = s.formats?.[i]?.[j] ?? undefined;
          if (v === null || v === '') {
            if (nf) sheet.ensure(i + 1, j + 1).nf = nf;
            return;
          }
          const cell = sheet.ensure(i + 1, j + 1);
          // Initial text is stored as typed text (no formula parsing): it is what the file held.
          cell.v = v;
          if (nf) cell.nf = nf;
        }),
      );
      for (const m of s.merges ?? []) sheet.merges.push(parseAddress(m)!.rect);
      for (const [a, colour] of Object.entries(s.fills ?? {})) {
        const r = parseAddress(a)!.rect;
        sheet.ensure(r.top, r.left).fill = { color: colour.toUpperCase(), pattern: 'Solid', tint: 0 };
      }
      for (const [a, text] of Object.entries(s.notes ?? {})) {
        const r = parseAddress(a)!.rect;
        sheet.ensure(r.top, r.left).note = text;
      }
      for (const [a, text] of Object.entries(s.comments ?? {})) {
        const r = parseAddress(a)!.rect;
        sheet.ensure(r.top, r.left).comment = { id: book.newId('comment'), content: text, replies: [] };
      }
      sheet.protected = !!s.protected;
      book.sheets.push(sheet);
    }
    book.activeId = book.sheets[0]?.id ?? '';
    return book;
  }

  /** The workbook model (for tests that need more than the helpers below). */
  get book(): FakeBookModel {
    return this.state.book;
  }

  /** Switches requirement sets: ExcelApi 1.1 … `version` are on, higher ones off. */
  setApi(version: string): void {
    this.state.apiMinor = minorOf(version);
  }

  /** `Office.context.requirements.isSetSupported` of this host. */
  readonly requirements = (set: string, version: string): boolean =>
    set === 'ExcelApi' && minorOf(version) <= this.state.apiMinor;

  /** `Excel.run`: a new context per batch; what is still queued at the end is sent, as Excel does. */
  readonly run: FakeRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this.state);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending) await context.sync();
    return result;
  };

  /** Syncs, operations and payload bytes since the last reset. */
  get counters(): FakeCounters {
    return this.state.counters;
  }

  resetCounters(): void {
    this.state.counters = newCounters();
  }

  /** The payload limit enforced (5 MB). */
  readonly payloadLimit = PAYLOAD_LIMIT;

  private sheet(name: string): FakeSheetModel {
    const s = this.state.book.byName(name);
    if (!s) throw new Error(`No sheet ${name}`);
    return s;
  }

  private at(name: string, address: string): FakeCell | undefined {
    const r = parseAddress(address)!.rect;
    return this.sheet(name).cell(r.top, r.left);
  }

  /** Sheet names in tab order; `visibility` of each with `withVisibility`. */
  sheetNames(): string[] {
    return this.state.book.sheets.map((s) => s.name);
  }

  visibility(name: string): string {
    return this.sheet(name).visibility;
  }

  sheetId(name: string): string {
    return this.sheet(name).id;
  }

  value(sheet: string, address: string): string | number | boolean {
    return this.at(sheet, address)?.v ?? '';
  }

  formula(sheet: string, address: string): string | undefined {
    return this.at(sheet, address)?.f;
  }

  numberFormat(sheet: string, address: string): string {
    return this.at(sheet, address)?.nf ?? 'General';
  }

  /** Fill colour (#RRGGBB) or null for no fill. */
  fill(sheet: string, address: string): string | null {
    return this.at(sheet, address)?.fill?.color ?? null;
  }

  /** The full fill state (pattern and tint too), or null. */
  fillState(sheet: string, address: string): FakeCell['fill'] {
    return this.at(sheet, address)?.fill ?? null;
  }

  note(sheet: string, address: string): string | undefined {
    return this.at(sheet, address)?.note;
  }

  comment(sheet: string, address: string): FakeComment | undefined {
    return this.at(sheet, address)?.comment;
  }

  link(sheet: string, address: string): Record<string, unknown> | undefined {
    return this.at(sheet, address)?.link;
  }

  /** Every value and formula of a sheet, as text, for before/after comparisons. */
  snapshot(sheet: string): string {
    const s = this.sheet(sheet);
    const out: string[] = [];
    s.rows.forEach((row, i) =>
      row?.forEach(
        (c, j) =>
          c &&
          (c.v !== '' || c.f) &&
          out.push(`${cellAddress(i + 1, j + 1)}=${JSON.stringify(c.v)}${c.f ? c.f : ''}`),
      ),
    );
    return out.join('\n');
  }

  /** Every fill and note of a sheet, as text, for before/after comparisons. */
  decorations(sheet: string): string {
    const s = this.sheet(sheet);
    const out: string[] = [];
    s.rows.forEach((row, i) =>
      row?.forEach((c, j) => {
        if (!c) return;
        const bits = [
          c.fill ? `fill=${JSON.stringify(c.fill)}` : '',
          c.note !== undefined ? `note=${JSON.stringify(c.note)}` : '',
          c.comment ? `comment=${JSON.stringify(c.comment)}` : '',
        ].filter(Boolean);
        if (bits.length) out.push(`${cellAddress(i + 1, j + 1)} ${bits.join(' ')}`);
      }),
    );
    return out.join('\n');
  }

  /** The sheet model itself (merges, widths, page layout, charts…). */
  model(sheet: string): FakeSheetModel {
    return this.sheet(sheet);
  }

  private async emit(sheet: FakeSheetModel, address: string, changeType: string): Promise<void> {
    const event = { address, changeType, source: 'Local', type: 'WorksheetChanged', worksheetId: sheet.id };
    const calls = this.state.book.listeners
      .filter((l) => l.sheetId === undefined || l.sheetId === sheet.id)
      .map((l) => l.handler(event));
    await Promise.all(calls);
  }

  /** The user types a value (Excel's typing rules apply), then change handlers run. */
  async edit(sheet: string, address: string, value: string | number | boolean): Promise<void> {
    const s = this.sheet(sheet);
    const r = parseAddress(address)!.rect;
    const cell = s.ensure(r.top, r.left);
    const t = typedValue(value, cell.nf);
    cell.v = t.v;
    if (t.f) cell.f = t.f;
    else delete cell.f;
    if (t.nf) cell.nf = t.nf;
    await this.emit(s, address, 'RangeEdited');
  }

  /** The user edits a cell's note (null: deletes it), as in Excel's UI. */
  setNote(sheet: string, address: string, text: string | null): void {
    const r = parseAddress(address)!.rect;
    const cell = this.sheet(sheet).ensure(r.top, r.left);
    if (text === null) delete cell.note;
    else cell.note = text;
  }

  /** The user replies in the comment thread of a cell, as in Excel's UI. */
  addReply(sheet: string, address: string, text: string): void {
    const thread = this.comment(sheet, address);
    if (!thread) throw new Error(`no comment at ${sheet}!${address}`);
    thread.replies.push({ id: this.state.book.newId('reply'), content: text });
  }

  /** The user inserts whole rows at `at` (cells, fills, notes and comments below move down). */
  async insertRows(sheet: string, at: number, count: number): Promise<void> {
    const s = this.sheet(sheet);
    s.insertRows(at, count);
    await this.emit(s, `A${at}:XFD${at + count - 1}`, 'RowInserted');
  }

  /** The user deletes whole rows. */
  async deleteRows(sheet: string, at: number, count: number): Promise<void> {
    const s = this.sheet(sheet);
    s.deleteRows(at, count);
    await this.emit(s, `A${at}:XFD${at + count - 1}`, 'RowDeleted');
  }

  /** Rows inserted while the pane was closed: no events reach the adapter. */
  insertRowsSilently(sheet: string, at: number, count: number): void {
    this.sheet(sheet).insertRows(at, count);
  }

  renameSheet(from: string, to: string): void {
    this.sheet(from).name = to;
  }

  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.state.book.sheets = this.state.book.sheets.filter((x) => x !== s);
  }

  protect(sheet: string, on = true): void {
    this.sheet(sheet).protected = on;
  }

  setReadOnly(on = true): void {
    this.state.book.readOnly = on;
  }

  /** Change handlers registered now. */
  get listenerCount(): number {
    return this.state.book.listeners.length;
  }

  /** "Save": the workbook as a string, hidden sheets, notes, comments and settings included. */
  save(): string {
    return JSON.stringify(this.state.book.toJSON());
  }

  /** "Reopen" a saved workbook on a host of the given API level. */
  static open(saved: string, api = '1.18'): FakeExcel {
    const fake = new FakeExcel(FakeBookModel.fromJSON(JSON.parse(saved)));
    fake.setApi(api);
    return fake;
  }
}
