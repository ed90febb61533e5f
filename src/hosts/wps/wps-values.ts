import type { CellValue } from '../../core/grid';

/** A COM SAFEARRAY as an older script bridge hands it over (IE's `VBArray`): flattened column-major by `toArray`. */
interface VbArrayLike {
  toArray(): unknown[];
}

function isVbArray(v: unknown): v is VbArrayLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as VbArrayLike).toArray === 'function' &&
    !Array.isArray(v)
  );
}

/**
 * `Range.Value2` (or `NumberFormat`) of a `rows × cols` range as rows of cells, whatever shape the host returns:
 * a 2-D array (rows of columns), a 1-D array (one row, one column, or all cells row by row), a scalar for a
 * single cell (or a uniform property of many), or a `VBArray`-like object flattened column-major.
 */
export function toMatrix(raw: unknown, rows: number, cols: number): unknown[][] {
  if (rows <= 0 || cols <= 0) return [];
  if (isVbArray(raw)) {
    const flat = raw.toArray();
    const out: unknown[][] = [];
    for (let i = 0; i < rows; i++) {
      const row = new Array<unknown>(cols);
      for (let j = 0; j < cols; j++) row[j] = flat[j * rows + i];
      out.push(row);
    }
    return out;
  }
  if (!Array.isArray(raw)) {
    // One cell, or a property every cell shares (a number format reported once for the whole range).
    const out: unknown[][] = [];
    for (let i = 0; i < rows; i++) out.push(new Array<unknown>(cols).fill(raw));
    return out;
  }
  if (raw.length > 0 && Array.isArray(raw[0])) {
    const first = raw[0] as unknown[];
    // Column-major (an array per column) only when the lengths say so unambiguously.
    if (raw.length === cols && cols !== rows && first.length === rows) {
      const out: unknown[][] = [];
      for (let i = 0; i < rows; i++) out.push(raw.map((col) => (col as unknown[])[i]));
      return out;
    }
    return (raw as unknown[][]).map((r) => (Array.isArray(r) ? r : [r]));
  }
  if (rows === 1) return [raw];
  if (cols === 1) return raw.map((v) => [v]);
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) out.push(raw.slice(i * cols, (i + 1) * cols));
  return out;
}

/**
 * COM error values (`CVErr`) as the script bridge may pass them: the HRESULT `0x800A0000 | code` as a signed
 * 32-bit number. Excel's codes: 2000 #NULL!, 2007 #DIV/0!, 2015 #VALUE!, 2023 #REF!, 2029 #NAME?, 2036 #NUM!,
 * 2042 #N/A. No real cell holds such a number, so they are read back as errors without asking the host.
 */
const CV_ERRORS: Record<number, string> = {
  [-2146826288]: '#NULL!',
  [-2146826281]: '#DIV/0!',
  [-2146826273]: '#VALUE!',
  [-2146826265]: '#REF!',
  [-2146826259]: '#NAME?',
  [-2146826252]: '#NUM!',
  [-2146826246]: '#N/A',
};

/** One cell of `Value2` as a grid value: empty (undefined, null, '') is null; COM error codes become errors. */
export function toCellValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number': {
      const error = CV_ERRORS[v];
      return error ? { error } : v;
    }
    default:
      break;
  }
  if (v instanceof Date) return v;
  return String(v);
}

/** True for the formats that mean "no format": `General`, and WPS Chinese's local spelling `G/通用格式`. */
export function isGeneralFormat(f: unknown): boolean {
  return f === null || f === undefined || f === '' || f === 'General' || f === 'G/通用格式' || f === '@';
}
