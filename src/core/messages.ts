import type { Issue } from './issue';
import { fillTemplate, localiseTemplate, type Locale, type MessageTable } from './locale';
import type { CheckModule } from './rule';

/**
 * The engine's own checks: a sheet without an expected column (or a column whose content is not what its header
 * says), a sheet without data rows, and a blank required field
 * (which fields are required is the schema's to say, per field or per row).
 */
export const ENGINE_CHECKS: readonly CheckModule[] = [
  {
    id: 'header',
    messages: {
      'zh-CN': {
        'missing-column': '表头中没有"{fieldLabel}"列;请补充该列或在表头中使用常见名称(如 {synonyms})',
        'content-mismatch':
          '“{label}”列的内容(如“{sample}”)不是“{fieldLabel}”,未按该字段检查;如确为该字段,请在“更正表头与列”中指定',
      },
      'en-US': {
        'missing-column':
          'The header has no "{fieldLabel}" column; add it or use a common name such as {synonyms}',
        'content-mismatch':
          'The "{label}" column holds no "{fieldLabel}" (e.g. "{sample}") and is not checked as one; if it is, map it by hand',
      },
    },
    severities: { 'missing-column': 'warning', 'content-mismatch': 'info' },
  },
  {
    id: 'required',
    messages: {
      'zh-CN': { missing: '“{field}”为必填项,不能为空' },
      'en-US': { missing: '"{field}" is required and must not be empty' },
    },
    severities: { missing: 'error' },
  },
  {
    id: 'sheet',
    messages: {
      'zh-CN': { 'no-data': '表头下方没有数据行;请在表头下填写清单事项' },
      'en-US': { 'no-data': 'There are no data rows below the header; list the items under the header' },
    },
    severities: { 'no-data': 'warning' },
  },
];

/** About how many characters of a quoted cell value a message shows (a cell may hold 32,767). */
export const QUOTE_LIMIT = 200;

/**
 * A value as a message quotes it: whole when short; else its first `QUOTE_LIMIT` characters (whole code points),
 * an ellipsis and the full length, so that a 50,000-character cell is neither printed whole nor copied into a note.
 */
export function quoteValue(text: string, locale: Locale): string {
  if (text.length <= QUOTE_LIMIT) return text;
  const head = Array.from(text.slice(0, QUOTE_LIMIT + 1))
    .slice(0, QUOTE_LIMIT)
    .join('');
  const length = Array.from(text).length;
  return locale === 'zh-CN' ? `${head}…(共 ${length} 字)` : `${head}… (${length} characters)`;
}

/** Params that hold file paths: never cut. */
export const PATH_KEYS: readonly string[] = ['file', 'path', 'target', 'parent', 'written'];

/** Params with every string value cut as `quoteValue` does, except the keys named (file paths, labels). */
export function quoteParams<T extends Record<string, string | number | undefined>>(
  params: T,
  locale: Locale,
  keep: readonly string[] = [],
): T {
  const out: Record<string, string | number | undefined> = { ...params };
  for (const [k, v] of Object.entries(out))
    if (typeof v === 'string' && v.length > QUOTE_LIMIT && !keep.includes(k)) out[k] = quoteValue(v, locale);
  return out as T;
}

/** Everything needed to render issues: message tables by rule id and field labels by key. */
export interface MessageCatalogue {
  tables: Readonly<Record<string, MessageTable>>;
  fieldLabels: Readonly<Record<string, Record<Locale, string>>>;
}

/**
 * Renders an issue's sentence in a locale. Params may name fields (`field`): they are shown by their label.
 * An unknown code renders as the code itself, so a missing table is visible rather than silent.
 */
export function formatIssue(issue: Issue, locale: Locale, catalogue: MessageCatalogue): string {
  const slash = issue.code.indexOf('/');
  const ruleId = issue.code.slice(0, slash);
  const messageId = issue.code.slice(slash + 1);
  const template = catalogue.tables[ruleId]?.[locale]?.[messageId];
  if (!template) return issue.code;
  const label = (key: string | number | undefined) =>
    key === undefined ? undefined : (catalogue.fieldLabels[String(key)]?.[locale] ?? String(key));
  const params: Record<string, string | number | undefined> = {
    ...quoteParams({ received: issue.received, ...issue.params }, locale),
    field: label(issue.params.field),
    fieldLabel: label(issue.params.field ?? issue.field),
  };
  return fillTemplate(localiseTemplate(template, locale), params);
}
