import { strToU8 } from 'fflate';
import { unprefix, unprefixOf } from '../../../src/hosts/xlsx/ooxml/xml-text';
import { forEachSegment } from '../../../src/hosts/xlsx/package-parts';

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
