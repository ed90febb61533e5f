import type { ChartSpec } from '../../src/core/sheet-spec';

/** A bar chart of 任务数 and 申报数 (columns 2 and 3) over data rows 3–6 of a summary, changed by `over`. */
export function tallyChart(over: Partial<ChartSpec> = {}): ChartSpec {
  return {
    title: '任务数与申报数',
    firstRow: 3,
    lastRow: 6,
    categoryColumn: 1,
    seriesColumns: [2, 3],
    anchor: { row: 3, column: 1 },
    ...over,
  };
}
