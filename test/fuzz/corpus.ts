import { readFileSync } from 'node:fs';
import path from 'node:path';
import { constants, crc32 as nodeCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { editPart, prefixed, repack, strict } from '../fixtures/package-variants';
import { encodeText } from '../helpers/encode-text';

// The fuzz corpus: every odd input the files issue names, truncations at several offsets, bytes flipped in each
// part of an example package (in its compressed bytes and in its XML), wrong content types, zip bombs and text
// encodings. Each case says what must happen: `read` (exit 0 or 1, no file error), `refused` with one of its
// codes, `corrupt` (exit 2, never read as data), or `any` (only the general rules: no crash, no hang, the input
// unchanged). The oracles are independent of the reader: Node's zlib for the zip, saxes for the XML.

/** What must happen to a case. */
export type Expectation = 'read' | 'refused' | 'corrupt' | 'any';

/** One input of the corpus. */
export interface FuzzCase {
  /** Short label, also the base of the file name. */
  name: string;
  /** The file name the bytes are written under (its extension matters). */
  file: string;
  bytes: Uint8Array;
  expect: Expectation;
  /** For `refused`: the codes allowed. */
  codes?: string[];
  /** More command-line arguments. */
  args?: string[];
}

/** Codes a damaged package may get: never read as data. */
export const CORRUPT_CODES = ['file/corrupt', 'file/not-xlsx', 'file/empty', 'file/too-large'];

const ROOT = path.join(__dirname, '..', '..');
const read = (p: string) => new Uint8Array(readFileSync(path.join(ROOT, p)));

/** The example list (a title, a two-row header, merges, real-looking defects) as a package of the usual form. */
export const EXAMPLE = read('examples/于都县市场监督管理局-检查实施清单.xlsx');
const CSV_GBK = read('examples/于都县住建局-抽查事项清单(GBK).csv');

/** A deterministic pseudo-random generator (mulberry32), so that the corpus is the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where each entry's compressed data sits in a package written without data descriptors (fflate, exceljs). */
export function entryRegions(
  bytes: Uint8Array,
): { name: string; start: number; end: number; method: number }[] {
  const b = Buffer.from(bytes);
  const out: { name: string; start: number; end: number; method: number }[] = [];
  let at = 0;
  while (at + 30 <= b.length && b.readUInt32LE(at) === 0x04034b50) {
    const method = b.readUInt16LE(at + 8);
    const size = b.readUInt32LE(at + 18);
    const nameLength = b.readUInt16LE(at + 26);
    const extra = b.readUInt16LE(at + 28);
    const name = b.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    out.push({ name, start, end: start + size, method });
    at = start + size;
  }
  return out;
}

/** True when every entry of `mutated` (laid out as `original`) still inflates to the original's bytes (zlib). */
export function sameContent(original: Uint8Array, mutated: Uint8Array): boolean {
  for (const r of entryRegions(original)) {
    const a = original.subarray(r.start, r.end);
    const b = mutated.subarray(r.start, r.end);
    if (Buffer.compare(a, b) === 0) continue;
    if (r.method !== 8) return false;
    try {
      if (Buffer.compare(inflateRawSync(a), inflateRawSync(b)) !== 0) return false;
    } catch {
      return false;
    }
  }
  // Headers and directory are compared byte for byte outside the data regions.
  let last = 0;
  for (const r of entryRegions(original)) {
    if (Buffer.compare(original.subarray(last, r.start), mutated.subarray(last, r.start)) !== 0) return false;
    last = r.end;
  }
  return Buffer.compare(original.subarray(last), mutated.subarray(last)) === 0;
}

/** True when a conforming XML parser (saxes) accepts the bytes as UTF-8 XML without a DTD. */
export function wellFormed(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  if (text.includes('<!DOCTYPE')) return false;
  const parser = new SaxesParser();
  let ok = true;
  parser.on('error', () => (ok = false));
  try {
    parser.write(text).close();
  } catch {
    ok = false;
  }
  return ok;
}

/** The package with `count` bytes of one part's XML flipped (re-zipped validly), and whether it stays well-formed. */
export function flipInPart(bytes: Uint8Array, part: string, rand: () => number, count = 1) {
  let ok = true;
  const out = repack(bytes, (files) => {
    const data = files[part]!.slice();
    for (let k = 0; k < count; k++) data[Math.floor(rand() * data.length)]! ^= 1 + Math.floor(rand() * 255);
    files[part] = data;
    ok = wellFormed(data);
  });
  return { bytes: out, wellFormed: ok };
}

/** The package with a byte of its raw zip flipped at `offset`, and whether every part still has its content. */
export function flipRaw(bytes: Uint8Array, offset: number, mask: number) {
  const out = bytes.slice();
  out[offset]! ^= mask || 1;
  return { bytes: out, intact: sameContent(bytes, out) };
}

// ------------------------------------------------------------------------------------------ a small zip writer

interface RawEntry {
  name: string;
  data: Uint8Array;
  method: number;
  crc: number;
  size: number;
}

/** A zip from entries whose header values are given as they are (to state sizes that are not true). */
export function writeZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size >>> 0, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dirBytes, end]));
}

const crc = (b: Uint8Array, previous = 0): number =>
  typeof nodeCrc32 === 'function' ? nodeCrc32(b, previous) : 0;

/** The example's entries as raw entries (deflated, true sizes), with the sheet replaced by `sheet` when given. */
function exampleEntries(sheet?: RawEntry): RawEntry[] {
  return Object.entries(unzipSync(EXAMPLE)).map(([name, data]) =>
    name === 'xl/worksheets/sheet1.xml' && sheet
      ? { ...sheet, name }
      : { name, data: deflateRawSync(data), method: 8, crc: crc(data), size: data.length },
  );
}

/**
 * A sheet that inflates to `mb` megabytes: its rows, then spaces inside the worksheet element (legal XML). Built by
 * repeating one fully flushed deflate block, so a gigabyte costs a few milliseconds to make.
 */
function paddedSheet(mb: number, declared?: number): RawEntry {
  const xml = strFromU8(unzipSync(EXAMPLE)['xl/worksheets/sheet1.xml']!);
  const close = xml.lastIndexOf('</worksheet>');
  const head = strToU8(xml.slice(0, close));
  const tail = strToU8(xml.slice(close));
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const block = deflateRawSync(spaces, flush);
  const chunks = [deflateRawSync(head, flush)];
  let sum = crc(head);
  for (let i = 0; i < mb; i++) {
    chunks.push(block);
    sum = crc(spaces, sum);
  }
  chunks.push(deflateRawSync(tail));
  sum = crc(tail, sum);
  const size = head.length + mb * spaces.length + tail.length;
  return { name: '', data: Buffer.concat(chunks), method: 8, crc: sum, size: declared ?? size };
}

/** The example package with its sheet padded to inflate to about `mb` megabytes (a large, honest package). */
export function paddedPackage(mb: number): Uint8Array {
  return writeZip(exampleEntries(paddedSheet(mb)));
}

async function xlsxOf(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEAD = ['序号', '检查事项', '检查依据', '检查主体', '检查对象', '检查方式', '抽查比例', '抽查频次'];
const ROW = [1, '食品检查', '《食品安全法》', '某局', '食品企业', '双随机抽查', '150%', '每年1次'];
const CSV_TEXT = `${HEAD.join(',')}\r\n${ROW.join(',')}\r\n`;
/** The same list in traditional characters, as a Big5 file holds it. */
const CSV_TEXT_TW = [
  ['序號', '檢查事項', '檢查依據', '檢查主體', '檢查對象', '檢查方式', '抽查比例', '抽查頻次'],
  [1, '食品檢查', '《食品安全法》', '某局', '食品企業', '雙隨機抽查', '150%', '每年1次'],
]
  .map((r) => `${r.join(',')}\r\n`)
  .join('');

/** Every case of the corpus, the same on every run. */
export async function makeCorpus(): Promise<FuzzCase[]> {
  const cases: FuzzCase[] = [];
  const add = (c: FuzzCase) => cases.push(c);
  const rand = random(12);

  // The shapes named by the issue.
  add({ name: 'example', file: '清单.xlsx', bytes: EXAMPLE, expect: 'read' });
  add({ name: 'prefixed', file: '前缀.xlsx', bytes: prefixed(EXAMPLE), expect: 'read' });
  add({ name: 'strict', file: 'strict.xlsx', bytes: strict(EXAMPLE), expect: 'read' });
  add({
    name: 'strict-prefixed',
    file: 'strict前缀.xlsx',
    bytes: prefixed(strict(EXAMPLE), 'ss'),
    expect: 'read',
  });
  const half = (x: string) => x.slice(0, Math.floor(x.length / 2));
  add({
    name: 'truncated-strings',
    file: 'a.xlsx',
    bytes: editPart(EXAMPLE, 'xl/sharedStrings.xml', half),
    expect: 'corrupt',
  });
  add({
    name: 'sheet-cut',
    file: 'b.xlsx',
    bytes: editPart(EXAMPLE, 'xl/worksheets/sheet1.xml', half),
    expect: 'corrupt',
  });
  add({
    name: 'sheet-missing',
    file: 'c.xlsx',
    bytes: repack(EXAMPLE, (f) => delete f['xl/worksheets/sheet2.xml']),
    expect: 'corrupt',
  });
  add({
    name: 'styles-malformed',
    file: 'd.xlsx',
    bytes: editPart(EXAMPLE, 'xl/styles.xml', (x) => x.replace('</cellXfs>', '')),
    expect: 'corrupt',
  });
  add({
    name: 'shared-string-out-of-range',
    file: 'e.xlsx',
    bytes: editPart(EXAMPLE, 'xl/worksheets/sheet1.xml', (x) => x.replace(/(t="s"[^>]*><v>)\d+/, '$19999')),
    expect: 'corrupt',
  });
  add({ name: 'empty', file: '空.xlsx', bytes: new Uint8Array(0), expect: 'refused', codes: ['file/empty'] });
  add({
    name: 'text-as-xlsx',
    file: '改名.xlsx',
    bytes: strToU8(CSV_TEXT),
    expect: 'refused',
    codes: ['file/not-xlsx'],
  });
  const noise = new Uint8Array(4096).map(() => Math.floor(rand() * 256));
  add({ name: 'binary-as-csv', file: '乱码.csv', bytes: noise, expect: 'refused', codes: ['file/not-text'] });
  add({
    name: 'binary-as-xlsx',
    file: '乱码.xlsx',
    bytes: noise,
    expect: 'refused',
    codes: ['file/not-xlsx'],
  });
  add({ name: 'tsv-as-xls', file: '导出.xls', bytes: strToU8(CSV_TEXT.replace(/,/g, '\t')), expect: 'read' });
  const legacy = read('test/fixtures/legacy.xls');
  for (const file of ['旧.xls', 'WPS.et', '旧改名.xlsx'])
    add({
      name: `legacy-${file}`,
      file,
      bytes: legacy,
      expect: 'refused',
      codes: ['file/needs-libreoffice'],
    });
  add({
    name: 'encrypted',
    file: '加密.xlsx',
    bytes: read('test/fixtures/encrypted.xlsx'),
    expect: 'refused',
    codes: ['file/encrypted'],
  });
  add({
    name: 'long-cell',
    file: '长.xlsx',
    bytes: await xlsxOf([HEAD, [...ROW.slice(0, 6), '很'.repeat(50000), '每年1次']]),
    expect: 'read',
  });
  const docx = repack(EXAMPLE, (f) => {
    for (const k of Object.keys(f)) if (k.startsWith('xl/')) delete f[k];
    f['word/document.xml'] = strToU8('<w:document xmlns:w="urn:w"/>');
  });
  add({
    name: 'word-as-xlsx',
    file: 'word.xlsx',
    bytes: docx,
    expect: 'refused',
    codes: ['file/not-xlsx', 'file/corrupt'],
  });

  // Zip bombs: a sheet that says it unpacks to 1.1 GB is refused by its directory; one that claims 2 KB but
  // inflates to 8 MB fails its check; an honest 24 MB sheet is refused under --max-size 16MB and read under 64MB.
  add({
    name: 'bomb-1.1GB',
    file: 'bomb.xlsx',
    bytes: writeZip(exampleEntries(paddedSheet(1126))),
    expect: 'refused',
    codes: ['file/too-large'],
  });
  add({
    name: 'bomb-lying-size',
    file: 'bomb2.xlsx',
    bytes: writeZip(exampleEntries(paddedSheet(8, 2048))),
    expect: 'corrupt',
  });
  const big = paddedPackage(24);
  add({
    name: 'big-over-limit',
    file: 'big.xlsx',
    bytes: big,
    expect: 'refused',
    codes: ['file/too-large'],
    args: ['--max-size', '16MB'],
  });
  add({
    name: 'big-under-limit',
    file: 'big2.xlsx',
    bytes: big,
    expect: 'read',
    args: ['--max-size', '64MB'],
  });

  // Wrong content types.
  const types = (edit: (x: string) => string) => editPart(EXAMPLE, '[Content_Types].xml', edit);
  add({
    name: 'ct-workbook-word',
    file: 'ct1.xlsx',
    bytes: types((x) => x.replace('spreadsheetml.sheet.main+xml', 'wordprocessingml.document.main+xml')),
    expect: 'corrupt',
  });
  add({
    name: 'ct-sheet-undeclared',
    file: 'ct2.xlsx',
    bytes: types((x) => x.replace(/<Override PartName="\/xl\/worksheets\/sheet1.xml"[^>]*\/>/, '')),
    expect: 'corrupt',
  });
  add({
    name: 'ct-missing',
    file: 'ct3.xlsx',
    bytes: repack(EXAMPLE, (f) => delete f['[Content_Types].xml']),
    expect: 'corrupt',
  });
  add({
    name: 'ct-malformed',
    file: 'ct4.xlsx',
    bytes: types((x) => x.replace('</Types>', '')),
    expect: 'corrupt',
  });
  const macro = (x: string) =>
    x.replace(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    );
  add({ name: 'ct-macro-in-xlsx', file: 'ct5.xlsx', bytes: types(macro), expect: 'read' });
  add({
    name: 'ct-extra-override',
    file: 'ct6.xlsx',
    bytes: types((x) =>
      x.replace('</Types>', '<Override PartName="/nowhere.xml" ContentType="application/xml"/></Types>'),
    ),
    expect: 'read',
  });

  // Encodings: of a CSV (all read), and of the XML parts (UTF-16 is legal; invalid UTF-8 is not).
  add({ name: 'csv-gbk', file: 'gbk.csv', bytes: CSV_GBK, expect: 'read' });
  add({
    name: 'csv-utf8-bom',
    file: 'bom.csv',
    bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(CSV_TEXT)]),
    expect: 'read',
  });
  add({
    name: 'csv-utf16le-bom',
    file: 'u16.csv',
    bytes: new Uint8Array([0xff, 0xfe, ...encodeText(CSV_TEXT, 'utf-16le')]),
    expect: 'read',
  });
  add({
    name: 'csv-utf16be-bom',
    file: 'u16be.csv',
    bytes: new Uint8Array([0xfe, 0xff, ...encodeText(CSV_TEXT, 'utf-16be')]),
    expect: 'read',
  });
  add({
    name: 'csv-utf16le-no-bom',
    file: 'u16n.tsv',
    bytes: encodeText(CSV_TEXT.replace(/,/g, '\t'), 'utf-16le'),
    expect: 'read',
  });
  add({
    name: 'csv-gb18030',
    file: 'gb.csv',
    bytes: encodeText(CSV_TEXT, 'gb18030'),
    expect: 'read',
  });
  add({
    name: 'csv-big5',
    file: 'big5.csv',
    bytes: encodeText(CSV_TEXT_TW, 'big5'),
    expect: 'read',
  });
  add({
    name: 'csv-broken-utf8',
    file: 'broken.csv',
    bytes: new Uint8Array([...strToU8(CSV_TEXT), 0xc3, 0x28, 0xff]),
    expect: 'read',
  });
  const utf16Part = repack(EXAMPLE, (f) => {
    f['xl/sharedStrings.xml'] = new Uint8Array([
      0xff,
      0xfe,
      ...encodeText(strFromU8(f['xl/sharedStrings.xml']!), 'utf-16le'),
    ]);
  });
  add({ name: 'xml-utf16-part', file: 'u16part.xlsx', bytes: utf16Part, expect: 'read' });
  const badUtf8 = repack(EXAMPLE, (f) => {
    const d = f['xl/sharedStrings.xml']!;
    const at = Buffer.from(d).indexOf('<t>') + 3;
    f['xl/sharedStrings.xml'] = new Uint8Array([...d.subarray(0, at), 0xe4, 0x28, ...d.subarray(at)]);
  });
  add({ name: 'xml-invalid-utf8', file: 'badutf8.xlsx', bytes: badUtf8, expect: 'corrupt' });

  // Truncations at several offsets, from the first byte to the last.
  for (const at of [1, 4, 30, 100, 0.1, 0.25, 0.5, 0.75, 0.9, EXAMPLE.length - 22, EXAMPLE.length - 1]) {
    const n = at < 1 ? Math.floor(EXAMPLE.length * at) : at;
    add({ name: `truncated-${n}`, file: `cut${n}.xlsx`, bytes: EXAMPLE.subarray(0, n), expect: 'corrupt' });
  }

  // Bytes flipped in each part: in its compressed bytes (judged by zlib) and in its XML (judged by saxes).
  for (const region of entryRegions(EXAMPLE)) {
    if (region.end === region.start) continue;
    for (let k = 0; k < 2; k++) {
      const offset = region.start + Math.floor(rand() * (region.end - region.start));
      const flip = flipRaw(EXAMPLE, offset, 1 + Math.floor(rand() * 255));
      add({
        name: `raw-${region.name}-${offset}`,
        file: `raw${cases.length}.xlsx`,
        bytes: flip.bytes,
        expect: flip.intact ? 'read' : 'corrupt',
      });
    }
    if (!/\.(xml|rels)$/.test(region.name)) continue;
    for (let k = 0; k < 2; k++) {
      const flip = flipInPart(EXAMPLE, region.name, rand, 1 + k);
      add({
        name: `xml-${region.name}-${k}`,
        file: `xml${cases.length}.xlsx`,
        bytes: flip.bytes,
        expect: flip.wellFormed ? 'any' : 'corrupt',
      });
    }
  }
  return cases;
}
