import { cellAddress, type MergeRange } from '../../core/grid';
import type { CellSpec, SheetSpec, StyleSpec } from '../../core/sheet-spec';
import { countFormula, type LiveSource } from './live-formulas';
import type { ExclusionReason, UnitStatus } from './tally';
import type { TallyResult } from './tally-sources';
import { wrappedHeight } from './text-height';

/** Name of the summary sheet. */
export const SUMMARY_SHEET = '监测点汇总';

/** Fill colours of the statuses (ARGB): met green, short red, over amber, silent grey. */
export const STATUS_FILLS: Record<UnitStatus, string> = {
  met: 'FFC6EFCE',
  short: 'FFFFC7CE',
  over: 'FFFFEB9C',
  none: 'FFD9D9D9',
};

const STATUS_FONTS: Record<UnitStatus, string> = {
  met: 'FF006100',
  short: 'FF9C0006',
  over: 'FF9C5700',
  none: 'FFC00000',
};

const REASONS: Record<ExclusionReason, string> = {
  'large-enterprise': '大型企业，不属于中小微企业',
  duplicate: '重复申报，已在前面计入',
};

const BODY = { name: '宋体', size: 11 };
const box = (extra: StyleSpec = {}): StyleSpec => ({
  font: BODY,
  border: 'thin',
  align: { horizontal: 'center', vertical: 'middle', wrap: true },
  ...extra,
});

const STYLES: Record<string, StyleSpec> = {
  title: {
    font: { name: '黑体', size: 16, bold: true },
    align: { horizontal: 'center', vertical: 'middle' },
  },
  note: {
    font: { name: '宋体', size: 10, colour: 'FF595959' },
    align: { horizontal: 'left', vertical: 'middle', wrap: true },
  },
  head: box({ font: { ...BODY, bold: true }, fill: 'FFDDEBF7' }),
  cell: box(),
  left: box({ align: { horizontal: 'left', vertical: 'middle', wrap: true } }),
  total: box({ font: { ...BODY, bold: true }, fill: 'FFF2F2F2' }),
  section: {
    font: { name: '黑体', size: 12, bold: true },
    align: { horizontal: 'left', vertical: 'middle' },
  },
  ...Object.fromEntries(
    (Object.keys(STATUS_FILLS) as UnitStatus[]).map((s) => [
      s,
      box({ font: { ...BODY, bold: true, colour: STATUS_FONTS[s] }, fill: STATUS_FILLS[s] }),
    ]),
  ),
};

/** The status as the sheet writes it: 达标, 不足2, 超出1, 未申报. */
export function statusText(status: UnitStatus, difference: number): string {
  if (status === 'none') return '未申报';
  if (status === 'short') return `不足${-difference}`;
  return status === 'over' ? `超出${difference}` : '达标';
}

/** The status formula of a row, from its 任务数 (C) and 申报数 (D) cells. */
function statusFormula(r: number): string {
  return `IF(AND(D${r}=0,C${r}>0),"未申报",IF(D${r}<C${r},"不足"&(C${r}-D${r}),IF(D${r}>C${r},"超出"&(D${r}-C${r}),"达标")))`;
}

/** Options of the summary: live COUNTIFS sources (else counts as values) and how many files were read. */
export interface SummaryOptions {
  live?: readonly LiveSource[];
  /** Shown in the note under the title. */
  files?: number;
}

const COLUMNS = [6, 24, 11, 11, 9, 12];
const WIDTH = COLUMNS.length;
const HEADER_ROW = 3;
/**
 * Rows listed per section: the sheet is a summary to print, and exceljs merges cost O(n²) (10,000 merged rows
 * took 15 s to write); every item is in 申报明细 and in the JSON.
 */
const MAX_LISTED = 200;

/**
 * The summary sheet (host-free): title, the quota table's units with 任务数, 申报数, 差额 and 完成情况 (coloured,
 * recoloured by conditional formats when counts change), a 合计 row, then the repeated nominations, the unknown
 * units and the enterprises not counted; A4 portrait, fitted to the page width, header repeated on every page;
 * a bar chart of quota against declared per unit where the host draws charts.
 */
export function buildSummarySheet(result: TallyResult, options: SummaryOptions = {}): SheetSpec {
  const rows: SheetSpec['rows'] = [];
  const merges: MergeRange[] = [];
  const live = options.live && options.live.length > 0 ? options.live : undefined;
  const add = (cells: Array<CellSpec | null>, height?: number) => {
    rows.push(height ? { cells, height } : { cells });
    return rows.length;
  };
  const wide = (value: string, style: string, height?: number) => {
    const r = add([{ value, style }, ...Array<null>(WIDTH - 1).fill(null)], height);
    merges.push({ top: r, left: 1, bottom: r, right: WIDTH });
  };
  /** A row of four parts: A, B, C:D merged, E:F merged. */
  const fourParts = (a: string | number, b: string, cd: string, ef: string, style: string) => {
    const [, wb, wc, wd, we, wf] = COLUMNS;
    const height = wrappedHeight(
      [
        { text: b, width: wb },
        { text: cd, width: wc + wd },
        { text: ef, width: we + wf },
      ],
      11,
      18,
    );
    const r = add(
      [
        { value: a, style: 'cell' },
        { value: b, style },
        { value: cd, style },
        { value: null, style },
        { value: ef, style },
        { value: null, style },
      ],
      height,
    );
    merges.push({ top: r, left: 3, bottom: r, right: 4 }, { top: r, left: 5, bottom: r, right: 6 });
  };

  const region = result.quota.region;
  wide(`${region}中小微企业行政检查监测点汇总表`, 'title', 32);
  const how = live
    ? '申报数由公式按申报明细实时统计（COUNTIFS），新增申报后自动更新'
    : `申报数为生成时的统计值${options.files !== undefined ? `（${options.files} 个文件）` : ''}`;
  wide(
    `${how}；大型企业和重复申报的企业不计入。任务数依据《${result.quota.title || '监测点分配表'}》。`,
    'note',
    30,
  );
  add(
    ['序号', '单位', '任务数（家）', '申报数（家）', '差额', '完成情况'].map((value) => ({
      value,
      style: 'head',
    })),
    24,
  );

  const first = HEADER_ROW + 1;
  result.units.forEach((u, i) => {
    const r = first + i;
    const declared: CellSpec = live
      ? { value: u.declared, formula: countFormula(live, `$B${r}`), style: 'cell' }
      : { value: u.declared, style: 'cell' };
    add([
      { value: i + 1, style: 'cell' },
      { value: u.unit, style: 'left' },
      { value: u.quota, style: 'cell' },
      declared,
      { value: u.difference, formula: `D${r}-C${r}`, style: 'cell' },
      { value: statusText(u.status, u.difference), formula: statusFormula(r), style: u.status },
    ]);
  });
  const last = first + result.units.length - 1;
  const totalStatus =
    result.declaredTotal === 0 && result.quotaTotal > 0
      ? 'none'
      : result.declaredTotal < result.quotaTotal
        ? 'short'
        : result.declaredTotal > result.quotaTotal
          ? 'over'
          : 'met';
  const t = last + 1;
  add([
    { value: '合计', style: 'total' },
    { value: null, style: 'total' },
    { value: result.quotaTotal, formula: `SUM(C${first}:C${last})`, style: 'total' },
    { value: result.declaredTotal, formula: `SUM(D${first}:D${last})`, style: 'total' },
    { value: result.declaredTotal - result.quotaTotal, formula: `D${t}-C${t}`, style: 'total' },
    {
      value: statusText(totalStatus, result.declaredTotal - result.quotaTotal),
      formula: statusFormula(t),
      style: totalStatus,
    },
  ]);
  merges.push({ top: t, left: 1, bottom: t, right: 2 });

  /** One section: its title, header, at most MAX_LISTED rows (the rest are in 申报明细 and the JSON), or 无. */
  const section = <T>(
    title: string,
    head: [string, string, string],
    items: readonly T[],
    cells: (item: T) => [string, string, string],
  ) => {
    add([]);
    wide(title, 'section', 22);
    fourParts('序号', ...head, 'head');
    items.slice(0, MAX_LISTED).forEach((item, i) => fourParts(i + 1, ...cells(item), 'left'));
    if (items.length === 0) fourParts('', '无', '', '', 'left');
    if (items.length > MAX_LISTED)
      wide(`……另有 ${items.length - MAX_LISTED} 项未列出，详见“申报明细”表`, 'note', 20);
  };
  section(
    `重复申报的企业（${result.duplicates.length} 家）`,
    ['企业名称', '统一社会信用代码', '申报单位'],
    result.duplicates,
    (d) => [d.enterprise, d.uscc ?? '', d.units.join('、')],
  );
  section(
    `不在分配表中的单位（${result.unknownUnits.length} 个）`,
    ['填写的单位', '来源文件', '最接近的单位'],
    result.unknownUnits,
    (u) => [u.name || '（未注明单位）', baseName(u.file), u.suggestion ?? ''],
  );
  section(
    `不计入的企业（${result.excluded.length} 家）`,
    ['企业名称', '申报单位', '原因'],
    result.excluded,
    (e) => [e.enterprise, e.unit, REASONS[e.reason]],
  );

  const statusRange = { top: first, left: WIDTH, bottom: t, right: WIDTH };
  const top = cellAddress(first, WIDTH).replace(/^([A-Z]+)/, '$$$1');
  return {
    name: SUMMARY_SHEET,
    columns: COLUMNS,
    rows,
    merges,
    styles: STYLES,
    page: {
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      printTitleRows: { first: HEADER_ROW, last: HEADER_ROW },
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7 },
      horizontalCentered: true,
      footer: '第 &P 页，共 &N 页',
    },
    freeze: { rows: HEADER_ROW, columns: 0 },
    conditionalFormats: [
      {
        range: statusRange,
        rules: [
          { formula: `LEFT(${top},3)="未申报"`, style: 'none' },
          { formula: `LEFT(${top},2)="不足"`, style: 'short' },
          { formula: `LEFT(${top},2)="超出"`, style: 'over' },
          { formula: `${top}="达标"`, style: 'met' },
        ],
      },
    ],
    charts: [
      {
        title: '各单位监测点任务数与申报数',
        firstRow: first,
        lastRow: last,
        categoryColumn: 2,
        seriesColumns: [3, 4],
        anchor: { row: rows.length + 2, column: 1 },
      },
    ],
  };
}

/** File name without folders. */
function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '');
}
