import type { CellValue } from './grid';
import type { Finding, Issue, Severity } from './issue';
import type { MessageTable } from './locale';
import type { Settings } from './settings';

/** One cell as a rule sees it: normalised text plus the raw value and number format. */
export interface CellInput {
  /** Normalised cell text (see `cellText`): half-width, trimmed, 0.05 with a % format reads "5%". */
  text: string;
  value: CellValue;
  format?: string;
}

/** What a rule knows besides the cell: settings, rule options from the schema, and facts about the row. */
export interface RuleContext {
  settings: Settings;
  /** Options the schema passes to this rule for this field (e.g. allowed values of an enum). */
  options?: Readonly<Record<string, unknown>>;
  /** True when the row is a 双随机 item (是否纳入双随机 = 是, or its method says 双随机). */
  doubleRandom?: boolean;
}

/** The outcome of parsing: a typed value (possibly with notes) or failure findings. */
export type ParseResult<T> = { ok: true; value: T; findings: Finding[] } | { ok: false; findings: Finding[] };

/**
 * What every check declares about itself: its id (the first half of an issue code), its messages in every locale
 * and the default severity of each message. `schemas/severities.ts` is derived from these; a schema or the
 * user's settings may override any code.
 */
export interface CheckModule {
  id: string;
  messages: MessageTable;
  /** Message id → default severity; one entry per message. */
  severities: Readonly<Record<string, Severity>>;
}

/**
 * A cell rule: one module with an id, messages in every locale, a parser (text → typed value) and a check on the
 * typed value. Checks run only when parsing succeeded: one bad cell, one issue.
 */
export interface Rule<T = unknown> extends CheckModule {
  parse(input: CellInput, ctx: RuleContext): ParseResult<T>;
  check?(value: T, ctx: RuleContext): Finding[];
}

/** Values of one data row, by field key, after merges and combined columns are resolved. */
export interface RowFields {
  /** Normalised text of a field ('' when blank or absent). */
  text(field: string): string;
  /** The parsed value of a field when its rule parsed it. */
  parsed<T = unknown>(field: string): T | undefined;
  /** True when the sheet has a column for the field. */
  has(field: string): boolean;
  /** True when the field is written in this row's own cell (not a merged range, the value above or a split). */
  own(field: string): boolean;
  /** True when the field's value is another cell's: a merged range's master above, or the value above. */
  borrowed(field: string): boolean;
}

/** A finding placed on a field of a row, from a check across rows or fields. */
export interface RowFinding extends Finding {
  field: string;
  /** The value the issue quotes, when it is not the field's text on the row. */
  received?: string;
}

/**
 * A check across the rows or the fields of one sheet (a duplicate, a sequence, two fields that contradict each
 * other). The engine starts one pass per sheet with the options the schema gives, then hands it every data row
 * in order, after the row's fields were parsed; findings on rows outside a partial re-check are dropped.
 */
export interface RowRule<O> extends CheckModule {
  start(options: O): RowChecker;
}

/** One pass of a row rule over one sheet: called once per data row, in order. */
export type RowChecker = (row: RowFields, rowNumber: number) => readonly RowFinding[];

/** A row rule as a schema uses it: the rule, and how to start a pass with the schema's options. */
export interface RowRuleUse {
  rule: CheckModule;
  start(): RowChecker;
}

/** A schema's use of a row rule with its options (checked against the rule's option type). */
export function useRowRule<O>(rule: RowRule<O>, options: O): RowRuleUse {
  return { rule, start: () => rule.start(options) };
}

/** No findings (shared, so that a row rule allocates nothing on a clean row). */
export const NO_FINDINGS: readonly RowFinding[] = [];

/** A successful parse. */
export function ok<T>(value: T, ...findings: Finding[]): ParseResult<T> {
  return { ok: true, value, findings };
}

/** A failed parse with one finding. */
export function fail<T>(id: string, params?: Record<string, string | number>): ParseResult<T> {
  return { ok: false, findings: [{ id, params }] };
}

/** Runs a rule's parse and, on success, its check; returns every finding. */
export function runRule<T>(
  rule: Rule<T>,
  input: CellInput,
  ctx: RuleContext,
): { value?: T; findings: Finding[] } {
  const parsed = rule.parse(input, ctx);
  // Both outcomes have the same two properties (one shape for callers that keep many of them).
  if (!parsed.ok) return { value: undefined, findings: parsed.findings };
  const more = rule.check ? rule.check(parsed.value, ctx) : [];
  return {
    value: parsed.value,
    findings: more.length === 0 ? parsed.findings : [...parsed.findings, ...more],
  };
}

/** Where a check across files places a finding: the sheet, and the row, column, field and quoted text when known. */
export type Place = Pick<Issue, 'sheet' | 'row' | 'column' | 'field' | 'received'>;

/**
 * What a check across files decides (the adjustment comparison, the review desk, the tally): an issue without
 * its grade. The feature that ran the check names the file and grades it from the settings.
 */
export type FileFinding = Omit<Issue, 'severity'>;

/** A file check's finding at a place; a row, column, field or quoted text that is undefined is left out. */
export function fileFinding(code: string, at: Place, params: Record<string, string | number>): FileFinding {
  const finding: FileFinding = { code, sheet: at.sheet, params };
  if (at.row !== undefined) finding.row = at.row;
  if (at.column !== undefined) finding.column = at.column;
  if (at.field !== undefined) finding.field = at.field;
  if (at.received !== undefined) finding.received = at.received;
  return finding;
}
