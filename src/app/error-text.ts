import type { Locale } from '../core/locale';

/**
 * A failure as a person should read it, in the pane's language: adapter and file errors carry their sentence in
 * every locale (`messageIn`); anything else shows its message.
 */
export function errorText(e: unknown, locale: Locale): string {
  const localised = e as { messageIn?: (l: Locale) => string } | null;
  if (localised && typeof localised.messageIn === 'function') return localised.messageIn(locale);
  if (e instanceof Error) return e.message;
  return String(e);
}
