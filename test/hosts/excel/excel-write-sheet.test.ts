import type { SheetSpec } from '../../../src/core/sheet-spec';
import { charsToPoints } from '../../../src/hosts/excel';
import { FakeExcel } from './fake-excel';
import { adapterOn } from './helpers';
import { tallyChart } from '../../helpers/chart-spec';

/** A report sheet with every feature of SheetSpec, and text that Excel would love to turn into formulas. */
function report(): SheetSpec {
  return {
    name: '汇总',
    columns: [10, 24, 12],
    rows: [
      { cells: [{ value: '于都县双随机抽查汇总', style: 'title' }], height: 30 },
      {
        cells: [
          { value: '项目', style: 'head' },
          { value: '内容', style: 'head' },
          { value: '数量', style: 'head' },
        ],
      },
      {
        cells: [
          { value: '公式样文本', style: 'body' },
          { value: '=1', style: 'body' },
          { value: 3, style: 'num' },
        ],
      },
      {
        cells: [
          { value: '电话', style: 'body' },
          { value: '+8613800138000', style: 'body' },
          { value: 4, style: 'num' },
        ],
      },
      {
        cells: [
          { value: '编号', style: 'body' },
          { value: '0123', style: 'body' },
          { value: 5, style: 'num' },
        ],
      },
      {
        cells: [
          { value: '负号', style: 'body' },
          { value: '-5', style: 'body' },
          { value: 0.25, style: 'pct' },
        ],
      },
      {
        cells: [
          { value: '合计', style: 'head' },
          { value: '@SUM', style: 'body' },
          { value: 12, formula: 'SUM(C3:C5)', style: 'num' },
        ],
      },
      {
        cells: [
          { value: '跳转', style: 'body' },
          { value: 'C5', link: { sheet: '检查实施清单', cell: 'C5' } },
        ],
      },
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    styles: {
      title: {
        font: { name: '方正小标宋简体', size: 16, bold: true },
        align: { horizontal: 'center', vertical: 'middle' },
      },
      head: { font: { bold: true }, fill: 'FFD9D9D9', border: 'thin' },
      body: { border: 'thin', align: { wrap: true } },
      num: { border: 'thin', numberFormat: '0' },
      pct: { numberFormat: '0%' },
    },
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      printTitleRows: { first: 1, last: 2 },
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 },
      footer: '第 &P 页，共 &N 页',
    },
    freeze: { rows: 2, columns: 1 },
    rowBreaks: [5],
    charts: [
      {
        title: '数量',
        firstRow: 3,
        lastRow: 6,
        categoryColumn: 2,
        seriesColumns: [3],
        anchor: { row: 10, column: 1 },
      },
    ],
    conditionalFormats: [
      { range: { top: 3, left: 3, bottom: 6, right: 3 }, rules: [{ formula: 'C3>4', style: 'head' }] },
    ],
  };
}

describe('writing a generated sheet', () => {
  test('text never becomes a formula or a number; formulas only from CellSpec.formula', async () => {
    const fake = new FakeExcel({ sheets: [{ name: '检查实施清单', values: [['a']] }] });
    await adapterOn(fake).writeSheet(report());
    expect(fake.value('汇总', 'B3')).toBe('=1');
    expect(fake.formula('汇总', 'B3')).toBeUndefined();
    expect(fake.value('汇总', 'B4')).toBe('+8613800138000');
    expect(fake.formula('汇总', 'B4')).toBeUndefined();
    expect(fake.value('汇总', 'B5')).toBe('0123');
    expect(fake.value('汇总', 'B6')).toBe('-5');
    expect(fake.value('汇总', 'B7')).toBe('@SUM');
    expect(fake.numberFormat('汇总', 'B3')).toBe('@');
    expect(fake.value('汇总', 'C3')).toBe(3);
    expect(fake.numberFormat('汇总', 'C3')).toBe('0');
    expect(fake.numberFormat('汇总', 'C6')).toBe('0%');
    expect(fake.formula('汇总', 'C7')).toBe('=SUM(C3:C5)');
  });

  test('the fake itself turns such text into formulas without the text format (the rule the adapter must beat)', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [['a']] }] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A2:B2').values = [['=1', '+8613800138000']];
      await context.sync();
    });
    expect(fake.formula('S', 'A2')).toBe('=1');
    expect(fake.value('S', 'B2')).toBe(8613800138000);
  });

  test('ExcelApi 1.18: fonts, fills, borders, widths, merges, freeze panes, page layout, page breaks, a chart, a conditional format, a link', async () => {
    const fake = new FakeExcel({ sheets: [{ name: '检查实施清单', values: [['a']] }] });
    const before = fake.counters.syncs;
    await adapterOn(fake).writeSheet(report());
    const s = fake.model('汇总');
    expect(fake.counters.syncs - before).toBeLessThanOrEqual(3);
    expect(s.cell(1, 1)?.font).toEqual({ name: '方正小标宋简体', size: 16, bold: true });
    expect(s.cell(1, 1)?.format).toEqual({ horizontalAlignment: 'Center', verticalAlignment: 'Center' });
    expect(fake.fill('汇总', 'B2')).toBe('#D9D9D9');
    expect(s.cell(3, 2)?.borders?.EdgeTop).toEqual({ style: 'Continuous', weight: 'Thin', color: '#000000' });
    expect(s.cell(3, 2)?.format).toEqual({ wrapText: true });
    expect(s.colWidths).toEqual({ 1: charsToPoints(10), 2: charsToPoints(24), 3: charsToPoints(12) });
    expect(charsToPoints(10)).toBe(52.5);
    expect(s.rowHeights[1]).toBe(30);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(s.freeze).toEqual({ rows: 2, columns: 1 });
    expect(s.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      leftMargin: 36,
      topMargin: 54,
      centerFooter: '第 &P 页，共 &N 页',
      printTitleRows: '$1:$2',
    });
    expect(s.pageBreaks).toEqual([6]);
    expect(s.charts).toEqual([
      expect.objectContaining({
        type: 'ColumnClustered',
        source: { top: 2, left: 2, bottom: 6, right: 3 },
        series: [],
      }),
    ]);
    expect(s.charts[0]!.title).toEqual({ text: '数量' });
    expect(s.charts[0]!.position).toBe('A10');
    expect(s.conditionalFormats).toEqual([
      {
        type: 'Custom',
        range: { top: 3, left: 3, bottom: 6, right: 3 },
        rule: { formula: '=C3>4' },
        fill: { color: '#D9D9D9' },
        font: { bold: true },
        priority: 0,
        stopIfTrue: true,
      },
    ]);
    expect(fake.link('汇总', 'B8')).toEqual({ documentReference: "'检查实施清单'!C5", textToDisplay: 'C5' });
  });

  test('ExcelApi 1.1: the same sheet without what 1.1 lacks (widths, merges, freeze, page layout, links), text still text', async () => {
    const fake = new FakeExcel({ api: '1.1', sheets: [{ name: '检查实施清单', values: [['a']] }] });
    await adapterOn(fake).writeSheet(report());
    const s = fake.model('汇总');
    expect(fake.value('汇总', 'B3')).toBe('=1');
    expect(fake.value('汇总', 'B4')).toBe('+8613800138000');
    expect(s.colWidths).toEqual({});
    expect(s.merges).toEqual([]);
    expect(s.freeze).toBeUndefined();
    expect(s.pageLayout).toEqual({});
    expect(fake.link('汇总', 'B8')).toBeUndefined();
    expect(s.charts).toHaveLength(1);
  });

  test('a chart on a sheet of its own: the data sheet’s rows, bars sideways, from corner to corner', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'x', values: [['a']] }] });
    await adapterOn(fake).writeSheet(report());
    await adapterOn(fake).writeSheet({
      name: '图表',
      columns: [10],
      rows: [{ cells: [{ value: '图' }] }],
      merges: [],
      styles: {},
      charts: [tallyChart({ dataSheet: '汇总', to: { row: 40, column: 10 }, direction: 'bar' })],
    });
    expect(fake.model('图表').charts).toEqual([
      expect.objectContaining({
        type: 'BarClustered',
        source: { top: 2, left: 1, bottom: 6, right: 3 },
        sourceSheet: '汇总',
        position: 'A3:J40',
      }),
    ]);
  });

  test('a chart of columns that are not side by side is built series by series (ExcelApi 1.7)', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'x', values: [['a']] }] });
    const spec = report();
    spec.charts = [tallyChart({ title: 'T', seriesColumns: [3, 2], anchor: { row: 12, column: 2 } })];
    await adapterOn(fake).writeSheet(spec);
    const chart = fake.model('汇总').charts[0]!;
    expect(chart.source).toEqual({ top: 2, left: 3, bottom: 6, right: 3 });
    expect(chart.series).toEqual([
      { xValues: { top: 3, left: 1, bottom: 6, right: 1 } },
      {
        name: undefined,
        values: { top: 3, left: 2, bottom: 6, right: 2 },
        xValues: { top: 3, left: 1, bottom: 6, right: 1 },
      },
    ]);
  });

  test('a sheet of the same name is replaced; other sheets are untouched', async () => {
    const fake = new FakeExcel({
      sheets: [
        { name: '检查实施清单', values: [['原数据']] },
        { name: '汇总', values: [['旧的汇总']] },
      ],
    });
    const before = fake.snapshot('检查实施清单');
    await adapterOn(fake).writeSheet(report());
    expect(fake.sheetNames()).toEqual(['检查实施清单', '汇总']);
    expect(fake.value('汇总', 'A1')).toBe('于都县双随机抽查汇总');
    expect(fake.snapshot('检查实施清单')).toBe(before);
  });

  test('a workbook with a protected structure: refused before anything is written', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'x', values: [['a']] }] });
    fake.book.structureProtected = true;
    await expect(adapterOn(fake).writeSheet(report())).rejects.toMatchObject({
      code: 'excel/structure-protected',
    });
    expect(fake.sheetNames()).toEqual(['x']);
  });
});
