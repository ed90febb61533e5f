import { attr, setAttr } from './xml-text';

// Styles: solid fills and cell formats for marks, allocated in styles.xml on demand.

/** The solid fill of a mark colour, as Excel writes a fill (no bgColor: exceljs reads that back as part of the fill). */
const fillXml = (argb: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/></patternFill></fill>`;

/** Top-level elements of a `<fills>`/`<cellXfs>` body, with their positions. */
function childElements(
  body: string,
  tag: string,
): { start: number; end: number; xml: string; attrs: string }[] {
  const out: { start: number; end: number; xml: string; attrs: string }[] = [];
  const re = new RegExp(`<${tag}\\b([^>]*?)(?:\\/>|>[\\s\\S]*?<\\/${tag}>)`, 'g');
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push({ start: m.index, end: m.index + m[0].length, xml: m[0], attrs: m[1] ?? '' });
  }
  return out;
}

/** Normalised fill XML for comparing fills (whitespace between tags and quote style ignored). */
const normalise = (xml: string) =>
  xml
    .replace(/>\s+</g, '><')
    .replace(/'/g, '"')
    .replace(/\s*\/>/g, '/>');

/**
 * The styles part: new solid fills and cell formats are allocated on demand (one per original style and
 * colour, reusing an identical fill or format already there so that marking twice adds nothing) and written
 * back by `toXml`.
 */
export class StyleBook {
  private readonly xfs: { xml: string; attrs: string }[];
  private readonly fills: string[];
  private readonly fillIndex = new Map<string, number>();
  private readonly xfIndex = new Map<string, number>();
  private readonly cache = new Map<string, number>();
  private readonly newFills: string[] = [];
  private readonly newXfs: string[] = [];

  constructor(private readonly xml: string) {
    const fills = /<fills\b[^>]*?(?:\/>|>([\s\S]*?)<\/fills>)/.exec(xml);
    this.fills = fills ? childElements(fills[1] ?? '', 'fill').map((f) => f.xml) : [];
    this.fills.forEach((f, i) => {
      if (!this.fillIndex.has(normalise(f))) this.fillIndex.set(normalise(f), i);
    });
    const xfs = /<cellXfs\b[^>]*?(?:\/>|>([\s\S]*?)<\/cellXfs>)/.exec(xml);
    this.xfs = xfs ? childElements(xfs[1] ?? '', 'xf') : [];
    this.xfs.forEach((x, i) => {
      if (!this.xfIndex.has(normalise(x.xml))) this.xfIndex.set(normalise(x.xml), i);
    });
  }

  /** The cell format index: style `s` with the solid fill of `argb`. */
  marked(s: number, argb: string): number {
    const key = `${s}:${argb}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const fillId = this.fill(argb);
    const base = this.xfs[s] ??
      this.xfs[0] ?? {
        xml: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        attrs: ' numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"',
      };
    let index: number;
    if (
      this.xfs[s] &&
      attr(base.attrs, 'fillId') === String(fillId) &&
      attr(base.attrs, 'applyFill') === '1'
    ) {
      index = s; // already this mark's colour (a marked copy marked again)
    } else {
      const attrs = setAttr(setAttr(base.attrs, 'fillId', String(fillId)), 'applyFill', '1');
      const xf = `<xf${attrs}${base.xml.slice(3 + base.attrs.length)}`;
      const existing = this.xfIndex.get(normalise(xf));
      if (existing !== undefined) index = existing;
      else {
        index = this.xfs.length + this.newXfs.length;
        this.newXfs.push(xf);
        this.xfIndex.set(normalise(xf), index);
      }
    }
    this.cache.set(key, index);
    return index;
  }

  private fill(argb: string): number {
    const xml = fillXml(argb);
    const known = this.fillIndex.get(normalise(xml));
    if (known !== undefined) return known;
    const index = this.fills.length + this.newFills.length;
    this.newFills.push(xml);
    this.fillIndex.set(normalise(xml), index);
    return index;
  }

  get changed(): boolean {
    return this.newFills.length > 0 || this.newXfs.length > 0;
  }

  /** styles.xml with the new fills and formats appended and the counts updated. */
  toXml(): string {
    let xml = this.xml;
    if (this.newFills.length > 0) {
      const count = this.fills.length + this.newFills.length;
      xml = appendChildren(xml, 'fills', this.newFills.join(''), count, ['numFmts', 'fonts'], 'styleSheet');
    }
    if (this.newXfs.length > 0) {
      const count = this.xfs.length + this.newXfs.length;
      xml = appendChildren(
        xml,
        'cellXfs',
        this.newXfs.join(''),
        count,
        ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs'],
        'styleSheet',
      );
    }
    return xml;
  }
}

/**
 * Appends `children` to the element `tag` (created after the last of `after` when missing) and sets its
 * `count`.
 */
function appendChildren(
  xml: string,
  tag: string,
  children: string,
  count: number,
  after: string[],
  root: string,
): string {
  const m = new RegExp(`<${tag}\\b([^>]*?)(\\/?)>`).exec(xml);
  if (m) {
    const open = `<${tag}${setAttr(m[1] ?? '', 'count', String(count))}>`;
    if (m[2] === '/')
      return `${xml.slice(0, m.index)}${open}${children}</${tag}>${xml.slice(m.index + m[0].length)}`;
    const close = xml.indexOf(`</${tag}>`, m.index);
    return `${xml.slice(0, m.index)}${open}${xml.slice(m.index + m[0].length, close)}${children}${xml.slice(close)}`;
  }
  let at = -1;
  for (const prev of after) {
    const end = new RegExp(`<\\/${prev}>|<${prev}\\b[^>]*\\/>`).exec(xml);
    if (end) at = Math.max(at, end.index + end[0].length);
  }
  if (at < 0)
    at =
      new RegExp(`<${root}\\b[^>]*>`).exec(xml)!.index + new RegExp(`<${root}\\b[^>]*>`).exec(xml)![0].length;
  return `${xml.slice(0, at)}<${tag} count="${count}">${children}</${tag}>${xml.slice(at)}`;
}
