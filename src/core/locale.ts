/** The UI languages: Chinese first, English second. */
export type Locale = 'zh-CN' | 'en-US';

/** All supported locales, default first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** Message templates of one rule: message id → template with `{param}` slots, for every locale. */
export type MessageTable = Record<Locale, Record<string, string>>;

/** Fills `{name}` slots of a template from params; unknown slots are left as they are. */
export function fillTemplate(template: string, params: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    return v === undefined ? whole : String(v);
  });
}

/** Picks a locale from a loose tag (zh, zh-cn, en, en-GB…); Chinese is the default. */
export function toLocale(tag: string | undefined): Locale {
  if (tag && /^en/i.test(tag)) return 'en-US';
  return 'zh-CN';
}
