import { SHEET_COLUMNS, SHEET_ROWS } from '../../core/cell-key';
import { cellAddress, type MergeRange } from '../../core/grid';
import { SEVERITY_RANK, type Severity } from '../../core/issue';
import { MARK_COLOURS, type CellMark } from '../../core/workbook-port';
import { WorkbookMarkError } from './errors';
import { mergesOf, type PatchedCells, type PlannedSheet, patchCells } from './ooxml/cells';
import { type NoteTarget, patchComments, ShapeIds, patchVml, legacyDrawingEdit } from './ooxml/notes';
import { applyEdits, applyEditsToBytes, type Edit } from './ooxml/xml-text';
import {
  CT_COMMENTS,
  CT_VML,
  XML_DECL,
  resolveTarget,
  relativeTarget,
  relsPathOf,
  relationships,
  flavourOf,
  freeName,
  sheetsOf,
  type SheetInfo,
  xmlTextOf,
  freeRelId,
  addRelationship,
} from './ooxml/package';
import { StyleBook } from './ooxml/styles';
import { ZipPackage } from './zip-package';
import { writeZip, writeZipAsync, type ZipItem } from './zip-writer';

// Why patch the package instead of going through exceljs: exceljs loads the whole object model (~1 GB and
// 10–25 s on a 50k-row sheet) and drops the parts it does not model (charts, pivots, images, slicers, custom
// XML). Marks only need a few new styles, `s="…"` on the marked cells and legacy notes, so this writer edits
// styles.xml, the marked sheets, their rels and notes, and [Content_Types].xml as text; every other entry is
// copied as it was stored (not even inflated), in the same order.

/** A sheet with its planned marks, its merges by row, and its extent once its cells are patched. */
interface SheetPlan extends PlannedSheet {
  merges: Map<number, MergeRange[]>;
  ranges: MergeRange[];
  lastRow: number;
  lastColumn: number;
  /** True when the extent is the whole sheet's, not only as far as the marked cells. */
  exact: boolean;
}

/** True when a mark names a cell Excel can have (its place in the sheet is checked once the extent is known). */
const possible = ({ row, column }: CellMark) =>
  Number.isInteger(row) &&
  Number.isInteger(column) &&
  row >= 1 &&
  column >= 1 &&
  row <= SHEET_ROWS &&
  column <= SHEET_COLUMNS;

/**
 * Plans marks against the package: an unknown sheet throws `WorkbookMarkError`; a mark on a merged follower goes
 * to the merge's top-left cell; several marks on one cell take the worst severity and every distinct note, in
 * order (the rules of `planMarks` in ./marks). Marks on cells Excel cannot have are left out here and refused by
 * `checkPlaces`.
 */
function plan(parts: PackageText, marks: readonly CellMark[], fileName: string): Map<string, SheetPlan> {
  const infos = new Map<string, SheetInfo>();
  // The first sheet of a name, as a search in tab order finds it.
  for (const s of sheetsOf((name) => parts.bytes(name))) if (!infos.has(s.name)) infos.set(s.name, s);
  const sheets = new Map<string, SheetPlan>();
  for (const mark of marks) {
    const info = infos.get(mark.sheet);
    if (!info) throw new WorkbookMarkError('mark/unknown-sheet', fileName, { sheet: mark.sheet });
    let sheet = sheets.get(info.path);
    if (!sheet) {
      const xml = parts.text(info.path) ?? '';
      // Merges by row, so that 10k merges × 10k marks is not 100M comparisons.
      const ranges = mergesOf(xml);
      const merges = new Map<number, MergeRange[]>();
      for (const m of ranges) {
        for (let r = m.top; r <= m.bottom; r++) {
          const list = merges.get(r);
          if (list) list.push(m);
          else merges.set(r, [m]);
        }
      }
      sheet = { info, xml, cells: new Map(), merges, ranges, lastRow: 0, lastColumn: 0, exact: false };
      sheets.set(info.path, sheet);
    }
    if (!possible(mark)) continue;
    const { row, column } = mark;
    let target = { row, column };
    for (const m of sheet.merges.get(row) ?? []) {
      if (row >= m.top && row <= m.bottom && column >= m.left && column <= m.right) {
        target = { row: m.top, column: m.left };
        break;
      }
    }
    const key = cellAddress(target.row, target.column);
    const planned = sheet.cells.get(key);
    if (!planned) {
      sheet.cells.set(key, { ...target, severity: mark.severity, notes: mark.note ? [mark.note] : [] });
      continue;
    }
    if (SEVERITY_RANK[mark.severity] < SEVERITY_RANK[planned.severity]) planned.severity = mark.severity;
    if (mark.note && !planned.notes.includes(mark.note)) planned.notes.push(mark.note);
  }
  return sheets;
}

/**
 * Throws `WorkbookMarkError('mark/outside-sheet')` for the first mark, in order, on a cell outside its sheet's
 * extent (exceljs's: the last row and column holding a cell, merges included) or on no cell at all.
 */
function checkPlaces(
  marks: readonly CellMark[],
  sheetOf: (name: string) => SheetPlan,
  fileName: string,
  measure: (sheet: SheetPlan) => void,
): void {
  for (const mark of marks) {
    const sheet = sheetOf(mark.sheet);
    const { row, column } = mark;
    const inside = () => possible(mark) && row <= sheet.lastRow && column <= sheet.lastColumn;
    if (inside()) continue;
    // A mark is refused by the whole sheet's extent, not only as far as the marked cells go.
    if (!sheet.exact) {
      measure(sheet);
      if (inside()) continue;
    }
    const valid = Number.isInteger(row) && Number.isInteger(column) && row >= 1 && column >= 1;
    throw new WorkbookMarkError('mark/outside-sheet', fileName, {
      sheet: mark.sheet,
      cell: valid ? cellAddress(row, column) : `R${row}C${column}`,
      lastRow: sheet.lastRow,
      lastColumn: sheet.lastColumn,
    });
  }
}

/**
 * Marks cells in .xlsx bytes and returns the marked package: each marked cell gets a copy of its cell format
 * with a solid fill of its severity colour (`MARK_COLOURS`), and its notes as a legacy note (appended after a line
 * break to a note already there, never twice). Every mark is checked before anything is written
 * (`WorkbookMarkError`). Values, formulas, other styles, merges, widths, names, validations, conditional
 * formats and all other parts are left as they were; untouched entries keep their bytes and order.
 */
export function markXlsxBytes(bytes: Uint8Array, marks: CellMark[], fileName: string): Uint8Array {
  const items = markedEntries(bytes, marks, fileName);
  return items ? writeZip(items) : bytes;
}

/**
 * `markXlsxBytes`, with the large parts deflated off this thread where an asynchronous deflater is set (Node's
 * zlib in its thread pool, in the command line) while the rest of the copy is made here.
 */
export async function markXlsxBytesAsync(
  bytes: Uint8Array,
  marks: CellMark[],
  fileName: string,
): Promise<Uint8Array> {
  const items = markedEntries(bytes, marks, fileName);
  return items ? writeZipAsync(items) : bytes;
}

/** The entries of the marked package (see `markXlsxBytes`), or undefined when no mark changes it. */
function markedEntries(bytes: Uint8Array, marks: CellMark[], fileName: string): ZipItem[] | undefined {
  const zip = ZipPackage.open(bytes, Number.MAX_SAFE_INTEGER);
  const parts = new PackageText(zip);
  if (!zip.has('xl/workbook.xml')) throw new Error('xl/workbook.xml is missing: not an Excel workbook');
  const plans = plan(parts, marks, fileName);
  if (plans.size === 0) return undefined;
  // New parts and relationships use the namespace names of the package (Strict keeps Strict).
  const ns = flavourOf(parts.text('xl/workbook.xml')!);
  const REL_COMMENTS = `${ns.relationships}/comments`;
  const REL_VML = `${ns.relationships}/vmlDrawing`;

  const changed = new Map<string, string>();
  const changedBytes = new Map<string, Uint8Array>();
  const stylesPath = 'xl/styles.xml';
  const styles = new StyleBook(
    parts.text(stylesPath) ??
      `${XML_DECL}<styleSheet xmlns="${ns.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  );
  const styleOf = (s: number, severity: Severity) => styles.marked(s, MARK_COLOURS[severity]);

  let contentTypes = parts.text('[Content_Types].xml') ?? '';
  const vmlParts = zip
    .names()
    .filter((n) => n.endsWith('.vml'))
    .map((n) => parts.text(n)!);
  const shapeIds = new ShapeIds(vmlParts);
  const newParts = new Map<string, string>();
  const has = (name: string) => zip.has(name) || newParts.has(name);

  // The cells first: patching a sheet measures its extent, and every mark is checked against it before the
  // notes and the package are written.
  const patched = new Map<SheetPlan, Edit[] | undefined>();
  const extent = (sheet: SheetPlan, result: PatchedCells) => {
    sheet.lastRow = result.lastRow;
    sheet.lastColumn = result.lastColumn;
    sheet.exact = result.exact;
    for (const m of sheet.ranges) {
      sheet.lastRow = Math.max(sheet.lastRow, m.bottom);
      sheet.lastColumn = Math.max(sheet.lastColumn, m.right);
    }
  };
  for (const sheet of plans.values()) {
    const result = patchCells(sheet.xml, [...sheet.cells.values()], styleOf);
    extent(sheet, result);
    patched.set(sheet, result.edits);
  }
  const byName = new Map([...plans.values()].map((p) => [p.info.name, p]));
  // Every row of a sheet is read only to refuse a mark (then nothing is written, the styles made are dropped).
  const measure = (sheet: SheetPlan) =>
    extent(sheet, patchCells(sheet.xml, [...sheet.cells.values()], styleOf, true));
  checkPlaces(marks, (name) => byName.get(name)!, fileName, measure);

  for (const sheet of plans.values()) {
    const cells = [...sheet.cells.values()];
    const { xml } = sheet;
    const edits = patched.get(sheet);
    if (edits === undefined) throw new Error('worksheet has no sheetData');

    const targets: NoteTarget[] = cells
      .filter((c) => c.notes.length > 0)
      .map((c) => ({ ref: cellAddress(c.row, c.column), row: c.row, column: c.column, notes: c.notes }));
    if (targets.length > 0) {
      const relsPath = relsPathOf(sheet.info.path);
      let relsXml = changed.get(relsPath) ?? parts.text(relsPath);
      const rels = relationships(relsXml);
      const commentsRel = rels.find((r) => r.type === REL_COMMENTS && !r.external);
      // After the rows: searched from the end of the sheet data, not through millions of cells.
      const legacyTag = /<legacyDrawing\b([^>]*?)\/?>/g;
      legacyTag.lastIndex = Math.max(0, xml.lastIndexOf('</sheetData'));
      const legacy = legacyTag.exec(xml);
      const legacyId = legacy ? /\s[\w]+:id="([^"]*)"/.exec(legacy[1] ?? '')?.[1] : undefined;
      const vmlRel =
        rels.find((r) => r.id === legacyId && !r.external) ??
        rels.find((r) => r.type === REL_VML && !r.external && !legacy);

      let commentsPath = commentsRel ? resolveTarget(sheet.info.path, commentsRel.target) : undefined;
      const commentsXml = commentsPath ? parts.text(commentsPath) : undefined;
      const { xml: newComments, added } = patchComments(commentsXml, targets, ns);
      const commentsChanged = newComments !== commentsXml;
      if (commentsChanged) {
        if (!commentsPath || !zip.has(commentsPath)) {
          commentsPath = commentsPath ?? freeName(has, 'xl/comments', '.xml');
          newParts.set(commentsPath, newComments);
          if (!commentsRel) {
            const id = freeRelId(relationships(relsXml));
            relsXml = addRelationship(
              relsXml,
              id,
              REL_COMMENTS,
              relativeTarget(sheet.info.path, commentsPath),
            );
          }
          if (!contentTypes.includes(`PartName="/${commentsPath}"`)) {
            contentTypes = contentTypes.replace(
              /<\/Types>/,
              `<Override PartName="/${commentsPath}" ContentType="${CT_COMMENTS}"/></Types>`,
            );
          }
        } else changed.set(commentsPath, newComments);
      }

      if (added.length > 0) {
        let vmlPath = vmlRel ? resolveTarget(sheet.info.path, vmlRel.target) : undefined;
        const vmlXml = vmlPath ? parts.text(vmlPath) : undefined;
        const newVml = patchVml(vmlXml, added, shapeIds);
        if (vmlPath && zip.has(vmlPath)) changed.set(vmlPath, newVml);
        else {
          vmlPath = vmlPath ?? freeName(has, 'xl/drawings/vmlDrawing', '.vml');
          newParts.set(vmlPath, newVml);
        }
        let rId = vmlRel?.id;
        if (!rId) {
          rId = freeRelId(relationships(relsXml));
          relsXml = addRelationship(relsXml, rId, REL_VML, relativeTarget(sheet.info.path, vmlPath));
        }
        if (!legacy) edits.push(legacyDrawingEdit(xml, rId, ns));
        const ext = vmlPath.slice(vmlPath.lastIndexOf('.') + 1);
        if (
          !new RegExp(`<Default\\b[^>]*Extension="${ext}"`, 'i').test(contentTypes) &&
          !contentTypes.includes(`PartName="/${vmlPath}"`)
        ) {
          contentTypes = contentTypes.replace(
            /<\/Types>/,
            `<Default Extension="${ext}" ContentType="${CT_VML}"/></Types>`,
          );
        }
      }
      if (relsXml !== undefined && relsXml !== parts.text(relsPath)) {
        if (zip.has(relsPath)) changed.set(relsPath, relsXml);
        else newParts.set(relsPath, relsXml);
      }
    }
    // The sheet's bytes edited in place where its text is its bytes (ASCII, unprefixed): the 22 MB of a 50k-row
    // sheet are copied, not encoded again.
    const path = sheet.info.path;
    if (parts.isBytes(path)) changedBytes.set(path, applyEditsToBytes(parts.bytes(path)!, edits));
    else changed.set(path, applyEdits(xml, edits));
  }
  if (styles.changed) {
    if (zip.has(stylesPath)) changed.set(stylesPath, styles.toXml());
    else {
      // A package without styles (some generators omit it): add the part, its relationship and content type.
      newParts.set(stylesPath, styles.toXml());
      const wbRels = 'xl/_rels/workbook.xml.rels';
      const relsXml = parts.text(wbRels);
      const id = freeRelId(relationships(relsXml));
      const text = addRelationship(relsXml, id, `${ns.relationships}/styles`, 'styles.xml');
      if (zip.has(wbRels)) changed.set(wbRels, text);
      else newParts.set(wbRels, text);
      contentTypes = contentTypes.replace(
        /<\/Types>/,
        `<Override PartName="/${stylesPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
      );
    }
  }
  if (zip.has('[Content_Types].xml') && contentTypes !== parts.text('[Content_Types].xml')) {
    changed.set('[Content_Types].xml', contentTypes);
  }

  // Entries keep their order and their stored-or-deflated method; an unchanged entry is copied as stored.
  const utf8 = new TextEncoder();
  const items: ZipItem[] = zip.names().map((name) => {
    const text = changed.get(name);
    const data = changedBytes.get(name) ?? (text === undefined ? undefined : utf8.encode(text));
    if (data === undefined) return { name, from: zip };
    return { name, data, level: zip.entry(name)!.method === 0 ? 0 : WRITE_LEVEL };
  });
  for (const [name, text] of newParts) items.push({ name, data: utf8.encode(text), level: WRITE_LEVEL });
  return items;
}

/**
 * Deflate level of the parts written here. Why 1: on a 22 MB sheet zlib takes (in processor time) 57 ms at level
 * 1 for 3.0 MB, 70 ms at level 2 for 2.8 MB, 122 ms at level 3 for 2.7 MB and 295 ms at level 6 for 2.4 MB; a
 * marked copy is a working file, a few hundred KB more is worth the time.
 */
const WRITE_LEVEL = 1;

/** The package's parts as bytes and as unprefixed text, each inflated (and checked) once, when first asked for. */
class PackageText {
  private readonly data = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  /** Parts whose text was unprefixed. */
  private readonly unprefixed = new Set<string>();

  constructor(private readonly zip: ZipPackage) {}

  /** A part's bytes, or undefined when the package has no such part. */
  bytes(name: string): Uint8Array | undefined {
    if (!this.zip.has(name)) return undefined;
    let data = this.data.get(name);
    if (!data) {
      data = this.zip.read(name);
      this.data.set(name, data);
    }
    return data;
  }

  /** A part as text in the usual unprefixed form (`xmlText`), or undefined when there is no such part. */
  text(name: string): string | undefined {
    let text = this.texts.get(name);
    const data = text === undefined ? this.bytes(name) : undefined;
    if (data) {
      const read = xmlTextOf(data);
      text = read.text;
      this.texts.set(name, text);
      if (read.unprefixed) this.unprefixed.add(name);
    }
    return text;
  }

  /**
   * True when a part's text is its bytes one for one: every character one byte (ASCII) and nothing unprefixed
   * (so an edit at a position of the text is at that position of the bytes).
   */
  isBytes(name: string): boolean {
    const text = this.text(name);
    const data = this.bytes(name);
    return (
      text !== undefined && data !== undefined && text.length === data.length && !this.unprefixed.has(name)
    );
  }
}
