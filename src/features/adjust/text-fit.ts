/**
 * Row heights for wrapped text, estimated without a host. Why: hosts differ in whether they grow a row to fit
 * wrapped text when a file is opened, merged cells never grow, and page breaks depend on the heights; so a
 * generated form sets every height itself.
 */

/**
 * Width of a text in column-width units at `size` points: a CJK or full-width character ≈ 2 units at 11 pt, a
 * Latin letter or digit ≈ 1, narrow punctuation less.
 */
export function textUnits(text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0x2e80 || code === 0x2192 || code === 0x2014) units += 2;
    else if (/[ .,:;!|'()[\]il]/.test(ch)) units += 0.6;
    else units += 1.05;
  }
  return (units * size) / 11;
}

/** Lines a wrapped text takes in a column of `width` characters (explicit line breaks kept). */
export function wrappedLines(text: string, width: number, size: number): number {
  const usable = Math.max(1, width - 1.5);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line, size) / usable)), 0);
}

/** Row height in points that shows every cell's wrapped text: lines × line height, plus padding. */
export function fitRowHeight(
  cells: ReadonlyArray<{ text: string; width: number }>,
  size: number,
  min = 0,
): number {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width, size)));
  return Math.max(min, Math.ceil(lines * size * 1.4 + 6));
}
