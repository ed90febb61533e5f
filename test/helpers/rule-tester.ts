import type { CellValue } from '../../src/core/grid';
import type { Finding } from '../../src/core/issue';
import { LOCALES } from '../../src/core/locale';
import { cellText } from '../../src/core/normalise';
import { resolveSettings } from '../../src/core/settings';
import {
  type Rule,
  type RuleContext,
  type RowFields,
  type RowFinding,
  type RowRule,
  runRule,
} from '../../src/core/rule';

/** One table row: a cell (text or raw value with a number format) and what the rule must say of it. */
export interface RuleCase {
  /** The cell as typed (a string) or as a host gives it (a number with a format, a date…). */
  cell: CellValue;
  format?: string;
  ctx?: Partial<RuleContext>;
  /** Expected parsed value (checked with toEqual when given). */
  value?: unknown;
  /** Expected findings, by id and (when given) params; `[]` for none. */
  findings?: Array<{ id: string; params?: Record<string, string | number> }>;
}

/** Runs a rule over valid and invalid tables, asserting ids and params, never message text. */
export function testRule<T>(rule: Rule<T>, tables: { valid: RuleCase[]; invalid: RuleCase[] }): void {
  const run = (c: RuleCase) => {
    const ctx: RuleContext = { settings: resolveSettings(), ...c.ctx };
    const input = { text: cellText(c.cell, c.format), value: c.cell, format: c.format };
    return runRule(rule, input, ctx);
  };
  const label = (c: RuleCase) => `${JSON.stringify(c.cell)}${c.format ? ` [${c.format}]` : ''}`;
  const match = (actual: Finding[], expected: NonNullable<RuleCase['findings']>) => {
    expect(actual.map((f) => f.id)).toEqual(expected.map((f) => f.id));
    expected.forEach((e, i) => {
      if (e.params) expect(actual[i]!.params).toMatchObject(e.params);
    });
  };

  describe(`rule ${rule.id}`, () => {
    describe('valid', () => {
      for (const c of tables.valid) {
        test(label(c), () => {
          const r = run(c);
          if (c.value !== undefined) expect(r.value).toEqual(c.value);
          expect(r.value).not.toBeUndefined();
          match(r.findings, c.findings ?? []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of tables.invalid) {
        test(label(c), () => {
          const r = run(c);
          expect(r.findings.length).toBeGreaterThan(0);
          if (c.findings) match(r.findings, c.findings);
        });
      }
    });
    test('every finding id has a message in every locale', () => {
      const ids = new Set<string>();
      for (const c of [...tables.valid, ...tables.invalid]) for (const f of run(c).findings) ids.add(f.id);
      for (const id of ids) for (const locale of LOCALES) expect(rule.messages[locale][id]).toBeTruthy();
    });
  });
}

/** One data row as a row rule sees it: field texts, parsed values, and fields not written in the row's own cell. */
export interface RowCase {
  texts: Record<string, string>;
  /** Parsed values where they differ from the text (undefined: the field's rule refused it or it is blank). */
  parsed?: Record<string, unknown>;
  borrowed?: readonly string[];
}

/** Runs one pass of a row rule over rows numbered from `first`; returns each finding with its row. */
export function runRowRule<O>(
  rule: RowRule<O>,
  options: O,
  rows: readonly RowCase[],
  first = 2,
): Array<RowFinding & { row: number }> {
  const next = rule.start(options);
  return rows.flatMap((c, i) => {
    const fields: RowFields = {
      text: (f) => c.texts[f] ?? '',
      parsed: <T>(f: string) => (c.parsed && f in c.parsed ? c.parsed[f] : c.texts[f]) as T | undefined,
      has: (f) => f in c.texts,
      own: (f) => f in c.texts && !c.borrowed?.includes(f),
      borrowed: (f) => !!c.borrowed?.includes(f),
    };
    return next(fields, first + i).map((f) => ({ ...f, row: first + i }));
  });
}
