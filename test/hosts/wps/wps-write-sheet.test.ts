import type { SheetSpec } from '../../../src/core/sheet-spec';
import { bgr, FakeEt } from './fake-et';
import { adapterOn } from './helpers';

const STYLES: SheetSpec['styles'] = {
  title: {
    font: { name: '方正小标宋简体', size: 20, bold: true },
    align: { horizontal: 'center', vertical: 'middle' },
  },
  head: {
    font: { name: '黑体', size: 12 },
    fill: 'FFD9E1F2',
    border: 'thin',
    align: { horizontal: 'center', wrap: true },
  },
  cell: { font: { name: '仿宋', size: 12, colour: 'FFC00000' }, border: 'thin', align: { wrap: true } },
  pct: { numberFormat: '0%', border: 'thin' },
  met: { fill: 'FFC6EFCE', font: { colour: 'FF006100', bold: true } },
};

/** A report sheet using every SheetSpec feature. */
function report(name = '动态调整情况表'): SheetSpec {
  return {
    name,
    columns: [6, 26, 10, 54],
    rows: [
      {
        cells: [
          { value: '于都县测试局2026年度行政检查事项清单动态调整情况表', style: 'title' },
          null,
          null,
          null,
        ],
        height: 40,
      },
      {
        cells: [
          { value: '序号', style: 'head' },
          { value: '事项名称', style: 'head' },
          { value: '比例', style: 'head' },
          { value: '说明', style: 'head' },
        ],
        height: 30,
      },
      {
        cells: [
          { value: 1, style: 'cell' },
          { value: '=1', style: 'cell' },
          { value: 0.05, style: 'pct' },
          { value: '+86 0797-1234567', style: 'cell' },
        ],
        height: 20,
      },
      {
        cells: [
          { value: 2, style: 'cell' },
          { value: '0123', style: 'cell' },
          { value: 0.1, style: 'pct' },
          { value: "'以撇号开头", style: 'cell' },
        ],
        height: 20,
      },
      {
        cells: [
          { value: '合计', style: 'cell' },
          { value: 2, formula: 'COUNT(A3:A4)', style: 'cell' },
          { value: '达标', style: 'cell' },
          { value: '见清单', link: { sheet: '清单', cell: 'B3' } },
        ],
      },
    ],
    merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
    styles: STYLES,
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      printTitleRows: { first: 2, last: 2 },
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75 },
      horizontalCentered: true,
      footer: '第 &P 页,共 &N 页',
    },
    freeze: { rows: 2, columns: 0 },
    rowBreaks: [3],
    conditionalFormats: [
      { range: { top: 5, left: 3, bottom: 5, right: 3 }, rules: [{ formula: 'C5="达标"', style: 'met' }] },
    ],
    charts: [
      {
        title: '比例',
        firstRow: 3,
        lastRow: 4,
        categoryColumn: 2,
        seriesColumns: [3],
        anchor: { row: 7, column: 1 },
      },
    ],
  };
}

describe('writing generated sheets', () => {
  test('text never becomes a formula or a number; formulas only where the spec says', async () => {
    const fake = new FakeEt({ sheets: [{ name: '清单', values: [['a']] }] });
    await adapterOn(fake).writeSheet(report());
    const s = '动态调整情况表';
    expect(fake.value(s, 'B3')).toBe('=1');
    expect(fake.formula(s, 'B3')).toBeUndefined();
    expect(fake.value(s, 'D3')).toBe('+86 0797-1234567');
    expect(fake.value(s, 'B4')).toBe('0123');
    expect(fake.value(s, 'D4')).toBe("'以撇号开头");
    expect(fake.value(s, 'C3')).toBe(0.05);
    expect(fake.formula(s, 'B5')).toBe('=COUNT(A3:A4)');
    expect(fake.value(s, 'A1')).toBe('于都县测试局2026年度行政检查事项清单动态调整情况表');
    // The hazard is real in the fake as in WPS: the same text written plainly becomes a formula and a number.
    const ws = (fake.app as { ActiveSheet: { Range(a: string): { Value2: unknown } } }).ActiveSheet;
    ws.Range('F1').Value2 = '=1';
    ws.Range('F2').Value2 = '0123';
    expect(fake.formula(s, 'F1')).toBe('=1');
    expect(fake.value(s, 'F2')).toBe(123);
  });

  test('fonts, fills, borders, widths in characters, heights, merges, page setup, breaks, freeze, rules, chart, link', async () => {
    const fake = new FakeEt({ sheets: [{ name: '清单', values: [['a']] }] });
    await adapterOn(fake).writeSheet(report());
    const m = fake.sheet('动态调整情况表');
    const style = (a: string) => m.styles.get(Number(/\d+/.exec(a)![0]) * 16_384 + a.charCodeAt(0) - 64);
    expect(fake.sheetNames()).toEqual(['清单', '动态调整情况表']);
    expect(fake.active).toBe(m);
    expect(style('A1')?.font).toEqual({ name: '方正小标宋简体', size: 20, bold: true });
    expect(style('A1')?.h).toBe(-4108);
    expect(style('B2')?.font).toEqual({ name: '黑体', size: 12 });
    expect(fake.fill('动态调整情况表', 'B2')).toBe('#D9E1F2');
    expect(style('D3')?.border).toEqual({ line: 1, weight: 2, color: 0 });
    expect(style('D3')?.font?.color).toBe(bgr('#C00000'));
    expect(m.formats.get(3 * 16_384 + 3)).toBe('0%');
    expect([...m.columnWidths]).toEqual([
      [1, 6],
      [2, 26],
      [3, 10],
      [4, 54],
    ]);
    expect(m.rowHeights.get(1)).toBe(40);
    expect(m.rowHeights.get(4)).toBe(20);
    expect(m.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(m.pageSetup).toEqual({
      Orientation: 2,
      PaperSize: 9,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      PrintTitleRows: '$2:$2',
      CenterFooter: '第 &P 页,共 &N 页',
      LeftMargin: 36,
      RightMargin: 36,
      TopMargin: 54,
      BottomMargin: 54,
      CenterHorizontally: true,
    });
    expect(m.pageBreaks).toEqual([4]);
    expect(m.freeze).toEqual({ rows: 2, columns: 0 });
    expect(m.conditions).toEqual([
      {
        range: 'C5',
        formula: '=C5="达标"',
        fill: bgr('#C6EFCE'),
        fontColor: bgr('#006100'),
        bold: true,
        stopIfTrue: true,
      },
    ]);
    expect(m.charts).toEqual([{ type: 51, source: 'B2:B4,C2:C4', title: '比例' }]);
    expect(m.hyperlinks).toEqual([{ cell: 'D5', subAddress: "'清单'!B3", text: '见清单' }]);
    expect(fake.displayAlerts).toBe(true);
    expect(fake.screenUpdating).toBe(true);
  });

  test('writing again replaces the sheet of that name; a read-only or structure-protected workbook is refused', async () => {
    const fake = new FakeEt({ sheets: [{ name: '清单', values: [['a']] }] });
    const wb = adapterOn(fake);
    await wb.writeSheet(report());
    await wb.writeSheet({
      ...report(),
      rows: [{ cells: [{ value: '新' }] }],
      merges: [],
      charts: [],
      conditionalFormats: [],
    });
    expect(fake.sheetNames()).toEqual(['清单', '动态调整情况表']);
    expect(fake.value('动态调整情况表', 'A1')).toBe('新');
    const locked = new FakeEt({ protectStructure: true, sheets: [{ name: '清单', values: [['a']] }] });
    await expect(adapterOn(locked).writeSheet(report())).rejects.toMatchObject({
      code: 'wps/structure-protected',
    });
    const ro = new FakeEt({ readOnly: true, sheets: [{ name: '清单', values: [['a']] }] });
    await expect(adapterOn(ro).writeSheet(report())).rejects.toMatchObject({ code: 'wps/read-only' });
  });
});
