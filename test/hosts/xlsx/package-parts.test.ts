import { strToU8 } from 'fflate';
import { unprefix, unprefixOf } from '../../../src/hosts/xlsx/ooxml/xml-text';
import { forEachSegment, STRINGS_CUTS } from '../../../src/hosts/xlsx/package-parts';
import { readError } from '../../../src/hosts/xlsx/read-error';
import { PartTooLargeError } from '../../../src/hosts/xlsx/zip-package';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (prefix: string) => {
  const p = prefix ? `${prefix}:` : '';
  const rows = Array.from(
    { length: 200 },
    (_, i) =>
      `<${p}row r="${i + 1}"><${p}c r="A${i + 1}" t="inlineStr"><${p}is><${p}t>食品检查${i}</${p}t></${p}is></${p}c></${p}row>`,
  );
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData>${rows.join('')}</${p}sheetData></${p}worksheet>`;
};

describe('a large part is read in segments', () => {
  test.each(['', 'x'])('prefix %j: small segments give the same text as one, cut after rows', (prefix) => {
    const bytes = strToU8(sheet(prefix));
    const whole: string[] = [];
    forEachSegment(bytes, 'sheet.xml', (s) => whole.push(s));
    const parts: string[] = [];
    // 997 bytes: segments end inside multi-byte characters and inside tags; the text must still be whole.
    forEachSegment(bytes, 'sheet.xml', (s) => parts.push(s), 997);
    expect(whole).toHaveLength(1);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.join('')).toBe(whole[0]);
    for (const p of parts.slice(0, -1)) expect(p.endsWith('</row>')).toBe(true);
    expect(whole[0]).not.toContain('<x:');
  });

  test('a part cut short is refused whatever the segment size', () => {
    const bytes = strToU8(sheet('x')).subarray(0, 5000);
    for (const size of [997, 1 << 20])
      expect(() => forEachSegment(bytes, 'sheet.xml', () => undefined, size)).toThrow(
        expect.objectContaining({ reason: 'truncated', part: 'sheet.xml' }),
      );
  });
});

/** The segments of `xml` read `size` bytes at a time. */
function segmentsOf(xml: string, size: number, cuts?: Parameters<typeof forEachSegment>[4]): string[] {
  const parts: string[] = [];
  forEachSegment(strToU8(xml), 'part.xml', (s) => parts.push(s), size, cuts);
  return parts;
}

/** True when every `<c>` opened in `part` is closed in it (a cell never spans two segments). */
const cellsWhole = (part: string) =>
  (part.match(/<c[\s>]/g) ?? []).length === (part.match(/<\/c>|<c\b[^>]*\/>/g) ?? []).length;

describe('a long stretch without a row end is still cut, never inside a cell, a tag or an entity', () => {
  const row = (r: number, text: string) =>
    `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c></row>`;
  const wrap = (body: string) =>
    `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;

  test('white space of many segments before the first row', () => {
    const xml = wrap(`${' '.repeat(20_000)}${row(1, '食品')}${' '.repeat(5_000)}${row(2, 'A&amp;B')}`);
    const parts = segmentsOf(xml, 997);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.join('')).toBe(xml);
    for (const p of parts) expect(cellsWhole(p)).toBe(true);
  });

  test('a row of many cells longer than a segment is cut between its cells', () => {
    const cells = Array.from({ length: 400 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join('');
    const xml = wrap(`<row r="1">${cells}</row>`);
    const parts = segmentsOf(xml, 997);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(xml);
    for (const p of parts) expect(cellsWhole(p)).toBe(true);
  });

  test('one cell longer than many segments stays whole', () => {
    const long = '很'.repeat(10_000);
    const xml = wrap(`${row(1, 'a')}${row(2, long)}${row(3, 'b')}`);
    const parts = segmentsOf(xml, 997);
    expect(parts.join('')).toBe(xml);
    expect(parts.some((p) => p.includes(`<t>${long}</t>`))).toBe(true);
  });

  test('entities in a long text outside any cut point are never split', () => {
    const xml = `<?xml version="1.0"?><doc><t>${'x&amp;&#x4E2D;'.repeat(3_000)}</t></doc>`;
    const parts = segmentsOf(xml, 997, {});
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.join('')).toBe(xml);
  });

  test('shared strings are cut between strings', () => {
    const items = Array.from({ length: 300 }, (_, i) => `<si><t>检查事项${i}</t></si>`).join('');
    const xml = `<?xml version="1.0"?><sst xmlns="${MAIN}">${items}</sst>`;
    const parts = segmentsOf(xml, 997, STRINGS_CUTS);
    expect(parts.join('')).toBe(xml);
    for (const p of parts.slice(0, -1)) expect(p.endsWith('</si>')).toBe(true);
  });
});

describe('a part too large to hold as text', () => {
  test('is its own error naming the part, not a damaged file', () => {
    const xml = strToU8(`<?xml version="1.0"?><sst xmlns="${MAIN}"><si><t>a</t></si></sst>`);
    let thrown: unknown;
    try {
      // A string over V8's limit throws the same RangeError as a part of that size would.
      forEachSegment(xml, 'xl/sharedStrings.xml', () => 'x'.repeat(2 ** 30));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PartTooLargeError);
    const error = readError(thrown, '清单.xlsx');
    expect(error.code).toBe('file/part-too-large');
    expect(error.message).toContain('xl/sharedStrings.xml');
    expect(error.message).not.toMatch(/损坏/);
  });
});

describe('unprefixing', () => {
  test('the prefix bound to the root goes; other prefixes and an unrelated default stay', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}" xmlns:r="urn:r"><x:c r:id="1"/><mc:Choice xmlns:mc="urn:mc"/></x:worksheet>`;
    const u = unprefixOf(xml)!;
    expect(unprefix(xml, u, true)).toBe(
      `<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}" xmlns:r="urn:r"><c r:id="1"/><mc:Choice xmlns:mc="urn:mc"/></worksheet>`,
    );
    expect(unprefixOf(`<x:a xmlns:x="urn:x" xmlns="urn:other"/>`)).toBeUndefined();
    expect(unprefixOf(`<a xmlns="urn:a"/>`)).toBeUndefined();
  });
});
