import type { CellValue } from '../../src/core/grid';
import type { Finding } from '../../src/core/issue';
import { LOCALES } from '../../src/core/locale';
import { cellText } from '../../src/core/normalise';
import { resolveSettings } from '../../src/core/settings';
import { type Rule, type RuleContext, runRule } from '../../src/core/rule';

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
      if (e.params) expect(actual[i].params).toMatchObject(e.params);
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
