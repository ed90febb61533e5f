import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../../src/core/locale';
import { CHECKS, FILE_CHECKS, ROW_RULES, RULES } from '../../src/rules';
import { CATALOGUE, SCHEMAS } from '../../src/schemas';
import { FIELD_LABELS } from '../../src/schemas/field-labels';
import { DEFAULT_SEVERITIES } from '../../src/schemas/severities';

const SRC = path.join(__dirname, '..', '..', 'src');

describe('registries', () => {
  test('every check a rule folder exports is registered in rules/index.ts', () => {
    const folders = readdirSync(path.join(SRC, 'rules'), { withFileTypes: true }).filter(
      (d) => d.isDirectory() && existsSync(path.join(SRC, 'rules', d.name, `${d.name}.rule.ts`)),
    );
    const registered = new Set<unknown>(CHECKS);
    for (const d of folders) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(SRC, 'rules', d.name, `${d.name}.rule.ts`)) as Record<string, unknown>;
      const checks = Object.entries(mod).filter(
        ([, v]) => v !== null && typeof v === 'object' && 'id' in v && 'messages' in v && 'severities' in v,
      );
      expect({ folder: d.name, checks: checks.length > 0 }).toEqual({ folder: d.name, checks: true });
      for (const [name, check] of checks)
        expect({ folder: d.name, name, registered: registered.has(check) }).toEqual({
          folder: d.name,
          name,
          registered: true,
        });
    }
  });

  test('every list is sorted by id, each id once', () => {
    for (const list of [RULES, ROW_RULES, FILE_CHECKS]) {
      const ids = list.map((r) => r.id);
      expect(ids).toEqual([...new Set(ids)].sort());
    }
  });

  test('every rule is used by a schema (a rule no schema uses never runs)', () => {
    const cellRules = new Set(SCHEMAS.flatMap((s) => s.fields.map((f) => f.rule)));
    const rowRules = new Set(SCHEMAS.flatMap((s) => (s.rowRules ?? []).map((u) => u.rule)));
    for (const rule of RULES)
      expect({ rule: rule.id, used: cellRules.has(rule) }).toEqual({ rule: rule.id, used: true });
    for (const rule of ROW_RULES)
      expect({ rowRule: rule.id, used: rowRules.has(rule) }).toEqual({ rowRule: rule.id, used: true });
  });

  test('every rule a schema uses is registered', () => {
    const registered = new Set<unknown>(CHECKS);
    for (const schema of SCHEMAS) {
      for (const f of schema.fields)
        if (f.rule)
          expect({ field: f.key, registered: registered.has(f.rule) }).toEqual({
            field: f.key,
            registered: true,
          });
      for (const u of schema.rowRules ?? [])
        expect({ rowRule: u.rule.id, registered: registered.has(u.rule) }).toEqual({
          rowRule: u.rule.id,
          registered: true,
        });
    }
  });

  test('every field of every schema has a label in every locale', () => {
    for (const schema of SCHEMAS)
      for (const f of schema.fields)
        for (const locale of LOCALES)
          expect({
            kind: schema.kind,
            field: f.key,
            locale,
            label: FIELD_LABELS[f.key]?.[locale] ?? null,
          }).toEqual({
            kind: schema.kind,
            field: f.key,
            locale,
            label: expect.any(String),
          });
  });

  test('every schema file is registered in schemas/index.ts', () => {
    const files = readdirSync(path.join(SRC, 'schemas')).filter((f) => f.endsWith('.schema.ts'));
    const kinds = SCHEMAS.map((s) => s.kind);
    for (const f of files) {
      const kind = /kind: '([\w-]+)'/.exec(readFileSync(path.join(SRC, 'schemas', f), 'utf8'))?.[1];
      expect(kinds).toContain(kind);
    }
  });

  test('each check grades exactly the messages it declares', () => {
    for (const check of CHECKS)
      expect({ check: check.id, graded: Object.keys(check.severities).sort() }).toEqual({
        check: check.id,
        graded: Object.keys(check.messages['zh-CN']).sort(),
      });
  });

  test('checks that share an id share their messages and grades', () => {
    for (const check of CHECKS) {
      expect(CATALOGUE.tables[check.id]).toBe(check.messages);
      for (const [id, severity] of Object.entries(check.severities))
        expect({ code: `${check.id}/${id}`, severity }).toEqual({
          code: `${check.id}/${id}`,
          severity: DEFAULT_SEVERITIES[`${check.id}/${id}`],
        });
    }
  });

  test('every graded code has a message in every locale', () => {
    for (const code of Object.keys(DEFAULT_SEVERITIES)) {
      const [rule, id] = code.split('/');
      for (const locale of LOCALES)
        expect({ code, locale, text: CATALOGUE.tables[rule]?.[locale]?.[id] ?? null }).toEqual({
          code,
          locale,
          text: expect.any(String),
        });
    }
  });

  test('zh-CN and en-US tables have the same message ids', () => {
    for (const [rule, table] of Object.entries(CATALOGUE.tables))
      expect({ rule, ids: Object.keys(table['en-US']).sort() }).toEqual({
        rule,
        ids: Object.keys(table['zh-CN']).sort(),
      });
  });
});
