import type { CellValue } from './grid';
import type { Finding } from './issue';
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
 * A rule: one module with an id, messages in every locale, a parser (text → typed value) and a check on the
 * typed value. Checks run only when parsing succeeded: one bad cell, one issue.
 */
export interface Rule<T = unknown> {
  id: string;
  messages: MessageTable;
  parse(input: CellInput, ctx: RuleContext): ParseResult<T>;
  check?(value: T, ctx: RuleContext): Finding[];
}

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
  if (!parsed.ok) return { findings: parsed.findings };
  const more = rule.check ? rule.check(parsed.value, ctx) : [];
  return { value: parsed.value, findings: [...parsed.findings, ...more] };
}
