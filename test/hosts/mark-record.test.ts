import fc from 'fast-check';
import {
  emptyStore,
  marksText,
  metaText,
  nearestRow,
  parseMarks,
  parseMeta,
  parseState,
  rowKey,
} from '../../src/hosts/mark-record';
import { CHUNK_TAG } from '../../src/hosts/record-chunks';

/** The fingerprint as Excel's adapter computed it before the record was shared (Math.imul): records it wrote. */
function imulRowKey(row: readonly unknown[]): string {
  let end = row.length;
  while (end > 0 && (row[end - 1] === '' || row[end - 1] === null || row[end - 1] === undefined)) end--;
  const s = JSON.stringify(row.slice(0, end).map((v) => (v === '' || v === undefined ? null : v)));
  let h1 = 0x811c9dc5;
  let h2 = 5381;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = (Math.imul(h2, 33) + c) | 0;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

describe('the shared mark record', () => {
  test('row fingerprints are the ones both hosts wrote before (records already in workbooks still match)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.double({ noNaN: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), (row) => {
        expect(rowKey(row)).toBe(imulRowKey(row));
        expect(rowKey(row)).toMatch(/^[0-9a-f]{16}$/);
      }),
    );
  });

  test('a fingerprint ignores trailing blanks and tells blank from text', () => {
    expect(rowKey(['a', 1, '', null, undefined])).toBe(rowKey(['a', 1]));
    expect(rowKey(['a', '', 'b'])).toBe(rowKey(['a', null, 'b']));
    expect(rowKey(['a', 'b'])).not.toBe(rowKey(['b', 'a']));
    expect(rowKey([1])).not.toBe(rowKey(['1']));
  });

  test('the meta cell reads back what was written, and anything else as an empty record', () => {
    const about = 'test record';
    const meta = { ...emptyStore(about).meta, chunks: 3, spans: { s1: [1, 12] as [number, number] } };
    expect(parseMeta(CHUNK_TAG + JSON.stringify(meta), about)).toEqual(meta);
    expect(parseMeta(CHUNK_TAG + JSON.stringify({ chunks: 2 }), about)).toEqual({
      ...emptyStore(about).meta,
      chunks: 2,
    });
    for (const garbage of [null, 42, 'not tagged', `${CHUNK_TAG}{broken`])
      expect(parseMeta(garbage, about)).toEqual(emptyStore(about).meta);
  });

  test('relocation takes the nearest free row with the fingerprint, or none', () => {
    expect(nearestRow(10, [3, 12, 9], () => true)).toBe(9);
    expect(nearestRow(10, [3, 12, 9], (r) => r !== 9)).toBe(12);
    expect(nearestRow(10, [8, 12], () => true)).toBe(8);
    expect(nearestRow(10, [], () => true)).toBeUndefined();
    expect(nearestRow(10, [3], () => false)).toBeUndefined();
  });

  test.each<[string, string, unknown[]]>([
    ['a list of records', '[{"r":2,"c":3}]', [{ r: 2, c: 3 }]],
    ['nothing written', '', []],
    ['a cut-off write', '[{"r":2,"c"', []],
    ['not a list', '{"r":2}', []],
  ])('the marks column read back: %s', (_, text, marks) => {
    expect(parseMarks(text)).toEqual(marks);
  });

  test.each<[string, string, Record<string, string>]>([
    ['values by key', '{"drc.result":"{}"}', { 'drc.result': '{}' }],
    ['nothing written', '', {}],
    ['a cut-off write', '{"drc.result":', {}],
    ['a list', '["a"]', {}],
  ])('the pane state read back: %s', (_, text, state) => {
    expect(parseState(text)).toEqual(state);
  });

  test('a record written is read back the same; no mark left writes nothing', () => {
    const store = { ...emptyStore<{ r: number }>('about'), marks: [{ r: 4 }] };
    expect(parseMarks(marksText(store))).toEqual([{ r: 4 }]);
    expect(marksText({ ...store, marks: [] })).toBe('');
    expect(parseMeta(metaText({ ...store.meta, chunks: 2 }), 'about')).toEqual({ ...store.meta, chunks: 2 });
  });
});
