import { cellMeaning } from '../../../src/rules/quantity';
import { errorsOn, loadSpellings } from '../../../scripts/corpus-figures';

// The real-spelling corpus (test/fixtures/real-spellings): every published cell text must be read with the meaning
// a reviewer reads in it, and no real value may draw an error. Skipped while the corpus file does not exist.
const entries = loadSpellings();

// Entries the reader does not read yet, each with why. `test.failing` turns red the day one of them is read right:
// remove it from this list then.
const NOT_YET: Record<string, string> = {};
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
