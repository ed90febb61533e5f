import { fillTemplate } from './locale';
import { quoteValue } from './messages';

describe('fillTemplate', () => {
  test('plural slots pick the word by the number', () => {
    const t = '{n} {n|error|errors}, {m} {m|note|notes}';
    expect(fillTemplate(t, { n: 1, m: 0 })).toBe('1 error, 0 notes');
    expect(fillTemplate(t, { n: 2, m: 1 })).toBe('2 errors, 1 note');
  });

  test('user text in params is inserted as it is, never read as a slot', () => {
    expect(fillTemplate('"{v}"', { v: '{n|a|b} {x}' })).toBe('"{n|a|b} {x}"');
  });
});

describe('quoteValue', () => {
  test('short values whole; long ones cut to 200 characters with the full length', () => {
    expect(quoteValue('abc', 'zh-CN')).toBe('abc');
    const cut = quoteValue('很'.repeat(50000), 'zh-CN');
    expect(cut).toBe(`${'很'.repeat(200)}…(共 50000 字)`);
    expect(quoteValue('x'.repeat(201), 'en-US')).toBe(`${'x'.repeat(200)}… (201 characters)`);
  });

  test('a character outside the BMP is never split', () => {
    const text = `${'a'.repeat(199)}😀${'b'.repeat(10)}`;
    expect(quoteValue(text, 'en-US').startsWith(`${'a'.repeat(199)}😀…`)).toBe(true);
  });
});
