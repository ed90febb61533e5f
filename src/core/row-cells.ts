import type { CellValue, GridView, MergeRange } from './grid';
import type { HeaderMatch } from './header';
import { cellText } from './normalise';
import { type CellInput, type RuleContext, runRule } from './rule';
import type { CombinedColumnSpec, FieldSpec, RowFields } from './schema';

/** A rule's outcome on one cell. */
export type RuleResult = ReturnType<typeof runRule>;

/**
 * Where a field's text came from: the cell itself, a combined column, or another cell (a merged range's master, or
 * the value above meaning "same as above"). A borrowed value is checked once, where it is written.
 */
export type CellSource = 'own' | 'combined' | 'borrowed';

/**
 * One field's reading of one distinct cell content, shared by every row that holds it: lists repeat the same few
 * spellings (5%, 每年1次, 双随机抽查, 是) thousands of times, so the text is made and the rule run once per
 * spelling, not once per cell. Rules are pure functions of the cell, the field's options, the settings and the
 * row's 双随机 flag, so the outcome is kept per flag.
 */
export interface CellEntry {
  input: CellInput;
  /** A combined cell that is not blank but does not give this field: the whole cell's text. */
  absentFrom?: string;
  /** The rule's outcome when the row is not a 双随机 item, and when it is. */
  plain?: RuleResult;
  doubleRandom?: RuleResult;
}

/** Distinct contents remembered per field: a field of unique texts (item names) stops growing there. */
const MEMO_LIMIT = 5000;

/** A bounded memo of entries keyed on a raw value (or a text). */
class EntryMemo<K> {
  private readonly map = new Map<K, CellEntry>();
  get(key: K): CellEntry | undefined {
    return this.map.get(key);
  }
  keep(key: K, entry: CellEntry): CellEntry {
    if (this.map.size < MEMO_LIMIT) this.map.set(key, entry);
    return entry;
  }
}

/** How one field of the schema is read on every row of a sheet, decided once per sheet. */
class FieldPlan {
  /** Entries by raw value, for cells without a number format, and per number format. */
  private readonly byValue = new EntryMemo<CellValue>();
  private readonly byFormat = new Map<string, EntryMemo<CellValue>>();
  /** Entries made from a part of another field's cell (a ratio cell that also gives the frequency). */
  private readonly byPart = new EntryMemo<string>();

  constructor(
    readonly spec: FieldSpec,
    readonly column: number | undefined,
    /** The combined column spec when the field's column holds two fields. */
    readonly combined: CombinedColumnSpec | undefined,
    /** Per row offset: the merged range this row's cell follows (its master is elsewhere). */
    readonly followers: ReadonlyArray<MergeRange | undefined> | undefined,
  ) {}

  /** The entry of a cell content; the text is made only the first time a content is seen. */
  entry(value: CellValue, format: string | undefined): CellEntry {
    // Dates and error objects are distinct per cell: not remembered.
    const cacheable = typeof value !== 'object' || value === null;
    let memo = this.byValue;
    if (format !== undefined) {
      let m = this.byFormat.get(format);
      if (!m) this.byFormat.set(format, (m = new EntryMemo()));
      memo = m;
    }
    const hit = cacheable ? memo.get(value) : undefined;
    if (hit) return hit;
    const entry = this.make(value, format);
    return cacheable ? memo.keep(value, entry) : entry;
  }

  private make(value: CellValue, format: string | undefined): CellEntry {
    const text = cellText(value, format);
    if (!this.combined) return { input: { text, value, format } };
    const part = this.combined.split(text)[this.spec.key] ?? '';
    const entry: CellEntry = { input: { text: part, value: part === '' ? null : part } };
    if (part === '' && text !== '') entry.absentFrom = text;
    return entry;
  }

  /** The entry of a part of another field's cell. */
  part(text: string): CellEntry {
    return this.byPart.get(text) ?? this.byPart.keep(text, { input: { text, value: text } });
  }
}

/**
 * The fields of one data row, by field index: one record reused for every row of a sheet, so that a 50k-row sheet
 * makes no objects per row or per cell beyond the issues it finds.
 */
export class RowRecord implements RowFields {
  readonly entries: Array<CellEntry | undefined>;
  readonly sources: CellSource[];
  readonly columns: Array<number | undefined>;
  /** Parsed values (the text for fields without a rule); undefined when not parsed on this row. */
  readonly values: unknown[];

  constructor(
    /** Field key → index in the schema's fields. */
    readonly index: ReadonlyMap<string, number>,
    private readonly mapped: ReadonlyMap<string, number>,
  ) {
    const n = index.size;
    this.entries = new Array<CellEntry | undefined>(n).fill(undefined);
    this.sources = new Array<CellSource>(n).fill('own');
    this.columns = new Array<number | undefined>(n).fill(undefined);
    this.values = new Array<unknown>(n).fill(undefined);
  }

  clear(): void {
    this.entries.fill(undefined);
    this.values.fill(undefined);
  }

  text(field: string): string {
    const i = this.index.get(field);
    return i === undefined ? '' : (this.entries[i]?.input.text ?? '');
  }

  parsed<T>(field: string): T | undefined {
    const i = this.index.get(field);
    return i === undefined ? undefined : (this.values[i] as T | undefined);
  }

  has(field: string): boolean {
    return this.mapped.has(field);
  }

  /** True when the field is written in this row's own cell (not a merged range, the value above or a split). */
  own(field: string): boolean {
    return this.source(field) === 'own';
  }

  /** True when the field's value is another cell's: a merged range's master above, or the value above. */
  borrowed(field: string): boolean {
    return this.source(field) === 'borrowed';
  }

  /** Where a field's text came from on this row, or undefined when the row has no cell for it. */
  source(field: string): CellSource | undefined {
    const i = this.index.get(field);
    return i === undefined || this.entries[i] === undefined ? undefined : this.sources[i];
  }
}

/** The merged range each row of a column follows, by row offset from the sheet's first row. */
function followersOf(view: GridView, column: number): Array<MergeRange | undefined> | undefined {
  let out: Array<MergeRange | undefined> | undefined;
  for (const m of view.grid.merges) {
    if (column < m.left || column > m.right) continue;
    // Why a cap: a whole-column merge (A:A) reaches far below the last row.
    const bottom = Math.min(m.bottom, view.lastRow);
    for (let r = Math.max(m.top, view.firstRow); r <= bottom; r++) {
      if (r === m.top && column === m.left) continue;
      out ??= new Array<MergeRange | undefined>(view.lastRow - view.firstRow + 1).fill(undefined);
      out[r - view.firstRow] = m;
    }
  }
  return out;
}

/**
 * Reads the fields of data rows the way a person reads them: merged followers carry their master's value, a blank
 * under a group label means "same as above", a combined column gives each of its fields its part, and a ratio cell
 * that also gives the frequency (or the reverse) is split like a combined column.
 */
export class RowReader {
  readonly row: RowRecord;
  private readonly plans: FieldPlan[];
  /** The last entry with text per field, for "same as above". */
  private readonly lastSeen: Array<CellEntry | undefined>;
  private readonly splits = new Map<string, Record<string, string | undefined>>();

  constructor(
    private readonly view: GridView,
    header: HeaderMatch,
    private readonly fields: readonly FieldSpec[],
    private readonly combinedSpecs: readonly CombinedColumnSpec[],
  ) {
    const index = new Map(fields.map((f, i) => [f.key, i]));
    this.row = new RowRecord(index, header.columns);
    const followers = new Map<number, Array<MergeRange | undefined> | undefined>();
    this.plans = fields.map((spec) => {
      const column = header.columns.get(spec.key);
      if (column !== undefined && !followers.has(column)) followers.set(column, followersOf(view, column));
      return new FieldPlan(
        spec,
        column,
        column === undefined ? undefined : header.combined.get(column),
        column === undefined ? undefined : followers.get(column),
      );
    });
    this.lastSeen = new Array<CellEntry | undefined>(fields.length).fill(undefined);
  }

  /** Reads row `r` into `this.row`. */
  read(r: number): RowRecord {
    const { row, view } = this;
    row.clear();
    for (let i = 0; i < this.plans.length; i++) {
      const plan = this.plans[i];
      const column = plan.column;
      if (column === undefined) continue;
      let value = view.raw(r, column);
      let format = view.format(r, column);
      let source: CellSource = plan.combined ? 'combined' : 'own';
      const m = plan.followers?.[r - view.firstRow];
      if (m && (value === null || value === '')) {
        value = view.raw(m.top, m.left);
        format = view.format(m.top, m.left);
        source = 'borrowed';
      }
      let entry = plan.entry(value, format);
      if (entry.absentFrom === undefined && entry.input.text === '' && plan.spec.inheritBlank) {
        const above = this.lastSeen[i];
        if (above) {
          entry = above;
          source = 'borrowed';
        }
      }
      if (entry.input.text !== '') this.lastSeen[i] = entry;
      row.entries[i] = entry;
      row.sources[i] = source;
      row.columns[i] = column;
    }
    this.splitCombinedCells();
    return row;
  }

  /**
   * A ratio cell that also gives the frequency (25%,不少于1次/年), or a frequency cell that also gives the ratio
   * (1次/年 100%), is split like a combined column: each field keeps its own part, and a blank (or absent) partner
   * field takes the other part, located at the cell that holds it.
   */
  private splitCombinedCells(): void {
    const { row } = this;
    for (const spec of this.combinedSpecs) {
      for (const key of spec.fields) {
        const i = row.index.get(key);
        if (i === undefined) continue;
        const entry = row.entries[i];
        if (!entry || row.sources[i] === 'combined' || entry.input.text === '') continue;
        const text = entry.input.text;
        let parts = this.splits.get(text);
        if (!parts) {
          parts = spec.split(text);
          if (this.splits.size < MEMO_LIMIT) this.splits.set(text, parts);
        }
        if (spec.fields.some((f) => !parts![f])) continue;
        const source: CellSource = row.sources[i] === 'borrowed' ? 'borrowed' : 'combined';
        const column = row.columns[i];
        for (const field of spec.fields) {
          const j = row.index.get(field);
          if (j === undefined) continue;
          const own = row.entries[j];
          if (field !== key && own && own.input.text !== '') continue;
          row.entries[j] = this.plans[j].part(parts[field]!);
          row.sources[j] = source;
          row.columns[j] = column;
        }
      }
    }
  }

  /** The rule's outcome on a field's entry, run once per entry and 双随机 flag. */
  static outcome(spec: FieldSpec, entry: CellEntry, ctx: RuleContext): RuleResult {
    if (ctx.doubleRandom) return (entry.doubleRandom ??= runRule(spec.rule!, entry.input, ctx));
    return (entry.plain ??= runRule(spec.rule!, entry.input, ctx));
  }
}

/**
 * The first row of each combination of values (a duplicate check across rows): maps nested by value instead of one
 * joined string per row, so a 50k-row sheet makes no key strings; the last value is the outer level, the first
 * (the item name, the most varied) the inner one.
 */
export class FirstRows {
  private readonly root = new Map<string, unknown>();

  /** The first row seen with these values; when none was, `row` is recorded as the first and undefined returned. */
  firstOr(values: readonly string[], row: number): number | undefined {
    let map = this.root;
    for (let k = values.length - 1; k > 0; k--) {
      let next = map.get(values[k]) as Map<string, unknown> | undefined;
      if (!next) map.set(values[k], (next = new Map<string, unknown>()));
      map = next;
    }
    const first = map.get(values[0]) as number | undefined;
    if (first === undefined) map.set(values[0], row);
    return first;
  }
}
