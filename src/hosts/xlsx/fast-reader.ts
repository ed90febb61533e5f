import type { Grid } from '../../core/grid';
import { attr, runText } from './ooxml/xml-text';
import { type Relationship, relationships, relsPathOf, resolveTarget } from './ooxml/package';
import {
  checkPart,
  contentTypesOf,
  forEachSegment,
  partSource,
  partText,
  SHEET_CUTS,
  STRINGS_CUTS,
} from './package-parts';
import { SheetScanner } from './sheet-scanner';
import {
  NotSpreadsheetError,
  PackageError,
  PackageTooLargeError,
  PartTooLargeError,
  ZipPackage,
} from './zip-package';

export { NotSpreadsheetError, PackageError, PackageTooLargeError, PartTooLargeError };

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

/** The shared strings of a part, read a segment at a time (the part may be larger than one string can be). */
function sharedStrings(zip: ZipPackage, part: string, segmentBytes?: number): string[] {
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  const scan = (xml: string) => {
    re.lastIndex = 0;
    for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(runText(m[1] ?? ''));
  };
  forEachSegment(partSource(zip, part, segmentBytes), part, scan, segmentBytes, STRINGS_CUTS);
  return out;
}

/** Style index → number format code (undefined for General). */
function cellFormats(xml: string | undefined): (string | undefined)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const [, attrs = ''] of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(attrs, 'numFmtId'));
    const code = attr(attrs, 'formatCode');
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: (string | undefined)[] = [];
  for (const [, attrs = ''] of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(attrs, 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
  }
  return out;
}

/** Limits of one read: the largest uncompressed package, in bytes (default `DEFAULT_MAX_SIZE`). */
export interface ReadLimits {
  maxSize?: number;
  /** Bytes of a large part decoded per step (tests make it small to cut real packages in many places). */
  segmentBytes?: number;
}

/** 1 GB: a checklist is a few MB; anything near this is a bomb or not a list. */
export const DEFAULT_MAX_SIZE = 1024 ** 3;

interface SheetEntry {
  name: string;
  path: string;
}

/** Content types of a workbook's main part (workbook, macro-enabled, template; Strict uses the same). */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The relationships of one type, by the end of the type (Transitional and Strict names alike). */
const relOfType = (rels: Relationship[], type: string) => rels.filter((r) => r.type.endsWith(`/${type}`));

/** The workbook part named by the package's root relationships (xl/workbook.xml when there are none). */
function workbookPath(zip: ZipPackage): string {
  if (zip.has('_rels/.rels')) {
    const main = relOfType(relationships(partText(zip, '_rels/.rels')), 'officeDocument')[0];
    if (main) return resolveTarget('', main.target);
  }
  return 'xl/workbook.xml';
}

/** Throws `NotSpreadsheetError` when the package is a Word document or a presentation. */
function assertNotOtherOffice(zip: ZipPackage): void {
  if (zip.has('word/document.xml')) throw new NotSpreadsheetError('word');
  if (zip.has('ppt/presentation.xml')) throw new NotSpreadsheetError('powerpoint');
}

/**
 * Reads every worksheet of an .xlsx into grids: values as Excel stores them (shared and inline strings, numbers,
 * booleans, errors, formulas' cached results), number formats, merged ranges. Merged followers are empty, as in
 * Excel. The usual, prefixed (`<x:c>`) and Strict forms are read alike.
 *
 * Corruption is never read as data: the zip directory and every entry's size and CRC are checked, every part used
 * must be well-formed XML in valid UTF-8 (or UTF-16), every part a relationship names must exist, the workbook and
 * its sheets must have their content types, and every shared string a cell names must exist. Throws
 * `PackageError` naming the part, `PackageTooLargeError` over the size limit (checked before inflating), or
 * `NotSpreadsheetError` for a Word or PowerPoint package.
 */
export function readXlsxGrids(bytes: Uint8Array, limits: ReadLimits = {}): Grid[] {
  const zip = ZipPackage.open(bytes, limits.maxSize ?? DEFAULT_MAX_SIZE);
  if (!zip.has('[Content_Types].xml')) {
    assertNotOtherOffice(zip);
    throw new PackageError('missing', '[Content_Types].xml');
  }
  const typeOf = contentTypesOf(partText(zip, '[Content_Types].xml'));
  const main = workbookPath(zip);
  if (!zip.has(main)) {
    assertNotOtherOffice(zip);
    throw new PackageError('no-workbook', main);
  }
  if (!WORKBOOK_TYPES.has(typeOf(main) ?? '')) throw new PackageError('content-type', main);
  const workbook = partText(zip, main);
  const relsPath = relsPathOf(main);
  const rels = zip.has(relsPath) ? relationships(partText(zip, relsPath)) : [];
  const used = new Set(['[Content_Types].xml', '_rels/.rels', main, relsPath]);
  const target = (r: Relationship) => resolveTarget(main, r.target);

  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  for (const [, attrs = ''] of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(attrs, 'name');
    const id = /(?:^|\s)[\w.-]+:id="([^"]*)"/.exec(attrs)?.[1];
    if (name === undefined || !id) throw new PackageError('xml', main, { problem: 'sheet' });
    const rel = byId.get(id);
    if (!rel) throw new PackageError('missing', relsPath, { sheet: name });
    if (!rel.type.endsWith('/worksheet')) continue; // chart sheets and dialog sheets hold no cells
    const path = target(rel);
    if (!zip.has(path)) throw new PackageError('missing', path, { sheet: name });
    if (typeOf(path) !== WORKSHEET_TYPE) throw new PackageError('content-type', path);
    sheets.push({ name, path });
  }
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
  const partOf = (type: string, fallback: string): string | undefined => {
    const rel = relOfType(rels, type).find((r) => !r.external);
    if (rel) {
      const path = target(rel);
      if (!zip.has(path)) throw new PackageError('missing', path);
      return path;
    }
    return zip.has(fallback) ? fallback : undefined;
  };
  const stringsPath = partOf('sharedStrings', 'xl/sharedStrings.xml');
  const stylesPath = partOf('styles', 'xl/styles.xml');
  const strings = stringsPath ? sharedStrings(zip, stringsPath, limits.segmentBytes) : [];
  const formats = stylesPath ? cellFormats(partText(zip, stylesPath)) : [];
  for (const p of [stringsPath, stylesPath]) if (p) used.add(p);

  const grids = sheets.map((s) => {
    used.add(s.path);
    const scanner = new SheetScanner(s.path, strings, formats, date1904);
    forEachSegment(
      partSource(zip, s.path, limits.segmentBytes),
      s.path,
      () => undefined,
      limits.segmentBytes,
      SHEET_CUTS,
      scanner,
    );
    return scanner.grid(s.name);
  });
  // Every other entry is inflated and checked too (XML parts for well-formedness as well; VML is not XML): a
  // damaged part the reader does not use (a theme, document properties, an image) still makes the file damaged
  // for Excel, and the marked copy would carry it on.
  for (const name of zip.names()) {
    if (used.has(name) || name.endsWith('/')) continue;
    if (/\.(xml|rels)$/i.test(name)) checkPart(zip, name);
    else zip.read(name);
  }
  return grids;
}
