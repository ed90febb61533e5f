import type { Locale } from '../../core/locale';
import type { EtApplication } from './et-model';

/** `MsoAppLanguageID.msoLanguageIDUI`: the language of WPS's user interface. */
export const MSO_LANGUAGE_ID_UI = 2;

/** Primary language of a Windows language id (LCID, its low 10 bits): 0x04 Chinese, 0x09 English. */
const PRIMARY_ENGLISH = 0x09;

/** The locale of a language id: English of any country is en-US; any other language is zh-CN. */
export function localeOfLanguageId(id: number): Locale {
  return (id & 0x3ff) === PRIMARY_ENGLISH ? 'en-US' : 'zh-CN';
}

/**
 * The language WPS shows its menus in, as one of our locales: `Application.LanguageSettings.LanguageID(2)`
 * (msoLanguageIDUI), a language id such as 2052 (简体中文) or 1033 (English). zh-CN whenever WPS does not say:
 * an older WPS without `LanguageSettings`, a call that fails, a value that is no language id. Never throws.
 *
 * Why not `navigator.language` of the web view: the WPS documentation says nothing of what its embedded browser
 * reports, and an embedded Chromium left unset reports en-US, which would show English to a Chinese clerk.
 */
export function wpsLocale(app: EtApplication | undefined): Locale {
  try {
    const id = Number(app?.LanguageSettings?.LanguageID(MSO_LANGUAGE_ID_UI));
    if (Number.isInteger(id) && id > 0) return localeOfLanguageId(id);
  } catch {
    // A WPS without the property (or whose bridge refuses it): the add-in speaks Chinese.
  }
  return 'zh-CN';
}
