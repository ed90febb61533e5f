import { itemAt } from '../../core/item-at';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { columnLetter } from '../../core/grid';
import type { CellSpec, ChartSpec, SheetSpec } from '../../core/sheet-spec';
import { addSheetRelElement, AFTER_LEGACY_DRAWING } from './ooxml/notes';
import {
  addRelationship,
  freeName,
  freeRelId,
  relationships,
  relativeTarget,
  relsPathOf,
  sheetsOf,
} from './ooxml/package';
import { escapeXml } from './ooxml/xml-text';

// DrawingML bar charts written into a package as parts of their own, the way Excel stores them: a chart part
// (xl/charts/chartN.xml) holding the series with their cell references and cached values, a drawing part
// (xl/drawings/drawingN.xml) anchoring it to cells, the relationships sheet → drawing → chart, the content types,
// and the sheet's <drawing r:id>. exceljs writes no charts; every other part of the package is kept as it is.

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Series fills when a chart names none (Office's first two accents). */
const DEFAULT_COLOURS = ['5B9BD5', 'ED7D31', 'A5A5A5', 'FFC000'];

/** A chart's values as cached in its part: category labels, and each series' name and numbers. */
export interface ChartData {
  categories: string[];
  series: Array<{ name: string; values: number[] }>;
}

/** A cell's value in a sheet description (1-based), or null. */
function specValue(spec: SheetSpec | undefined, row: number, column: number): CellSpec['value'] {
  return spec?.rows[row - 1]?.cells[column - 1]?.value ?? null;
}

/**
 * The values a chart shows before any viewer recalculates, read from the sheet descriptions (the data sheet's
 * header row above `firstRow` names the series).
 */
export function chartData(chart: ChartSpec, data: SheetSpec | undefined): ChartData {
  const rows: number[] = [];
  for (let r = chart.firstRow; r <= chart.lastRow; r++) rows.push(r);
  return {
    categories: rows.map((r) => String(specValue(data, r, chart.categoryColumn) ?? '')),
    series: chart.seriesColumns.map((c) => ({
      name: String(specValue(data, chart.firstRow - 1, c) ?? ''),
      values: rows.map((r) => {
        const v = specValue(data, r, c);
        return typeof v === 'number' ? v : Number(v) || 0;
      }),
    })),
  };
}

/** An absolute reference to a range of a sheet, quoted as charts store it: '监测点汇总'!$C$5:$C$27. */
function ref(sheet: string, column: number, top: number, bottom = top): string {
  const col = columnLetter(column);
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return top === bottom ? `${quoted}!$${col}$${top}` : `${quoted}!$${col}$${top}:$${col}$${bottom}`;
}

const points = (values: ReadonlyArray<string | number>) =>
  values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`).join('');

/** The rich text of a title or a label font: size in hundredths of a point. */
const richText = (text: string, size: number) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
  `<a:r><a:rPr lang="zh-CN" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;

const textProps = (size: number) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

/** The chart part: a clustered bar chart of the series against the categories, values shown on the bars. */
export function chartXml(chart: ChartSpec, sheet: string, data: ChartData): string {
  const dataSheet = chart.dataSheet ?? sheet;
  const n = data.categories.length;
  const bar = chart.direction === 'bar';
  const series = chart.seriesColumns
    .map((column, i) => {
      const colour = chart.colours?.[i] ?? DEFAULT_COLOURS[i % DEFAULT_COLOURS.length];
      // One series of data per series column.
      const s = itemAt(data.series, i);
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(ref(dataSheet, column, chart.firstRow - 1))}</c:f>` +
        `<c:strCache><c:ptCount val="1"/>${points([s.name])}</c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:dLbls>${textProps(900)}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
        `<c:cat><c:strRef><c:f>${escapeXml(ref(dataSheet, chart.categoryColumn, chart.firstRow, chart.lastRow))}</c:f>` +
        `<c:strCache><c:ptCount val="${n}"/>${points(data.categories)}</c:strCache></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(ref(dataSheet, column, chart.firstRow, chart.lastRow))}</c:f>` +
        `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>${points(s.values)}</c:numCache>` +
        '</c:numRef></c:val></c:ser>'
      );
    })
    .join('');
  // Sideways bars list the first category at the top (the category axis reversed, the value axis kept below it).
  const categoryAxis =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bar ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(1000)}` +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>' +
    '<c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valueAxis =
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bar ? 'b' : 'l'}"/><c:majorGridlines/>` +
    '<c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="nextTo"/>${textProps(900)}<c:crossAx val="500000001"/>` +
    `<c:crosses val="${bar ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>`;
  return (
    XML_DECL +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    `xmlns:r="${NS_REL}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${richText(chart.title, 1400)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${bar ? 'bar' : 'col'}"/><c:grouping val="clustered"/>` +
    `<c:varyColors val="0"/>${series}<c:gapWidth val="50"/><c:axId val="500000001"/><c:axId val="500000002"/>` +
    `</c:barChart>${categoryAxis}${valueAxis}</c:plotArea>` +
    `<c:legend><c:legendPos val="${bar ? 't' : 'b'}"/><c:overlay val="0"/>${textProps(1000)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** One anchor of a drawing part: the chart's corners on the sheet's cells (0-based in DrawingML). */
function anchorXml(chart: ChartSpec, id: number, relId: string): string {
  const to = chart.to ?? { row: chart.anchor.row + 20, column: chart.anchor.column + 8 };
  const corner = (tag: string, row: number, column: number) =>
    `<xdr:${tag}><xdr:col>${column - 1}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    corner('from', chart.anchor.row, chart.anchor.column) +
    corner('to', to.row, to.column) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="图表 ${id}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="${relId}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/**
 * Adds the charts of the sheet descriptions to a package written from them (by their sheet names): one drawing per
 * sheet with charts, one chart part per chart, with the data's values cached. Bytes unchanged when no sheet has a
 * chart. Throws when a chart's sheet is not in the package, or the sheet already has a drawing (never written by
 * the report writer: a second drawing would be invalid).
 */
export function addCharts(bytes: Uint8Array, specs: readonly SheetSpec[]): Uint8Array {
  const withCharts = specs.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return bytes;
  const files = unzipSync(bytes);
  const sheets = sheetsOf((name) => files[name]);
  const typesPart = files['[Content_Types].xml'];
  if (!typesPart) throw new Error('addCharts: the package has no [Content_Types].xml');
  let types = strFromU8(typesPart);
  const taken = (name: string) => name in files;
  let shapes = 0;
  for (const spec of withCharts) {
    const sheet = sheets.find((s) => s.name === spec.name);
    if (!sheet) throw new Error(`addCharts: no sheet named ${spec.name} in the package`);
    const sheetPart = files[sheet.path];
    if (!sheetPart) throw new Error(`addCharts: no part ${sheet.path} for sheet ${spec.name} in the package`);
    const sheetXml = strFromU8(sheetPart);
    if (/<drawing\s/.test(sheetXml)) throw new Error(`addCharts: sheet ${spec.name} already has a drawing`);
    const drawingPath = freeName(taken, 'xl/drawings/drawing', '.xml');
    let drawingRelsXml: string | undefined;
    const anchors = (spec.charts ?? []).map((chart) => {
      const chartPath = freeName(taken, 'xl/charts/chart', '.xml');
      const data = chartData(chart, chart.dataSheet ? specs.find((s) => s.name === chart.dataSheet) : spec);
      files[chartPath] = strToU8(chartXml(chart, spec.name, data));
      const relId = freeRelId(relationships(drawingRelsXml));
      drawingRelsXml = addRelationship(
        drawingRelsXml,
        relId,
        REL_CHART,
        relativeTarget(drawingPath, chartPath),
      );
      types = types.replace(
        /<\/Types>\s*$/,
        `<Override PartName="/${chartPath}" ContentType="${CT_CHART}"/></Types>`,
      );
      return anchorXml(chart, ++shapes, relId);
    });
    files[drawingPath] = strToU8(
      `${XML_DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
        `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${anchors.join('')}</xdr:wsDr>`,
    );
    files[relsPathOf(drawingPath)] = strToU8(drawingRelsXml ?? '');
    types = types.replace(
      /<\/Types>\s*$/,
      `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/></Types>`,
    );
    const sheetRelsPath = relsPathOf(sheet.path);
    const sheetRels = files[sheetRelsPath] ? strFromU8(files[sheetRelsPath]) : undefined;
    const relId = freeRelId(relationships(sheetRels));
    files[sheetRelsPath] = strToU8(
      addRelationship(sheetRels, relId, REL_DRAWING, relativeTarget(sheet.path, drawingPath)),
    );
    // <drawing> comes right before <legacyDrawing> in a worksheet's element order.
    files[sheet.path] = strToU8(
      addSheetRelElement(sheetXml, 'drawing', relId, ['legacyDrawing', ...AFTER_LEGACY_DRAWING]),
    );
  }
  files['[Content_Types].xml'] = strToU8(types);
  return zipSync(files, { level: 6 });
}
