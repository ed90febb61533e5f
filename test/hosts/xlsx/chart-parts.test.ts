import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { addCharts, chartData } from '../../../src/hosts/xlsx/chart-parts';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';
import { sheetSpecsToXlsx } from '../../../src/hosts/xlsx/sheet-specs-to-xlsx';
import { tallyChart } from '../../helpers/chart-spec';

/** A data sheet (header on row 2, units below) and a sheet of its own for the chart. */
function specs(): SheetSpec[] {
  const data: SheetSpec = {
    name: "汇总's",
    columns: [10, 10, 10],
    rows: [
      { cells: [{ value: '标题' }] },
      { cells: [{ value: '单位' }, { value: '任务数' }, { value: '申报数' }] },
      { cells: [{ value: '工信局' }, { value: 2 }, { value: 1 }] },
      { cells: [{ value: 'R&D<中心>' }, { value: 4 }, { value: 5, formula: 'SUM(1,4)' }] },
    ],
    merges: [],
    styles: {},
  };
  const chart: SheetSpec = {
    name: '图表',
    columns: [10],
    rows: [{ cells: [{ value: '图' }] }],
    merges: [],
    styles: {},
    page: { orientation: 'portrait', paper: 'A4', fitToWidth: true, footer: '第 &P 页' },
    charts: [
      tallyChart({
        dataSheet: "汇总's",
        lastRow: 4,
        anchor: { row: 2, column: 1 },
        to: { row: 20, column: 8 },
        direction: 'bar',
        colours: ['5B9BD5', 'ED7D31'],
      }),
    ],
  };
  return [data, chart];
}

describe('charts written as DrawingML parts', () => {
  let files: Record<string, Uint8Array>;
  let bytes: Uint8Array;
  const text = (name: string) => strFromU8(files[name]!);
  beforeAll(async () => {
    bytes = await sheetSpecsToXlsx(specs());
    files = unzipSync(bytes);
  });

  test('the chart part holds the series, their cell references and their cached values', () => {
    const chart = text('xl/charts/chart1.xml');
    expect(chart).toContain('<c:barDir val="bar"/>');
    // '汇总''s'!$B$2: the sheet name quoted as in a formula, then escaped as XML text.
    expect(chart).toContain('<c:f>&apos;汇总&apos;&apos;s&apos;!$B$2</c:f>');
    expect(chart).toContain('<c:f>&apos;汇总&apos;&apos;s&apos;!$A$3:$A$4</c:f>');
    expect(chart).toContain('<c:f>&apos;汇总&apos;&apos;s&apos;!$C$3:$C$4</c:f>');
    expect(chart).toContain('<c:pt idx="1"><c:v>R&amp;D&lt;中心&gt;</c:v></c:pt>');
    expect(chart).toContain('<c:v>申报数</c:v>');
    expect(chart).toMatch(/<a:srgbClr val="5B9BD5"\/>[\s\S]*<a:srgbClr val="ED7D31"\/>/);
    expect(chart).toContain('<a:t>任务数与申报数</a:t>');
    expect(chartData(specs()[1]!.charts![0]!, specs()[0]).series[1]!.values).toEqual([1, 5]);
  });

  test('drawing, relationships, content types and the sheet’s <drawing> tie it together', () => {
    expect(text('xl/drawings/drawing1.xml')).toContain('<xdr:from><xdr:col>0</xdr:col>');
    expect(text('xl/drawings/drawing1.xml')).toContain(
      '<xdr:to><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>19</xdr:row>',
    );
    expect(text('xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
    const sheet = text('xl/worksheets/sheet2.xml');
    const rels = text('xl/worksheets/_rels/sheet2.xml.rels');
    const id = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)?.[1];
    expect(rels).toContain(
      `Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    // Schema order: <drawing> after <headerFooter>, at the end of the sheet.
    expect(sheet).toMatch(/<\/headerFooter><drawing r:id="rId\d+"\/><\/worksheet>$/);
    const types = text('[Content_Types].xml');
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(text('xl/worksheets/sheet1.xml')).not.toContain('<drawing');
  });

  test('the package still opens: exceljs and the fast reader read its sheets and values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总's", '图表']);
    expect(readXlsxGrids(bytes)[0]!.values[3]).toEqual(['R&D<中心>', 4, 5]);
  });

  test('no chart, no change; a chart for a sheet the package lacks is refused', () => {
    const [data] = specs();
    expect(addCharts(bytes, [data!])).toBe(bytes);
    expect(() => addCharts(bytes, [{ ...specs()[1]!, name: '别的' }])).toThrow(/no sheet named 别的/);
    expect(() => addCharts(bytes, specs())).toThrow(/already has a drawing/);
  });
});
