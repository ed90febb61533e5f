import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { ZipPackage } from '../../../src/hosts/xlsx/zip-package';
import {
  useRawDeflate,
  useRawDeflateAsync,
  writeZip,
  writeZipAsync,
  type ZipItem,
} from '../../../src/hosts/xlsx/zip-writer';

// The marked copy's zip: unchanged entries copied as they are stored, changed and new ones deflated (fflate in
// browsers, zlib in the command line). Every zip written must read back the same with fflate and with our reader.

const EXAMPLE = new Uint8Array(
  readFileSync(path.join(__dirname, '..', '..', '..', 'examples', '于都县市场监督管理局-检查实施清单.xlsx')),
);

/** Every entry of a zip through our reader (sizes and CRC-32 checked) and through fflate, which must agree. */
function readBoth(bytes: Uint8Array): Record<string, Uint8Array> {
  const zip = ZipPackage.open(bytes, 1 << 30);
  const ours = Object.fromEntries(zip.names().map((n) => [n, new Uint8Array(zip.read(n))]));
  expect(unzipSync(bytes)).toEqual(ours);
  return ours;
}

test('a package copied entry by entry has the same entries, in order, and the same stored bytes', () => {
  const source = ZipPackage.open(EXAMPLE, 1 << 30);
  const copy = writeZip(source.names().map((name) => ({ name, from: source })));
  const out = ZipPackage.open(copy, 1 << 30);
  expect(out.names()).toEqual(source.names());
  for (const name of source.names()) {
    expect(Buffer.from(out.stored(name)).equals(Buffer.from(source.stored(name)))).toBe(true);
    expect(out.entry(name)).toMatchObject({
      method: source.entry(name)!.method,
      crc: source.entry(name)!.crc,
      size: source.entry(name)!.size,
      time: source.entry(name)!.time,
      date: source.entry(name)!.date,
    });
  }
  expect(readBoth(copy)).toEqual(readBoth(EXAMPLE));
});

describe.each([
  ['fflate', undefined],
  ['zlib', (data: Uint8Array, level: number) => deflateRawSync(data, { level })],
])('new entries deflated by %s', (_name, deflate) => {
  beforeAll(() => useRawDeflate(deflate));
  afterAll(() => useRawDeflate(undefined));

  const text = strToU8(`<?xml version="1.0"?><root>${'<c r="A1" s="3"><v>12</v></c>'.repeat(2000)}</root>`);
  // Bytes that do not compress: xorshift32, seeded.
  let seed = 2463534242;
  const random = Uint8Array.from({ length: 4000 }, () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed & 255;
  });
  const cases: [string, ZipItem, number][] = [
    ['deflated text', { name: 'xl/worksheets/sheet1.xml', data: text, level: 2 }, 8],
    ['stored at level 0', { name: 'xl/media/a.bin', data: text, level: 0 }, 0],
    ['stored when deflating does not pay', { name: 'xl/media/noise.bin', data: random, level: 6 }, 0],
    [
      'a Chinese name (UTF-8 flag)',
      { name: 'xl/附件/说明 1.xml', data: strToU8('<a>说明</a>'.repeat(50)), level: 6 },
      8,
    ],
    ['an empty entry', { name: 'empty.txt', data: new Uint8Array(0), level: 6 }, 0],
  ];

  test.each(cases)('%s', (_case, item, method) => {
    const source = ZipPackage.open(EXAMPLE, 1 << 30);
    const bytes = writeZip([{ name: '[Content_Types].xml', from: source }, item]);
    const parts = readBoth(bytes);
    expect(Object.keys(parts)).toEqual(['[Content_Types].xml', item.name]);
    expect(parts[item.name]).toEqual('data' in item ? item.data : undefined);
    const entry = ZipPackage.open(bytes, 1 << 30).entry(item.name)!;
    expect(entry.method).toBe(method);
    expect(entry.flags & 0x800).toBe(/^[\x20-\x7e]*$/.test(item.name) ? 0 : 0x800);
    expect(strFromU8(parts['[Content_Types].xml']!)).toContain('<Types');
  });
});

describe('writeZipAsync', () => {
  const date = new Date(2026, 11, 3, 12, 0, 0);
  const large = strToU8(`<root>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(40_000)}</root>`);
  const items = (source: ZipPackage): ZipItem[] => [
    { name: '[Content_Types].xml', from: source },
    { name: 'xl/worksheets/sheet1.xml', data: large, level: 1, date },
    { name: 'xl/styles.xml', data: strToU8('<styleSheet/>'.repeat(20)), level: 1, date },
    { name: 'xl/media/big.bin', data: large, level: 0, date },
  ];
  afterEach(() => useRawDeflateAsync(undefined));

  test('deflates only the parts of a MB or more with the asynchronous deflater, to the same zip', async () => {
    const source = ZipPackage.open(EXAMPLE, 1 << 30);
    const asked: string[] = [];
    useRawDeflateAsync(async (data, level) => {
      asked.push(`${data.length} at ${level}`);
      return deflateRawSync(data, { level });
    });
    expect(large.length).toBeGreaterThan(1 << 20);
    const bytes = await writeZipAsync(items(source));
    expect(asked).toEqual([`${large.length} at 1`]);
    expect(ZipPackage.open(bytes, 1 << 30).entry('xl/worksheets/sheet1.xml')!.method).toBe(8);
    expect(readBoth(bytes)).toEqual(readBoth(writeZip(items(source))));
  });

  test('is writeZip where no asynchronous deflater is set (browsers)', async () => {
    const source = ZipPackage.open(EXAMPLE, 1 << 30);
    expect(Buffer.from(await writeZipAsync(items(source))).equals(Buffer.from(writeZip(items(source))))).toBe(
      true,
    );
  });
});
