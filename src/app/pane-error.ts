import type { Locale } from '../core/locale';
import { type ReportKey, rt } from './report-i18n';

/**
 * A problem with what the person chose (a sheet that is not a list, a file without a quota table), said in the
 * pane's language when shown: `errorText` calls `messageIn`.
 */
export class PaneError extends Error {
  constructor(
    readonly key: ReportKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(rt('en-US', key, params));
    this.name = 'PaneError';
  }

  messageIn(locale: Locale): string {
    return rt(locale, this.key, this.params);
  }
}
