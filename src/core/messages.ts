import type { Issue } from './issue';
import { fillTemplate, localiseTemplate, type Locale, type MessageTable } from './locale';

/** Messages of the engine itself: header and sheet findings. */
export const ENGINE_MESSAGES: Record<'header' | 'sheet', MessageTable> = {
  header: {
    'zh-CN': {
      'missing-column': '表头中没有"{fieldLabel}"列;请补充该列或在表头中使用常见名称(如 {synonyms})',
    },
    'en-US': {
      'missing-column':
        'The header has no "{fieldLabel}" column; add it or use a common name such as {synonyms}',
    },
  },
  sheet: {
    'zh-CN': { 'no-data': '表头下方没有数据行;请在表头下填写清单事项' },
    'en-US': { 'no-data': 'There are no data rows below the header; list the items under the header' },
  },
};

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
    received: issue.received,
    ...issue.params,
    field: label(issue.params.field),
    fieldLabel: label(issue.params.field ?? issue.field),
  };
  return fillTemplate(localiseTemplate(template, locale), params);
}
