import type { CellSpec, SheetSpec } from '../../core/sheet-spec';
import { SUMMARY_HEADER_ROW, SUMMARY_SHEET } from './summary-sheet';
import { LIST_STYLES } from './table-styles';
import type { TallyResult } from './tally-sources';

/** Name of the sheet holding the chart of 任务数 against 申报数. */
export const CHART_SHEET = '监测点图表';

const COLUMNS = Array<number>(9).fill(10);
/** Where the chart starts: under the title and its note. */
const TOP = 3;

/**
 * A sheet of its own for the bar chart of 任务数 against 申报数 per unit (the summary's rows, drawn sideways so the
 * unit names read down the side, the first unit on top), so that the printed summary ends with its table and the
 * chart prints on a page of its own, A4 portrait. Its height grows with the number of units.
 */
export function buildChartSheet(result: TallyResult): SheetSpec {
  const units = result.units.length;
  const bottom = TOP + Math.max(20, Math.ceil(units * 1.7) + 6);
  const wide = (value: string, style: string, height: number) => ({
    cells: [{ value, style }, ...Array<CellSpec | null>(COLUMNS.length - 1).fill(null)],
    height,
  });
  const rows: SheetSpec['rows'] = [
    wide(`${result.quota.region}各单位监测点任务数与申报数`, 'title', 28),
    wide(`数据见“${SUMMARY_SHEET}”表：蓝色为任务数，橙色为申报数（计入的企业）。`, 'note', 20),
  ];
  for (let r = TOP; r <= bottom; r++) rows.push({ cells: [] });
  // A line under the chart: it also makes the printed range reach the chart's foot.
  rows.push(
    wide(
      `共 ${units} 个单位；任务数合计 ${result.quotaTotal} 家，申报数合计 ${result.declaredTotal} 家。`,
      'note',
      20,
    ),
  );
  const first = SUMMARY_HEADER_ROW + 1;
  return {
    name: CHART_SHEET,
    columns: COLUMNS,
    rows,
    merges: [
      { top: 1, left: 1, bottom: 1, right: COLUMNS.length },
      { top: 2, left: 1, bottom: 2, right: COLUMNS.length },
      { top: bottom + 1, left: 1, bottom: bottom + 1, right: COLUMNS.length },
    ],
    styles: LIST_STYLES,
    page: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 },
      horizontalCentered: true,
      footer: `${CHART_SHEET} 第 &P 页，共 &N 页`,
    },
    charts: [
      {
        title: '各单位监测点任务数与申报数',
        dataSheet: SUMMARY_SHEET,
        firstRow: first,
        lastRow: first + units - 1,
        categoryColumn: 2,
        seriesColumns: [3, 4],
        anchor: { row: TOP, column: 1 },
        to: { row: bottom, column: COLUMNS.length + 1 },
        direction: 'bar',
        colours: ['5B9BD5', 'ED7D31'],
      },
    ],
  };
}
