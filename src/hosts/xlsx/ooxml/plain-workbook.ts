import { strToU8, zipSync } from 'fflate';
import { cellAddress } from '../../../core/grid';
import { NS_MAIN, NS_REL, XML_DECL } from './package';
import { escapeXml } from './xml-text';

/** One sheet of text cells: rows of strings (null for blank), and column widths in characters where set. */
export interface PlainSheet {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<string | null>>;
  widths?: ReadonlyArray<number | undefined>;
}

const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const STYLES =
  `<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * A new one-sheet .xlsx holding text cells (shared strings) and column widths: what a CSV's marked copy starts
 * from, before the marks are patched in like any other package's.
 */
export function plainXlsx(sheet: PlainSheet): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const rows: string[] = [];
  sheet.rows.forEach((row, i) => {
    const cells: string[] = [];
    row.forEach((v, j) => {
      if (v === null || v === '') return;
      let n = index.get(v);
      if (n === undefined) {
        n = strings.length;
        strings.push(v);
        index.set(v, n);
      }
      cells.push(`<c r="${cellAddress(i + 1, j + 1)}" t="s"><v>${n}</v></c>`);
    });
    if (cells.length > 0) rows.push(`<row r="${i + 1}">${cells.join('')}</row>`);
  });
  const cols = (sheet.widths ?? [])
    .map((w, j) =>
      w === undefined ? '' : `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`,
    )
    .join('');
  const sheetXml =
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData></worksheet>`;
  const sst =
    `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
    `${strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
    '_rels/.rels':
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
      `<sheet name="${escapeXml(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId3" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
    'xl/styles.xml': `${XML_DECL}${STYLES}`,
    'xl/sharedStrings.xml': sst,
  };
  const zip: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(parts)) zip[name] = strToU8(xml);
  return zipSync(zip, { level: 6 });
}
