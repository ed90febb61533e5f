import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../../src/core/issue';
import { LOCALES, type Locale } from '../../src/core/locale';
import type { MessageTable } from '../../src/core/locale';
import type { CheckModule } from '../../src/core/rule';
import type { SheetSchema } from '../../src/core/schema';

/** Everything the registries hold, and the source they are read from: what `auditRegistry` checks. */
export interface Registry {
  rules: readonly CheckModule[];
  rowRules: readonly CheckModule[];
  fileChecks: readonly CheckModule[];
  /** Every check: the engine's own, then the three lists. */
  checks: readonly CheckModule[];
  schemas: readonly SheetSchema[];
  fieldLabels: Readonly<Record<string, Partial<Record<Locale, string>>>>;
  /** Message tables by check id, as the catalogue renders them. */
  tables: Readonly<Record<string, MessageTable>>;
  /** Default severity by code (`schemas/severities.ts`). */
  severities: Readonly<Record<string, Severity>>;
  /** What each `src/rules/<folder>/<folder>.rule.ts` exports. */
  ruleFolders: ReadonlyArray<{ folder: string; exports: Readonly<Record<string, unknown>> }>;
  /** The text of each `src/schemas/*.schema.ts`. */
  schemaFiles: ReadonlyArray<{ file: string; text: string }>;
  /** The text of every source file outside `src/rules` and `src/schemas`: where file checks are run. */
  sources: ReadonlyArray<{ file: string; text: string }>;
}

const isCheck = (v: unknown): v is CheckModule =>
  v !== null && typeof v === 'object' && 'id' in v && 'messages' in v && 'severities' in v;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

/** Reads the rule folders, the schema files and the other sources of `src`. */
export function readSources(src: string): Pick<Registry, 'ruleFolders' | 'schemaFiles' | 'sources'> {
  const ruleFolders = readdirSync(path.join(src, 'rules'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(src, 'rules', d.name, `${d.name}.rule.ts`)))
    .map((d) => ({
      folder: d.name,
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      exports: require(path.join(src, 'rules', d.name, `${d.name}.rule.ts`)) as Record<string, unknown>,
    }));
  const schemaFiles = readdirSync(path.join(src, 'schemas'))
    .filter((f) => f.endsWith('.schema.ts'))
    .map((file) => ({ file, text: readFileSync(path.join(src, 'schemas', file), 'utf8') }));
  const sources = walk(src)
    .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))
    .map((f) => path.relative(src, f))
    .filter((f) => !/^(rules|schemas)[\\/]/.test(f))
    .map((file) => ({ file, text: readFileSync(path.join(src, file), 'utf8') }));
  return { ruleFolders, schemaFiles, sources };
}

/**
 * Every way the registries disagree with the code, one sentence each (none when they are sound): a rule folder's
 * check not registered, a list not sorted, a rule no schema uses, a file check no code issues, a schema using an
 * unregistered rule, a field without a label, a schema file not registered, messages and grades that differ.
 */
export function auditRegistry(r: Registry): string[] {
  const problems: string[] = [];
  const registered = new Set<unknown>(r.checks);

  for (const { folder, exports } of r.ruleFolders) {
    const checks = Object.entries(exports).filter(([, v]) => isCheck(v));
    if (checks.length === 0) problems.push(`rules/${folder} exports no check`);
    for (const [name, check] of checks)
      if (!registered.has(check)) problems.push(`rules/${folder}: ${name} is not registered`);
  }

  for (const [list, checks] of [
    ['RULES', r.rules],
    ['ROW_RULES', r.rowRules],
    ['FILE_CHECKS', r.fileChecks],
  ] as const) {
    const ids = checks.map((c) => c.id);
    if (ids.join() !== [...new Set(ids)].sort().join())
      problems.push(`${list} is not sorted by id, each id once`);
  }

  const cellRules = new Set<unknown>(r.schemas.flatMap((s) => s.fields.map((f) => f.rule)));
  const rowRules = new Set<unknown>(r.schemas.flatMap((s) => (s.rowRules ?? []).map((u) => u.rule)));
  for (const rule of r.rules) if (!cellRules.has(rule)) problems.push(`rule ${rule.id} is used by no schema`);
  for (const rule of r.rowRules)
    if (!rowRules.has(rule)) problems.push(`row rule ${rule.id} is used by no schema`);
  for (const check of r.fileChecks) {
    // A file check decides its findings in its own module; the feature that runs it imports that module.
    const imported = new RegExp(`rules/${check.id}/${check.id}\\.rule['"]`);
    if (!r.sources.some((s) => imported.test(s.text)))
      problems.push(`file check ${check.id} is used by nothing`);
  }

  for (const schema of r.schemas) {
    for (const f of schema.fields) {
      if (f.rule && !registered.has(f.rule))
        problems.push(`${schema.kind}.${f.key}: rule ${f.rule.id} is not registered`);
      for (const locale of LOCALES)
        if (typeof r.fieldLabels[f.key]?.[locale] !== 'string')
          problems.push(`${schema.kind}.${f.key} has no label in ${locale}`);
    }
    for (const u of schema.rowRules ?? [])
      if (!registered.has(u.rule)) problems.push(`${schema.kind}: row rule ${u.rule.id} is not registered`);
  }

  const kinds = new Set(r.schemas.map((s) => s.kind));
  for (const { file, text } of r.schemaFiles) {
    const kind = /kind: '([\w-]+)'/.exec(text)?.[1];
    if (kind === undefined || !kinds.has(kind)) problems.push(`schemas/${file} is not registered`);
  }

  for (const check of r.checks) {
    const messages = Object.keys(check.messages['zh-CN']).sort().join();
    if (Object.keys(check.severities).sort().join() !== messages)
      problems.push(`${check.id} grades other messages than it declares`);
    if (r.tables[check.id] !== check.messages) problems.push(`${check.id} shares an id with other messages`);
    for (const [id, severity] of Object.entries(check.severities))
      if (r.severities[`${check.id}/${id}`] !== severity)
        problems.push(`${check.id}/${id} is graded otherwise by default`);
  }
  for (const code of Object.keys(r.severities)) {
    const [rule = '', id = ''] = code.split('/');
    for (const locale of LOCALES)
      if (typeof r.tables[rule]?.[locale]?.[id] !== 'string')
        problems.push(`${code} has no message in ${locale}`);
  }
  for (const [rule, table] of Object.entries(r.tables))
    if (Object.keys(table['en-US']).sort().join() !== Object.keys(table['zh-CN']).sort().join())
      problems.push(`${rule}: zh-CN and en-US have other message ids`);
  return problems;
}
