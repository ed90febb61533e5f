import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { useNodeCodecs } from '../../../src/hosts/files/native-zlib';
import { checkGrids, issuesToMarks } from '../../../src/features/check-workbook';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';
import { useUtf8Decode } from '../../../src/hosts/xlsx/ooxml/package';
import { plainXlsx } from '../../../src/hosts/xlsx/ooxml/plain-workbook';
import { markXlsxBytes, markXlsxBytesAsync } from '../../../src/hosts/xlsx/patch-marks';
import { useCrc32, useRawInflate } from '../../../src/hosts/xlsx/zip-package';
import { useRawDeflate, useRawDeflateAsync } from '../../../src/hosts/xlsx/zip-writer';

// The command line marks a copy with Node's zlib and Buffer (native-zlib.ts), browsers with fflate and
// TextDecoder: the marked copy must hold the same parts both ways, for a sheet of ASCII bytes (edited in its
// bytes) and for one that also holds Chinese text.

const EXAMPLE = path.join(__dirname, '..', '..', '..', 'examples', '于都县市场监督管理局-检查实施清单.xlsx');

/** The example with a Chinese inline string in its first sheet (no longer ASCII). */
function withChineseCell(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const name = 'xl/worksheets/sheet1.xml';
  const xml = strFromU8(files[name]!);
  expect([...xml].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
  files[name] = strToU8(
    xml.replace(
      /<c r="A1"[^>]*?(\/>|>[\s\S]*?<\/c>)/,
      '<c r="A1" t="inlineStr"><is><t>抽查事项清单(副本)</t></is></c>',
    ),
  );
  return zipSync(files as Zippable);
}

/** Every part of a marked copy, inflated, in hex (so that megabytes compare in one step). */
const partsOf = (bytes: Uint8Array) =>
  Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, Buffer.from(data).toString('hex')]),
  );

/** Back to the browser's codecs (fflate, TextDecoder and our CRC). */
function useBrowserCodecs(): void {
  useRawInflate(undefined);
  useRawDeflate(undefined);
  useCrc32(undefined);
  useUtf8Decode(undefined);
  useRawDeflateAsync(undefined);
}
afterEach(useBrowserCodecs);

test.each([
  ['an ASCII sheet', (b: Uint8Array) => b],
  ['a sheet with Chinese text', withChineseCell],
])('%s is marked the same with Node’s codecs as with the browser’s', async (_, variant) => {
  const source = variant(new Uint8Array(readFileSync(EXAMPLE)));
  const grids = readXlsxGrids(source);
  const marks = issuesToMarks(checkGrids(grids), 'zh-CN');
  expect(marks.length).toBeGreaterThan(5);
  useBrowserCodecs();
  const plain = markXlsxBytes(source, marks, 'list.xlsx');
  useNodeCodecs();
  const native = markXlsxBytes(source, marks, 'list.xlsx');
  // The command line's path: the large parts deflated in pieces in zlib's thread pool.
  const pieces = await markXlsxBytesAsync(source, marks, 'list.xlsx');
  expect(native).not.toEqual(plain); // deflated by zlib, not fflate
  expect(partsOf(native)).toEqual(partsOf(plain));
  expect(partsOf(pieces)).toEqual(partsOf(plain));
  const values = (b: Uint8Array) => readXlsxGrids(b).map((g) => g.values);
  expect(values(native)).toEqual(values(source));
});

test('a sheet of several MB, deflated in pieces in the command line, is marked as in a browser', async () => {
  const rows = Array.from({ length: 20_000 }, (_, r) =>
    Array.from({ length: 5 }, (_, c) => ((r * 7 + c) % 11 === 0 ? null : `检查对象${r % 300}-${c}`)),
  );
  const source = plainXlsx({ name: '清单', rows });
  const sheet = unzipSync(source)['xl/worksheets/sheet1.xml']!;
  expect(sheet.length).toBeGreaterThan(2 << 20);
  const marks = Array.from({ length: 3000 }, (_, k) => ({
    sheet: '清单',
    row: 1 + ((k * 7919) % 20_000),
    column: 1 + (k % 5),
    severity: k % 3 === 0 ? ('error' as const) : ('warning' as const),
    note: `第 ${k} 处问题`,
  }));
  useBrowserCodecs();
  const plain = markXlsxBytes(source, marks, 'list.xlsx');
  useNodeCodecs();
  const pieces = await markXlsxBytesAsync(source, marks, 'list.xlsx');
  expect(partsOf(pieces)).toEqual(partsOf(plain));
  const values = (b: Uint8Array) => JSON.stringify(readXlsxGrids(b).map((g) => g.values));
  expect(values(pieces)).toBe(values(source));
});
