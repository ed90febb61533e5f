import type { Locale } from '../../../src/core/locale';
import { type EtApplication, wpsLocale } from '../../../src/hosts/wps';
import { checklistSheet } from './checklist-sheet';
import { FakeEt, type FakeEtOptions } from './fake-et';

const appWith = (options: Partial<FakeEtOptions>): EtApplication =>
  new FakeEt({ sheets: [checklistSheet('清单', 3)], ...options }).app as EtApplication;

describe('the language WPS shows its menus in', () => {
  test.each<[string, Partial<FakeEtOptions>, Locale]>([
    ['简体中文 (2052)', { uiLanguage: 2052 }, 'zh-CN'],
    ['English, United States (1033)', { uiLanguage: 1033 }, 'en-US'],
    ['English, United Kingdom (2057)', { uiLanguage: 2057 }, 'en-US'],
    ['繁體中文, Hong Kong (3076)', { uiLanguage: 3076 }, 'zh-CN'],
    ['繁體中文, Taiwan (1028)', { uiLanguage: 1028 }, 'zh-CN'],
    ['a language the add-in has no texts in (French, 1036): Chinese', { uiLanguage: 1036 }, 'zh-CN'],
    ['a language id handed back as text', { uiLanguage: '1033' }, 'en-US'],
    ['a WPS without LanguageSettings', {}, 'zh-CN'],
    ['LanguageID that fails', { uiLanguage: 'throws' }, 'zh-CN'],
    ['no answer', { uiLanguage: undefined }, 'zh-CN'],
    ['null', { uiLanguage: null }, 'zh-CN'],
    ['zero', { uiLanguage: 0 }, 'zh-CN'],
    ['text that is no language id', { uiLanguage: 'English' }, 'zh-CN'],
    ['a fraction', { uiLanguage: 1033.5 }, 'zh-CN'],
  ])('%s', (_, options, locale) => {
    expect(wpsLocale(appWith(options))).toBe(locale);
  });

  test('no Application at all (a page opened outside WPS): Chinese, not an error', () => {
    expect(wpsLocale(undefined)).toBe('zh-CN');
  });
});
