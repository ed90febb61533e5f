import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '../../src/core/locale';
import { RULES } from '../../src/rules';
import { CATALOGUE, SCHEMAS } from '../../src/schemas';
import { DEFAULT_SEVERITIES } from '../../src/schemas/severities';

const SRC = path.join(__dirname, '..', '..', 'src');

describe('registries', () => {
  test('every rule folder is registered in rules/index.ts', () => {
    const folders = readdirSync(path.join(SRC, 'rules'), { withFileTypes: true }).filter(
      (d) => d.isDirectory() && existsSync(path.join(SRC, 'rules', d.name, `${d.name}.rule.ts`)),
    );
    const tables = new Set(Object.values(CATALOGUE.tables));
    for (const d of folders) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(SRC, 'rules', d.name, `${d.name}.rule.ts`)) as Record<string, unknown>;
      const exported = Object.values(mod).filter(
        (v) => v && typeof v === 'object' && ('messages' in v || 'zh-CN' in v),
      );
      const registered = exported.some((v) =>
        tables.has(('messages' in (v as object) ? (v as { messages: never }).messages : v) as never),
      );
      expect({ folder: d.name, registered }).toEqual({ folder: d.name, registered: true });
    }
  });

  test('every rule is listed once, sorted by id', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  test('every schema file is registered in schemas/index.ts', () => {
    const files = readdirSync(path.join(SRC, 'schemas')).filter((f) => f.endsWith('.schema.ts'));
    const kinds = SCHEMAS.map((s) => s.kind);
    for (const f of files) {
      const kind = /kind: '([\w-]+)'/.exec(readFileSync(path.join(SRC, 'schemas', f), 'utf8'))?.[1];
      expect(kinds).toContain(kind);
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

  test('every message a check can emit is graded (no silent default severity)', () => {
    for (const [rule, table] of Object.entries(CATALOGUE.tables))
      for (const id of Object.keys(table['zh-CN']))
        expect(DEFAULT_SEVERITIES).toHaveProperty([`${rule}/${id}`]);
  });

  test('zh-CN and en-US tables have the same message ids', () => {
    for (const [rule, table] of Object.entries(CATALOGUE.tables))
      expect({ rule, ids: Object.keys(table['en-US']).sort() }).toEqual({
        rule,
        ids: Object.keys(table['zh-CN']).sort(),
      });
  });
});
