import { textWidth } from '../../core/normalise';

export { textWidth };

/**
 * Height (points) of a row whose cells wrap: enough lines for the longest text in its column width. Why set it:
 * Excel grows wrapped rows when it opens a file, LibreOffice keeps the stored height and lets text overlap.
 */
export function wrappedHeight(
  cells: ReadonlyArray<{ text: string; width: number }>,
  fontSize: number,
  minimum = 0,
): number {
  let lines = 1;
  for (const { text, width } of cells) {
    const usable = Math.max(1, width - 1.5);
    const n = text.split('\n').reduce((s, part) => s + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
    lines = Math.max(lines, n);
  }
  return Math.max(minimum, Math.ceil(lines * fontSize * 1.3 + 4));
}
