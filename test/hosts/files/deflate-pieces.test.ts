import { inflateRawSync } from 'node:zlib';
import { deflateInPieces } from '../../../src/hosts/files/native-zlib';

// The command line deflates a large part of a marked copy in pieces, each in a task of zlib's thread pool: the
// pieces must join into one raw deflate stream that inflates to the part.

/** Bytes like a sheet's: rows of cells, numbered, repeating. */
function sheetLike(rows: number): Uint8Array {
  let xml = '';
  for (let r = 1; r <= rows; r++) xml += `<row r="${r}"><c r="A${r}" t="s"><v>${r % 97}</v></c></row>`;
  return new TextEncoder().encode(xml);
}

test.each([
  ['many pieces and a short last one', sheetLike(5000), 4096],
  ['pieces that end exactly at the end', sheetLike(1024).subarray(0, 50 * 1024), 1024],
  ['one piece', sheetLike(50), 1 << 20],
  ['no bytes', new Uint8Array(), 4096],
])('%s inflate to the same bytes', async (_, data, pieceBytes) => {
  const deflated = await deflateInPieces(data, 1, pieceBytes);
  expect(Buffer.from(inflateRawSync(deflated)).equals(Buffer.from(data))).toBe(true);
  if (data.length > 0) expect(deflated.length).toBeLessThan(data.length / 3);
});
