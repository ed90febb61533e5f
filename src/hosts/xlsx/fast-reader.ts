import { strFromU8, unzipSync } from 'fflate';
import { type CellValue, type Grid, type MergeRange, columnNumber, parseRange } from '../../core/grid';
import { attr, decode, runText } from './ooxml/xml-text';

// Why a reader of our own: exceljs builds a full object model (styles, every cell object) and takes ~15× the
// time to merely unzip and tokenize a 50k-row sheet, and over 1 GB with its grids; validation needs only values,
// number formats and merges. Marked copies are written by patching the package (patch-marks.ts); both share the
// XML helpers of ./ooxml.

/** Built-in number formats that show a percentage or a date (ECMA-376 §18.8.30, plus the zh-CN ones). */
const BUILTIN_FORMATS: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  22: 'yyyy-mm-dd h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(runText(m[1] ?? ''));
  return out;
}

/** Style index → number format code (undefined for General). */
function cellFormats(xml: string | undefined): (string | undefined)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId'));
    const code = attr(m[1], 'formatCode');
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: (string | undefined)[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
  }
  return out;
}

interface SheetEntry {
  name: string;
  path: string;
}

function sheetEntries(files: Record<string, Uint8Array>): { sheets: SheetEntry[]; date1904: boolean } {
  const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    const type = attr(m[1], 'Type') ?? '';
    if (id && target && /\/worksheet$/.test(type))
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: SheetEntry[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], 'name');
    const id = attr(m[1], 'r:id') ?? /\br:id="([^"]*)"|\bid="([^"]*)"/.exec(m[1])?.slice(1).find(Boolean);
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) sheets.push({ name, path });
  }
  return { sheets, date1904: /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook) };
}

const R_ATTR = /\br="([^"]*)"/;
const T_ATTR = /\bt="([^"]*)"/;
const S_ATTR = /\bs="([^"]*)"/;
const V_ELEMENT = /<v>([\s\S]*?)<\/v>/;

const TOKEN = /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)|<mergeCell\b([^>]*?)\/?>/g;

function readSheetXml(
  name: string,
  xml: string,
  strings: string[],
  formats: (string | undefined)[],
  date1904: boolean,
): Grid {
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const merges: MergeRange[] = [];
  let row = 0;
  let column = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[1] !== undefined) {
      const r = R_ATTR.exec(m[1])?.[1];
      row = r ? Number(r) : row + 1;
      column = 0;
      continue;
    }
    if (m[4] !== undefined) {
      const ref = attr(m[4], 'ref');
      if (ref) merges.push(parseRange(ref));
      continue;
    }
    const attrs = m[2];
    const ref = R_ATTR.exec(attrs)?.[1];
    if (ref) {
      const at = /^([A-Z]+)(\d+)$/.exec(ref);
      if (at) {
        column = columnNumber(at[1]);
        row = Number(at[2]);
      }
    } else column++;
    const body = m[3] ?? '';
    const type = T_ATTR.exec(attrs)?.[1] ?? 'n';
    const style = Number(S_ATTR.exec(attrs)?.[1] ?? 0);
    const v = body === '' ? undefined : V_ELEMENT.exec(body)?.[1];
    let value: CellValue = null;
    if (type === 's') value = v === undefined ? null : (strings[Number(v)] ?? null);
    else if (type === 'inlineStr') value = runText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
    else if (type === 'str') value = v === undefined ? null : decode(v);
    else if (type === 'b') value = v === undefined ? null : v === '1' || v === 'true';
    else if (type === 'e') value = { error: v === undefined ? '#VALUE!' : decode(v) };
    else if (type === 'd') value = v === undefined ? null : new Date(decode(v));
    else if (v !== undefined && v !== '')
      value = Number(v) + (date1904 ? 1462 : 0) * Number(isDate(formats[style]));
    const format = formats[style];
    if (value === null && format === undefined) continue;
    const rowValues = (values[row - 1] ??= []);
    rowValues[column - 1] = value;
    if (format !== undefined) (numberFormats[row - 1] ??= [])[column - 1] = format;
  }
  TOKEN.lastIndex = 0;
  // Dense rows: an empty cell is null, as hosts give it (no holes for callers to trip on).
  for (let i = 0; i < values.length; i++) {
    const row = (values[i] ??= []);
    for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
  }
  const anyFormat = numberFormats.length > 0;
  return {
    name,
    values,
    numberFormats: anyFormat ? numberFormats : undefined,
    merges,
    startRow: 1,
    startColumn: 1,
  };
}

function isDate(format: string | undefined): boolean {
  return !!format && /[yd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** Limits of one read: the largest uncompressed package, in bytes (default `DEFAULT_MAX_SIZE`). */
export interface ReadLimits {
  maxSize?: number;
}

/** 1 GB: a checklist is a few MB; anything near this is a bomb or not a list. */
export const DEFAULT_MAX_SIZE = 1024 ** 3;

/** A package that would unpack to more than the limit (its entries' sizes as the zip directory gives them). */
export class PackageTooLargeError extends Error {
  override readonly name = 'PackageTooLargeError';

  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super(`the package unpacks to ${size} bytes, over the limit of ${max}`);
  }
}

/**
 * Throws `PackageTooLargeError` when the entries' uncompressed sizes add up to more than `max`, before anything is
 * inflated (a zip bomb is refused by its directory; an entry that inflates past its declared size fails on its own).
 */
export function assertPackageSize(bytes: Uint8Array, max: number): void {
  let total = 0;
  unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      return false;
    },
  });
  if (total > max) throw new PackageTooLargeError(total, max);
}

/**
 * Reads every worksheet of an .xlsx into grids: values as Excel stores them (shared and inline strings, numbers,
 * booleans, errors, formulas' cached results), number formats, merged ranges. Merged followers are empty, as in
 * Excel. Throws on a package that is not a workbook; the caller turns that into a located message.
 */
export function readXlsxGrids(bytes: Uint8Array, limits: ReadLimits = {}): Grid[] {
  assertPackageSize(bytes, limits.maxSize ?? DEFAULT_MAX_SIZE);
  const files = unzipSync(bytes, {
    filter: (f) =>
      /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/.test(
        f.name,
      ),
  });
  if (!files['xl/workbook.xml']) throw new Error('xl/workbook.xml is missing: not an Excel workbook');
  const { sheets, date1904 } = sheetEntries(files);
  const strings = sharedStrings(files['xl/sharedStrings.xml'] && strFromU8(files['xl/sharedStrings.xml']));
  const formats = cellFormats(files['xl/styles.xml'] && strFromU8(files['xl/styles.xml']));
  return sheets.map((s) => {
    const data = files[s.path];
    return data
      ? readSheetXml(s.name, strFromU8(data), strings, formats, date1904)
      : { name: s.name, values: [], merges: [], startRow: 1, startColumn: 1 };
  });
}
