import type { CellValue, GridView, MergeRange } from './grid';
import type { HeaderMatch } from './header';
import { CellEntry, FieldEntries } from './cell-entry';
import type { CombinedColumnSpec, FieldSpec, RowFields } from './schema';

/**
 * Where a field's text came from: the cell itself, a combined column, or another cell (a merged range's master, or
 * the value above meaning "same as above"). A borrowed value is checked once, where it is written.
 */
export type CellSource = 'own' | 'combined' | 'borrowed';

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
    return i === undefined ? '' : (this.entries[i]?.text ?? '');
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

/**
 * The merged range each row of a column follows, by row offset from the sheet's first row; only rows from
 * `fromRow` on (the data below the header), and undefined when none of them follows one.
 */
function followersOf(
  view: GridView,
  column: number,
  fromRow: number,
): Array<MergeRange | undefined> | undefined {
  let out: Array<MergeRange | undefined> | undefined;
  const merges = view.grid.merges;
  for (let k = 0; k < merges.length; k++) {
    const m = merges[k]!;
    if (column < m.left || column > m.right) continue;
    // Why a cap: a whole-column merge (A:A) reaches far below the last row.
    const bottom = Math.min(m.bottom, view.lastRow);
    for (let r = Math.max(m.top, view.firstRow, fromRow); r <= bottom; r++) {
      if (r === m.top && column === m.left) continue;
      out ??= new Array<MergeRange | undefined>(view.lastRow - view.firstRow + 1).fill(undefined);
      out[r - view.firstRow] = m;
    }
  }
  return out;
}

/** How one field with a column is read on every row, decided once per sheet (one shape for every field). */
interface ColumnField {
  /** The field's index in the schema's fields. */
  index: number;
  /** 1-based column, and its index in a grid row. */
  column: number;
  at: number;
  combined: boolean;
  inheritBlank: boolean;
  /** Per row offset: the merged range this row's cell follows (its master is elsewhere). */
  followers: ReadonlyArray<MergeRange | undefined> | undefined;
  entries: FieldEntries;
}

/**
 * Reads the fields of data rows the way a person reads them: merged followers carry their master's value, a blank
 * under a group label means "same as above", a combined column gives each of its fields its part, and a ratio cell
 * that also gives the frequency (or the reverse) is split like a combined column.
 */
export class RowReader {
  readonly row: RowRecord;
  /** The fields that have a column: the others are never read. */
  private readonly mapped: ColumnField[];
  /** Every field's entries (a split cell may give a field the sheet has no column for). */
  private readonly entries: FieldEntries[];
  /** The last entry with text per field, for "same as above". */
  private readonly lastSeen: Array<CellEntry | undefined>;
  /** Each combined spec with the index of each of its fields (undefined where the schema has no such field). */
  private readonly splitters: Array<{ spec: CombinedColumnSpec; fields: Array<number | undefined> }>;

  constructor(
    private readonly view: GridView,
    header: HeaderMatch,
    fields: readonly FieldSpec[],
    combinedSpecs: readonly CombinedColumnSpec[],
  ) {
    const index = new Map(fields.map((f, i) => [f.key, i]));
    this.row = new RowRecord(index, header.columns);
    const followers = new Map<number, Array<MergeRange | undefined> | undefined>();
    this.entries = fields.map((spec) => {
      const column = header.columns.get(spec.key);
      const combined = column === undefined ? undefined : header.combined.get(column);
      return new FieldEntries(spec.key, combined, !!spec.inheritBlank);
    });
    this.mapped = [];
    fields.forEach((spec, i) => {
      const column = header.columns.get(spec.key);
      if (column === undefined) return;
      if (!followers.has(column)) followers.set(column, followersOf(view, column, header.lastRow + 1));
      this.mapped.push({
        index: i,
        column,
        at: column - view.firstColumn,
        combined: header.combined.has(column),
        inheritBlank: !!spec.inheritBlank,
        followers: followers.get(column),
        entries: this.entries[i]!,
      });
    });
    this.lastSeen = new Array<CellEntry | undefined>(fields.length).fill(undefined);
    this.splitters = combinedSpecs.map((spec) => ({ spec, fields: spec.fields.map((f) => index.get(f)) }));
  }

  /** Reads row `r` into `this.row`. */
  read(r: number): RowRecord {
    const { row, view, mapped } = this;
    row.clear();
    // The grid's own row arrays, read directly: two look-ups a cell instead of four calls.
    const offset = r - view.firstRow;
    const values = view.grid.values[offset];
    const formats = view.grid.numberFormats?.[offset];
    for (let k = 0; k < mapped.length; k++) {
      // Why index loops with `!` in the row loops: a for-of loop makes an iterator result per step until the code
      // is optimised, and most of a sheet is read before it is.
      const field = mapped[k]!;
      const i = field.index;
      let value: CellValue = values?.[field.at] ?? null;
      let format = formats?.[field.at] ?? undefined;
      let source: CellSource = field.combined ? 'combined' : 'own';
      const m = field.followers?.[offset];
      if (m && (value === null || value === '')) {
        value = view.raw(m.top, m.left);
        format = view.format(m.top, m.left);
        source = 'borrowed';
      }
      let entry = field.entries.entry(value, format);
      if (entry.absentFrom === undefined && entry.text === '' && field.inheritBlank) {
        const above = this.lastSeen[i];
        if (above) {
          entry = above;
          source = 'borrowed';
        }
      }
      if (entry.text !== '') this.lastSeen[i] = entry;
      row.entries[i] = entry;
      row.sources[i] = source;
      row.columns[i] = field.column;
    }
    if (this.splitters.length > 0) this.splitCombinedCells();
    return row;
  }

  /**
   * A ratio cell that also gives the frequency (25%,不少于1次/年), or a frequency cell that also gives the ratio
   * (1次/年 100%), is split like a combined column: each field keeps its own part, and a blank (or absent) partner
   * field takes the other part, located at the cell that holds it.
   */
  private splitCombinedCells(): void {
    const { row } = this;
    for (let s = 0; s < this.splitters.length; s++) {
      const { spec, fields } = this.splitters[s]!;
      for (let a = 0; a < fields.length; a++) {
        const i = fields[a];
        if (i === undefined) continue;
        const entry = row.entries[i];
        if (!entry || row.sources[i] === 'combined' || entry.text === '') continue;
        const parts = this.partsOf(entry, spec, fields);
        if (!parts) continue;
        const source: CellSource = row.sources[i] === 'borrowed' ? 'borrowed' : 'combined';
        const column = row.columns[i];
        for (let b = 0; b < fields.length; b++) {
          const j = fields[b];
          if (j === undefined) continue;
          const own = row.entries[j];
          if (j !== i && own && own.text !== '') continue;
          row.entries[j] = parts[j];
          row.sources[j] = source;
          row.columns[j] = column;
        }
      }
    }
  }

  /**
   * The part entries of a cell that gives every field of a combined spec (by field index), or null; kept on the
   * entry, so that a repeated cell is split once.
   */
  private partsOf(
    entry: CellEntry,
    spec: CombinedColumnSpec,
    fields: ReadonlyArray<number | undefined>,
  ): Array<CellEntry | undefined> | null {
    if (entry.splitOf !== spec) {
      entry.parts = splitParts(entry.text, spec, fields, this.entries);
      entry.splitOf = spec;
    }
    return entry.parts;
  }
}

/**
 * The part entries of a text split by a combined spec, by field index, or null when the text does not give every
 * field. (Apart from `partsOf` because of its closures: a function holding closures makes an object on every call.)
 */
function splitParts(
  text: string,
  spec: CombinedColumnSpec,
  fields: ReadonlyArray<number | undefined>,
  entries: readonly FieldEntries[],
): Array<CellEntry | undefined> | null {
  const split = spec.split(text);
  if (!spec.fields.every((f) => split[f])) return null;
  const parts: Array<CellEntry | undefined> = [];
  spec.fields.forEach((f, k) => {
    const j = fields[k];
    if (j !== undefined) parts[j] = entries[j]!.part(split[f]!);
  });
  return parts;
}
