import { LOCALES } from '../../src/core/locale';
import { t, type UiKey } from '../../src/taskpane/i18n';
import { type ReportKey, rt } from '../../src/app/report-i18n';

const KEYS: UiKey[] = ['appTitle', 'validate', 'clearMarks', 'summary', 'restored', 'download'];

describe('pane texts', () => {
  it('has every text in every locale, slots filled', () => {
    for (const locale of LOCALES) for (const key of KEYS) expect(t(locale, key).length).toBeGreaterThan(0);
    expect(t('zh-CN', 'summary', { error: 1, warning: 2, info: 3 })).toBe('错误 1 个，警告 2 个，提示 3 个');
    expect(t('en-US', 'summary', { error: 1, warning: 2, info: 3 })).toBe('1 error, 2 warnings, 3 notes');
  });

  it('uses Chinese punctuation in Chinese texts', () => {
    expect(t('zh-CN', 'restored', { time: 'x' })).not.toMatch(/[\u4e00-\u9fff][,;:]/);
    expect(t('zh-CN', 'standaloneHint')).not.toMatch(/[\u4e00-\u9fff][,;:]/);
  });

  it('has the report sections’ texts in both languages, Chinese punctuation in Chinese', () => {
    const keys: ReportKey[] = ['tallyHint', 'statusShort', 'uncertainHint', 'compareHint', 'errNotListSheet'];
    for (const locale of LOCALES) for (const key of keys) expect(rt(locale, key).length).toBeGreaterThan(0);
    for (const key of keys) expect(rt('zh-CN', key)).not.toMatch(/[\u4e00-\u9fff][,;:]/);
    expect(rt('zh-CN', 'statusShort', { n: 1 })).toBe('不足1');
    expect(rt('en-US', 'statusShort', { n: 1 })).toBe('Short 1');
    expect(t('zh-CN', 'tabTally')).toBe('监测点汇总');
  });
});
