/**
 * How the Excel and WPS adapters keep their mark record inside the workbook: JSON text cut into cell-sized chunks
 * (a cell holds at most 32,767 characters), each starting with a tag so that no chunk is ever read as a number
 * or a formula. Host-free: each adapter reads and writes the cells its own way.
 */

/** Characters per chunk cell. */
export const CHUNK_CHARS = 30_000;

/** Every stored chunk starts with this character. */
export const CHUNK_TAG = '|';

/** Splits text into tagged chunks, never inside a surrogate pair. */
export function chunkText(text: string, size = CHUNK_CHARS): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + size);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--;
    out.push(CHUNK_TAG + text.slice(i, end));
    i = end;
  }
  return out;
}

/** A chunk's text without its tag (and without a text prefix `'`, should a host hand it back), or undefined. */
export function untagChunk(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.startsWith("'") ? value.slice(1) : value;
  return v.startsWith(CHUNK_TAG) ? v.slice(1) : undefined;
}

/** Joins chunks read back from the cells of a one-column range. */
export function joinChunks(values: readonly unknown[][]): string {
  let s = '';
  for (const row of values) s += untagChunk(row[0]) ?? '';
  return s;
}
