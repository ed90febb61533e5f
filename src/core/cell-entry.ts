import type { CellValue } from './grid';
import { BoundedMemo } from './memo';
import { cellText } from './normalise';
import { type CellInput, type Rule, type RuleContext, runRule } from './rule';
import type { CombinedColumnSpec } from './schema';

/** A rule's outcome on one cell. */
export type RuleResult = ReturnType<typeof runRule>;

/**
 * One field's reading of one distinct cell content, shared by every row that holds it: lists repeat the same few
 * spellings (5%, 每年1次, 双随机抽查, 是) thousands of times, so the text is made and the rule run once per
 * spelling, not once per cell. Rules are pure functions of the cell, the field's options, the settings and the
 * row's 双随机 flag, so the outcome is kept per flag. The entry is itself the rule's input.
 */
export class CellEntry implements CellInput {
  // Why a class with every property set in the constructor: all entries share one shape, so that reading them on
  // every cell stays a fixed-offset load instead of a look-up through many shapes.
  /** A combined cell that is not blank but does not give this field: the whole cell's text. */
  absentFrom: string | undefined = undefined;
  /** The rule's outcome when the row is not a 双随机 item, and when it is. */
  plain: RuleResult | undefined = undefined;
  doubleRandom: RuleResult | undefined = undefined;
  /**
   * The cell split as `splitOf` splits it (a ratio cell that also gives the frequency): each field's part entry by
   * field index, or null when the cell does not give every field.
   */
  splitOf: CombinedColumnSpec | undefined = undefined;
  parts: Array<CellEntry | undefined> | null = null;

  constructor(
    public text: string,
    public value: CellValue,
    public format: string | undefined,
  ) {}

  /** Makes this entry another content's, forgetting what was known of the former. */
  reset(text: string, value: CellValue, format: string | undefined): this {
    this.text = text;
    this.value = value;
    this.format = format;
    this.absentFrom = undefined;
    this.plain = this.doubleRandom = undefined;
    this.splitOf = undefined;
    this.parts = null;
    return this;
  }

  /** The rule's outcome on this entry, run once per 双随机 flag. */
  outcome(rule: Rule, ctx: RuleContext): RuleResult {
    if (ctx.doubleRandom) return (this.doubleRandom ??= runRule(rule, this, ctx));
    return (this.plain ??= runRule(rule, this, ctx));
  }
}

/** How one field's cells become entries on every row of a sheet: memos by raw value, decided once per sheet. */
export class FieldEntries {
  /** Entries by raw value, for cells without a number format, and per number format. */
  private readonly byValue = new BoundedMemo<CellValue, CellEntry>();
  private readonly byFormat = new Map<string, BoundedMemo<CellValue, CellEntry>>();
  /** Entries made from a part of another field's cell (a ratio cell that also gives the frequency). */
  private readonly byPart = new BoundedMemo<string, CellEntry>();
  // The last content seen and its entry: a column often repeats the cell above (是, 双随机抽查), and comparing with
  // it is cheaper than looking the content up. Never a date or an error (distinct per cell).
  private lastValue: CellValue | undefined = undefined;
  private lastFormat: string | undefined = undefined;
  private lastEntry: CellEntry | undefined = undefined;
  /**
   * One entry rewritten for every content once the memo stopped looking up (a column of unique names): no object
   * per cell. Only where nothing keeps an entry beyond its row, that is, not for "same as above" fields.
   */
  private readonly scratch: CellEntry | undefined;

  constructor(
    readonly key: string,
    /** The combined column spec when the field's column holds two fields. */
    private readonly combined: CombinedColumnSpec | undefined,
    keptBeyondRow: boolean,
  ) {
    this.scratch = keptBeyondRow ? undefined : new CellEntry('', null, undefined);
  }

  /** The entry of a cell content; the text is made only the first time a content is seen. */
  entry(value: CellValue, format: string | undefined): CellEntry {
    if (value === this.lastValue && format === this.lastFormat) return this.lastEntry!;
    // Dates and error objects are distinct per cell: not remembered.
    const cacheable = typeof value !== 'object' || value === null;
    const entry = this.lookUp(value, format, cacheable);
    this.lastValue = cacheable ? value : undefined;
    this.lastFormat = format;
    this.lastEntry = entry;
    return entry;
  }

  private lookUp(value: CellValue, format: string | undefined, cacheable: boolean): CellEntry {
    let memo = this.byValue;
    if (format !== undefined) {
      let m = this.byFormat.get(format);
      if (!m) this.byFormat.set(format, (m = new BoundedMemo()));
      memo = m;
    }
    if (!cacheable) return this.make(value, format, undefined);
    const hit = memo.get(value);
    if (hit) return hit;
    if (memo.closed && this.scratch) return this.make(value, format, this.scratch);
    return memo.keep(value, this.make(value, format, undefined));
  }

  private make(value: CellValue, format: string | undefined, into: CellEntry | undefined): CellEntry {
    const text = cellText(value, format);
    if (!this.combined) return into ? into.reset(text, value, format) : new CellEntry(text, value, format);
    const part = this.combined.split(text)[this.key] ?? '';
    const partValue = part === '' ? null : part;
    const entry = into ? into.reset(part, partValue, undefined) : new CellEntry(part, partValue, undefined);
    if (part === '' && text !== '') entry.absentFrom = text;
    return entry;
  }

  /** The entry of a part of another field's cell. */
  part(text: string): CellEntry {
    return this.byPart.get(text) ?? this.byPart.keep(text, new CellEntry(text, text, undefined));
  }
}
