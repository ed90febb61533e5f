import { escapeXml, attr, unprefix, unprefixOf } from './xml-text';
import { strFromU8 } from 'fflate';

// The package: part paths, relationships, the workbook's sheets.

/** Namespace names of the two OOXML flavours (ECMA-376 Transitional, and Strict / ISO 29500). */
export const NAMESPACES = {
  transitional: {
    main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  },
  strict: {
    main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
    relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  },
} as const;

/** The namespace names a package uses, decided by its workbook part. */
export type Flavour = (typeof NAMESPACES)[keyof typeof NAMESPACES];

/** Strict when the workbook's namespace is Strict's, else Transitional. */
export function flavourOf(workbookXml: string): Flavour {
  return workbookXml.includes(NAMESPACES.strict.main) ? NAMESPACES.strict : NAMESPACES.transitional;
}

/** Namespaces, relationship types and content types the writer and the reader name (Transitional). */
export const NS_REL = NAMESPACES.transitional.relationships;
export const NS_MAIN = NAMESPACES.transitional.main;
export const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A part name relative to the package root (no leading slash), resolved from `target` seen from `fromPart`. */
export function resolveTarget(fromPart: string, target: string): string {
  const [clean = ''] = target.split('#');
  if (clean.startsWith('/')) return clean.slice(1);
  const parts = fromPart.split('/');
  parts.pop();
  for (const seg of clean.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `target` as a path relative to the folder of `fromPart`. */
export function relativeTarget(fromPart: string, target: string): string {
  const from = fromPart.split('/');
  from.pop();
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** The rels part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** One relationship of a rels part. */
export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a rels part's text (none when there is no part). */
export function relationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const [, attrs = ''] of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    out.push({
      id: attr(attrs, 'Id') ?? '',
      type: attr(attrs, 'Type') ?? '',
      target: attr(attrs, 'Target') ?? '',
      external: attr(attrs, 'TargetMode') === 'External',
    });
  }
  return out;
}

/** An unused name of the form `prefix N suffix` (N from 1). */
export function freeName(taken: (name: string) => boolean, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}${suffix}`;
    if (!taken(name)) return name;
  }
}

export interface SheetInfo {
  name: string;
  path: string;
}

/**
 * A part as text in the usual unprefixed form (`<x:c>` → `<c>`, see `unprefix`), so that the patterns of the
 * writer fit prefixed exports too; a part changed by the writer is written back in that form (the same elements).
 */
export function xmlText(bytes: Uint8Array): string {
  return xmlTextOf(bytes).text;
}

/** Decodes UTF-8 bytes into text (invalid bytes become U+FFFD). */
export type Utf8Decode = (bytes: Uint8Array) => string;

let utf8Decode: Utf8Decode = (bytes) => strFromU8(bytes);

/**
 * Sets how the writer decodes a part: fflate's (TextDecoder) by default, Node's Buffer where the command line
 * sets it (an ASCII part, the usual sheet, in a tenth of the time).
 */
export function useUtf8Decode(decode: Utf8Decode | undefined): void {
  utf8Decode = decode ?? ((bytes) => strFromU8(bytes));
}

/** `xmlText`, and whether the part was prefixed (its text then differs from its bytes). */
export function xmlTextOf(bytes: Uint8Array): { text: string; unprefixed: boolean } {
  const text = utf8Decode(bytes);
  const u = unprefixOf(text);
  return u ? { text: unprefix(text, u, true), unprefixed: true } : { text, unprefixed: false };
}

/** The worksheets of a package (name and part), in tab order; `part` gives a part's bytes (undefined: none). */
export function sheetsOf(part: (name: string) => Uint8Array | undefined): SheetInfo[] {
  const workbook = xmlText(part('xl/workbook.xml') ?? new Uint8Array());
  const relsBytes = part('xl/_rels/workbook.xml.rels');
  const rels = relationships(relsBytes && xmlText(relsBytes));
  const targets = new Map<string, string>();
  for (const r of rels) {
    if (/\/worksheet$/.test(r.type)) targets.set(r.id, resolveTarget('xl/workbook.xml', r.target));
  }
  const out: SheetInfo[] = [];
  for (const [, attrs = ''] of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(attrs, 'name');
    const id = /\s[\w]+:id="([^"]*)"/.exec(attrs)?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) out.push({ name, path });
  }
  return out;
}

/** A free `rIdN` in a rels part. */
export function freeRelId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  for (let n = 1; ; n++) if (!used.has(`rId${n}`)) return `rId${n}`;
}

export function addRelationship(xml: string | undefined, id: string, type: string, target: string): string {
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (!xml) {
    return `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`;
  }
  if (/<Relationships\b[^>]*\/>/.test(xml))
    return xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
  return xml.replace(/<\/Relationships>/, `${rel}</Relationships>`);
}
