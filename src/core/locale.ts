/** The UI languages: Chinese first, English second. */
export type Locale = 'zh-CN' | 'en-US';

/** All supported locales, default first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** Message templates of one rule: message id → template with `{param}` slots, for every locale. */
export type MessageTable = Record<Locale, Record<string, string>>;

/**
 * Fills `{name}` slots of a template from params; unknown slots are left as they are. A slot
 * `{name|one|other}` picks a word by the number in `name` (1 → `one`, else `other`): English plurals
 * ("1 error", "2 errors") without a plural library.
 */
export function fillTemplate(template: string, params: Record<string, string | number | undefined>): string {
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, key: string, one?: string, other?: string) => {
      const v = params[key];
      if (v === undefined) return whole;
      if (one !== undefined) return Number(v) === 1 ? one : (other ?? '');
      return String(v);
    },
  );
}

/** Picks a locale from a loose tag (zh, zh-cn, en, en-GB…); Chinese is the default. */
export function toLocale(tag: string | undefined): Locale {
  if (tag && /^en/i.test(tag)) return 'en-US';
  return 'zh-CN';
}

/**
 * Chinese sentences take full-width ，；： after Chinese text; message tables are typed with ASCII punctuation,
 * so it is converted when a zh-CN template is rendered (user text in params is never touched).
 */
export function localiseTemplate(template: string, locale: Locale): string {
  if (locale !== 'zh-CN') return template;
  const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：' };
  return template.replace(
    /([\u3400-\u9fff”）)}%"])([,;:])(?=\S)/g,
    (_, before: string, mark: string) => before + FULL[mark],
  );
}
