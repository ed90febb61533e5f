import { cellMeaning } from '../../../src/rules/quantity';
import { errorsOn, loadSpellings } from '../../../scripts/corpus-figures';

// The real-spelling corpus (test/fixtures/real-spellings): every published cell text must be read with the meaning
// a reviewer reads in it, and no real value may draw an error. Skipped while the corpus file does not exist.
const entries = loadSpellings();

// Entries the reader does not read yet, each with why. `test.failing` turns red the day one of them is read right:
// remove it from this list then.
const NOT_YET: Record<string, string> = {
  各市根据实际情况确定抽查基数和比例营利性民办学校数10所及以下的市:
    'counts as tier thresholds inside run-on text',
  '每年1次20%；或者每年2次各10%': 'alternatives joined by 或者, each a frequency and a ratio per time',
  '每年1次33%；或者每年分次达到33%': 'alternatives joined by 或者',
};
const notYet = (text: string) => Object.keys(NOT_YET).some((k) => text.startsWith(k));

const suite = entries.length ? describe : describe.skip;
suite('real published spellings', () => {
  const rows = entries.map(
    (e) => [e.text.replace(/\s+/g, ' ').slice(0, 60), e.column, e.meaning, e] as const,
  );
  describe('are read with the meaning a reviewer reads', () => {
    for (const [label, column, meaning, e] of rows) {
      const run = notYet(e.text) ? test.failing : test;
      run(`${label} (${column}) → ${meaning}`, () =>
        expect(cellMeaning(e.text, e.column, e.header)).toBe(meaning),
      );
    }
  });
  describe('draw no error when they state a value', () => {
    for (const [label, column, , e] of rows.filter((r) => r[2] !== 'invalid'))
      test(`${label} (${column})`, () => expect(errorsOn(e.text, e.column)).toEqual([]));
  });
  test('the corpus is as large as its README says it is', () =>
    expect(entries.length).toBeGreaterThanOrEqual(200));
});
