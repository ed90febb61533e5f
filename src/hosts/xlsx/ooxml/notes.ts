import { itemAt } from '../../../core/item-at';
import { type Flavour, NAMESPACES, XML_DECL } from './package';
import { escapeXml, attr, runText, type Edit, applyEdits } from './xml-text';
import { fitNote } from '../../note-text';

// Notes: legacy comments parts and their VML drawings.

/** Author of the notes this writer adds to a sheet that has none. */
const NOTE_AUTHOR = 'drc';

export interface NoteTarget {
  ref: string;
  row: number;
  column: number;
  notes: string[];
}

/** True when `block` already appears in `text` as whole lines (so marking twice never repeats a note). */
function hasBlock(text: string, block: string): boolean {
  return `\n${text}\n`.includes(`\n${block}\n`);
}

const run = (text: string) => `<r><t xml:space="preserve">${escapeXml(text)}</t></r>`;

/**
 * Comments part with our notes: appended to an existing note (after a line break) or added as new comments; a
 * new part uses the namespace of the package (`ns`: Strict keeps Strict).
 */
export function patchComments(
  xml: string | undefined,
  targets: NoteTarget[],
  ns: Flavour,
): { xml: string; added: NoteTarget[] } {
  let doc =
    xml ??
    `${XML_DECL}<comments xmlns="${ns.main}"><authors><author>${escapeXml(NOTE_AUTHOR)}</author></authors><commentList></commentList></comments>`;
  const existing = new Map<string, { start: number; end: number; xml: string }>();
  for (const m of doc.matchAll(/<comment\b([^>]*?)(?:\/>|>[\s\S]*?<\/comment>)/g)) {
    const ref = attr(m[1] ?? '', 'ref');
    if (ref) existing.set(ref, { start: m.index, end: m.index + m[0].length, xml: m[0] });
  }
  const edits: Edit[] = [];
  const added: NoteTarget[] = [];
  let appended = '';
  for (const t of targets) {
    const old = existing.get(t.ref);
    if (old) {
      const body = /<text\b[^>]*>([\s\S]*?)<\/text>/.exec(old.xml);
      const before = body ? runText(body[1] ?? '') : '';
      const notes = t.notes.filter((n) => !hasBlock(before, n));
      if (notes.length === 0) continue;
      const ours = run(fitNote(before.length, `${before === '' ? '' : '\n'}${notes.join('\n')}`));
      let comment: string;
      if (!body) {
        comment = old.xml.endsWith('/>')
          ? `${old.xml.slice(0, -2)}><text>${ours}</text></comment>`
          : old.xml.replace(/<\/comment>$/, `<text>${ours}</text></comment>`);
      } else {
        let inner = body[1] ?? '';
        // A plain <t> (no runs) becomes a run, so that the text stays one sequence of runs.
        if (!/<r\b/.test(inner))
          inner = inner.replace(/^(\s*)(<t\b[^>]*?(?:\/>|>[\s\S]*?<\/t>))/, '$1<r>$2</r>');
        const tail = /<(rPh|phoneticPr)\b/.exec(inner);
        inner = tail ? `${inner.slice(0, tail.index)}${ours}${inner.slice(tail.index)}` : `${inner}${ours}`;
        const bodyStart = old.xml.indexOf(body[0]);
        const openLength = body[0].indexOf('>') + 1;
        comment = `${old.xml.slice(0, bodyStart + openLength)}${inner}</text>${old.xml.slice(bodyStart + body[0].length)}`;
      }
      edits.push({ at: old.start, length: old.end - old.start, text: comment });
    } else {
      const notes = t.notes;
      if (notes.length === 0) continue;
      appended += `<comment ref="${t.ref}" authorId="0"><text>${run(fitNote(0, notes.join('\n')))}</text></comment>`;
      added.push(t);
    }
  }
  doc = applyEdits(doc, edits);
  if (appended) {
    if (!/<author\b/.test(doc)) {
      const a = `<author>${escapeXml(NOTE_AUTHOR)}</author>`;
      doc = /<authors\s*\/>/.test(doc)
        ? doc.replace(/<authors\s*\/>/, `<authors>${a}</authors>`)
        : /<authors\b[^>]*>/.test(doc)
          ? doc.replace(/<\/authors>/, `${a}</authors>`)
          : doc.replace(/(<comments\b[^>]*>)/, `$1<authors>${a}</authors>`);
    }
    if (/<commentList\s*\/>/.test(doc))
      doc = doc.replace(/<commentList\s*\/>/, `<commentList>${appended}</commentList>`);
    else if (/<\/commentList>/.test(doc)) doc = doc.replace(/<\/commentList>/, `${appended}</commentList>`);
    else doc = doc.replace(/<\/comments>/, `<commentList>${appended}</commentList></comments>`);
  }
  return { xml: doc, added };
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** One hidden note box, as Excel draws a new note: anchored right of the cell, zero-based row and column. */
function noteShape(id: number, z: number, t: NoteTarget): string {
  const r = t.row - 1;
  const c = t.column - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;` +
    `width:108pt;height:59.25pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${c + 1}, 15, ${Math.max(r - 1, 0)}, 10, ${c + 3}, 15, ${r + 3}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
  );
}

/** Shape ids: blocks of 1024 (`o:idmap data`) not used by any drawing of the package. */
export class ShapeIds {
  private nextBlock: number;

  constructor(vmlParts: string[]) {
    let max = 0;
    for (const xml of vmlParts) {
      for (const m of xml.matchAll(/<o:idmap\b[^>]*?data="([^"]*)"/g)) {
        for (const n of (m[1] ?? '').split(/[\s,]+/)) if (Number(n) > max) max = Number(n);
      }
      for (const m of xml.matchAll(/\bid="_x0000_s(\d+)"/g)) {
        const block = Math.floor((Number(m[1]) - 1) / 1024);
        if (block > max) max = block;
      }
    }
    this.nextBlock = max + 1;
  }

  /** `count` fresh ids and the blocks they use. */
  take(count: number): { ids: number[]; blocks: number[] } {
    const blocks: number[] = [];
    const ids: number[] = [];
    let block = this.nextBlock;
    for (let k = 0; k < count; k++) {
      if (k % 1024 === 0) blocks.push((block = this.nextBlock++));
      ids.push(block * 1024 + 1 + (k % 1024));
    }
    return { ids, blocks };
  }
}

/** The VML drawing with a note box for each added note (a new drawing when `xml` is undefined). */
export function patchVml(xml: string | undefined, added: NoteTarget[], shapeIds: ShapeIds): string {
  const { ids, blocks } = shapeIds.take(added.length);
  let z = 1;
  if (xml) for (const m of xml.matchAll(/z-index:\s*(\d+)/g)) z = Math.max(z, Number(m[1]) + 1);
  const shapes = added.map((t, k) => noteShape(itemAt(ids, k), z + k, t)).join('');
  if (!xml) {
    return (
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
      'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>` +
      `${SHAPE_TYPE}${shapes}</xml>`
    );
  }
  let doc = xml;
  const idmap = /(<o:idmap\b[^>]*?data=")([^"]*)(")/.exec(doc);
  if (idmap) {
    const data = [idmap[2], ...blocks].filter(Boolean).join(',');
    doc = `${doc.slice(0, idmap.index)}${idmap[1]}${data}${idmap[3]}${doc.slice(idmap.index + idmap[0].length)}`;
  } else if (/<o:shapelayout\b[^>]*>/.test(doc) && !/<o:shapelayout\b[^>]*\/>/.test(doc)) {
    doc = doc.replace(/(<o:shapelayout\b[^>]*>)/, `$1<o:idmap v:ext="edit" data="${blocks.join(',')}"/>`);
  }
  const type = /\bid="_x0000_t202"/.test(doc) ? '' : SHAPE_TYPE;
  const close = doc.lastIndexOf('</xml>');
  return close >= 0 ? `${doc.slice(0, close)}${type}${shapes}${doc.slice(close)}` : `${doc}${type}${shapes}`;
}

/** Elements of CT_Worksheet that come after legacyDrawing (ECMA-376 Part 1, §18.3.1.99). */
export const AFTER_LEGACY_DRAWING = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
  'mc:AlternateContent',
];

/**
 * Where `<tag r:id>` (a drawing, a legacy drawing) goes in sheet XML, as an edit: at its place in the element
 * order, before the first of the elements `after` it that the sheet has, else at its end. `ns`: the package's
 * namespaces (Strict or Transitional).
 */
export function sheetRelElementEdit(
  xml: string,
  tag: string,
  rId: string,
  after: readonly string[],
  ns: Flavour = NAMESPACES.transitional,
): Edit {
  const root = /<worksheet\b([^>]*)>/.exec(xml);
  const declared = root && attr(root[1] ?? '', 'xmlns:r') === ns.relationships;
  const element = declared
    ? `<${tag} r:id="${rId}"/>`
    : `<${tag} xmlns:r="${ns.relationships}" r:id="${rId}"/>`;
  // After the rows: from the end of the sheet data (searched from the end of the text, past millions of cells).
  const end = xml.lastIndexOf('</sheetData>');
  const from = end >= 0 ? end : Math.max(xml.search(/<sheetData\b[^>]*\/>/), 0);
  let at = xml.lastIndexOf('</worksheet>');
  for (const next of after) {
    const re = new RegExp(`<${next}[\\s/>]`, 'g');
    re.lastIndex = from;
    const m = re.exec(xml);
    if (m && m.index < at) at = m.index;
  }
  return { at, length: 0, text: element };
}

/** The sheet XML with `<tag r:id>` at its place in the element order (see `sheetRelElementEdit`). */
export function addSheetRelElement(
  xml: string,
  tag: string,
  rId: string,
  after: readonly string[],
  ns: Flavour = NAMESPACES.transitional,
): string {
  return applyEdits(xml, [sheetRelElementEdit(xml, tag, rId, after, ns)]);
}

/** Where `<legacyDrawing r:id>` goes in sheet XML, as an edit (its place in the element order). */
export function legacyDrawingEdit(xml: string, rId: string, ns: Flavour): Edit {
  return sheetRelElementEdit(xml, 'legacyDrawing', rId, AFTER_LEGACY_DRAWING, ns);
}
