import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { encodeText, type TextEncoding } from './encode-text';

const ROOT = path.join(__dirname, '..', '..');
const GBK_CSV = readFileSync(path.join(ROOT, 'examples', '于都县住建局-抽查事项清单(GBK).csv'));

/** Every cell text of the published lists under test/fixtures/real-headers, one string. */
const REAL_TEXT = readdirSync(path.join(ROOT, 'test', 'fixtures', 'real-headers'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'real-headers', f), 'utf8'))
  .join('\n');

const decode = (bytes: Uint8Array, encoding: TextEncoding): string =>
  new TextDecoder(encoding, { fatal: true }).decode(bytes);

describe('encodeText', () => {
  it('writes the GBK example list byte for byte as it was saved', () => {
    const text = decode(GBK_CSV, 'gbk');
    expect(text).toContain('于都县');
    expect(Buffer.from(encodeText(text, 'gbk')).equals(GBK_CSV)).toBe(true);
  });

  it.each<[string, string, TextEncoding]>([
    ['published lists in GB18030', REAL_TEXT, 'gb18030'],
    ['a CJK Extension B name in GB18030 (four bytes)', '名称\n𠀀字号饭店\n', 'gb18030'],
    ['the GBK euro sign and ideographic punctuation', '价格 €5,“双随机、一公开”', 'gbk'],
    ['a traditional list in Big5', '序號,抽查事項,檢查對象\r\n1,食品經營許可檢查,餐飲業者\r\n', 'big5'],
    ['published lists in UTF-16LE', REAL_TEXT, 'utf-16le'],
    ['published lists in UTF-16BE', REAL_TEXT, 'utf-16be'],
  ])('round trip through TextDecoder: %s', (_, text, encoding) => {
    const bytes = encodeText(text, encoding);
    expect(decode(bytes, encoding)).toBe(text);
  });

  it('writes ASCII as is and Chinese as two bytes in GBK', () => {
    expect([...encodeText('A1,你', 'gbk')]).toEqual([0x41, 0x31, 0x2c, 0xc4, 0xe3]);
    expect([...encodeText('你', 'big5')]).toEqual([0xa7, 0x41]);
    expect([...encodeText('𠀀', 'gb18030')]).toEqual([0x95, 0x32, 0x82, 0x36]);
  });

  it.each<[string, string, TextEncoding]>([
    ['a simplified character in Big5', '检查', 'big5'],
    ['a CJK Extension B character in GBK', '𠀀', 'gbk'],
    ['an emoji in Big5', '✅', 'big5'],
  ])('throws on a character the encoding cannot hold: %s', (_, text, encoding) => {
    expect(() => encodeText(text, encoding)).toThrow(`${encoding} cannot encode “${[...text][0]}”`);
  });
});
