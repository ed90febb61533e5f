import { cellAddress, type MergeRange } from '../../core/grid';
import type { CellSpec, SheetSpec, StyleSpec } from '../../core/sheet-spec';
import { countFormula, type LiveSource } from './live-formulas';
import { centredBox, reportTableStyles } from './table-styles';
import { totalStatus, type UnitStatus } from './tally';
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

const BODY = { name: '宋体', size: 11 };
const box = (extra: StyleSpec = {}): StyleSpec => centredBox(BODY, extra);

const STYLES: Record<string, StyleSpec> = {
  ...reportTableStyles(BODY),
  line: {
    font: { name: '宋体', size: 11 },
    align: { horizontal: 'left', vertical: 'middle' },
  },
  lineRight: {
    font: { name: '宋体', size: 11 },
    align: { horizontal: 'right', vertical: 'middle' },
  },
  gapLabel: box({ font: { ...BODY, bold: true }, align: { horizontal: 'left', vertical: 'middle' } }),
  gap: box({ align: { horizontal: 'left', vertical: 'middle' } }),
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

/**
 * The 合计 row's status: shortage and excess summed apart, never netted (四个单位共差 5 家、一个单位超 1 家 is
 * 不足5，超出1, not 不足4).
 */
export function totalStatusText(
  result: Pick<TallyResult, 'shortfall' | 'excess' | 'declaredTotal' | 'quotaTotal'>,
): string {
  if (result.declaredTotal === 0 && result.quotaTotal > 0) return '未申报';
  const parts: string[] = [];
  if (result.shortfall.enterprises > 0) parts.push(`不足${result.shortfall.enterprises}`);
  if (result.excess.enterprises > 0) parts.push(`超出${result.excess.enterprises}`);
  return parts.length > 0 ? parts.join('，') : '达标';
}

/** The 合计 row's status formula over the units' 差额 (E) cells, as `totalStatusText` writes it. */
function totalStatusFormula(t: number, first: number, last: number): string {
  const short = `-SUMIF(E${first}:E${last},"<0")`;
  const over = `SUMIF(E${first}:E${last},">0")`;
  return (
    `IF(AND(D${t}=0,C${t}>0),"未申报",IF(AND(${short}=0,${over}=0),"达标",` +
    `IF(${short}>0,"不足"&${short},"")&IF(AND(${short}>0,${over}>0),"，","")&IF(${over}>0,"超出"&${over},"")))`
  );
}

/** Options of the summary: live sources (else counts as values), how many files were read, and the 制表 line. */
export interface SummaryOptions {
  live?: readonly LiveSource[];
  /** Shown in the note under the title. */
  files?: number;
  /** 制表单位, printed on the 制表 line (blank, to be written and stamped by hand, when absent). */
  office?: string;
  /** 制表日期 as printed (e.g. 2020年3月30日); blank, to be written by hand, when absent. */
  date?: string;
  /** Names of the sheets listing duplicates, unknown units… written beside the summary (named in the note). */
  lists?: ReadonlyArray<{ sheet: string; count: number; what: string }>;
}

const COLUMNS = [6, 24, 11, 11, 9, 16];
const WIDTH = COLUMNS.length;
/** Title, 制表 line, note, header. */
export const SUMMARY_HEADER_ROW = 4;
const HEADER_ROW = SUMMARY_HEADER_ROW;

/**
 * The summary sheet (host-free): title, 制表单位 / 制表日期, a note, the quota table's units with 任务数, 申报数, 差额
 * and 完成情况 (coloured, recoloured by conditional formats when counts change), a 合计 row whose status states
 * shortage and excess apart, and two lines counting them; A4 portrait, fitted to the page width, header repeated
 * on every page. Nothing follows the table: the lists and the chart are sheets of their own (`buildListSheets`,
 * `buildChartSheet`).
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

  const region = result.quota.region;
  wide(`${region}中小微企业行政检查监测点汇总表`, 'title', 32);
  // 制表单位 left (A:C), 制表日期 right (D:F), as the adjust report prints 填报单位 and 填报日期.
  const line = add(
    [
      { value: `制表单位（盖章）：${options.office ?? ''}`, style: 'line' },
      null,
      null,
      { value: `制表日期：${options.date ?? '　　　　年　　月　　日'}`, style: 'lineRight' },
      null,
      null,
    ],
    24,
  );
  merges.push(
    { top: line, left: 1, bottom: line, right: 3 },
    { top: line, left: 4, bottom: line, right: WIDTH },
  );
  const how = live
    ? '申报数由公式按申报明细实时统计，新增申报后自动更新'
    : `申报数为生成时的统计值${options.files !== undefined ? `（${options.files} 个文件）` : ''}`;
  const lists = (options.lists ?? []).filter((l) => l.count > 0);
  const listed = lists.length ? `另见${lists.map((l) => `“${l.sheet}”表（${l.what}）`).join('、')}。` : '';
  const note = `${how}；大型企业和重复申报的企业不计入。任务数依据《${result.quota.title || '监测点分配表'}》。${listed}`;
  wide(note, 'note', wrappedHeight([{ text: note, width: COLUMNS.reduce((a, b) => a + b, 0) }], 10, 30));
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
  const status = totalStatus(result);
  const t = last + 1;
  add([
    { value: '合计', style: 'total' },
    { value: null, style: 'total' },
    { value: result.quotaTotal, formula: `SUM(C${first}:C${last})`, style: 'total' },
    { value: result.declaredTotal, formula: `SUM(D${first}:D${last})`, style: 'total' },
    { value: result.declaredTotal - result.quotaTotal, formula: `D${t}-C${t}`, style: 'total' },
    {
      value: totalStatusText(result),
      formula: totalStatusFormula(t, first, last),
      style: status,
    },
  ]);
  merges.push({ top: t, left: 1, bottom: t, right: 2 });
  // Shortage and excess, each summed over its own units: the county figures the text and JSON state.
  const gapRow = (label: string, units: number, enterprises: number, sign: '<' | '>', word: string) => {
    const range = `E${first}:E${last}`;
    const sum = sign === '<' ? `-SUMIF(${range},"<0")` : `SUMIF(${range},">0")`;
    const r = add(
      [
        { value: label, style: 'gapLabel' },
        null,
        {
          value: `${units} 个单位，共${word} ${enterprises} 家`,
          formula: `COUNTIF(${range},"${sign}0")&" 个单位，共${word} "&${sum}&" 家"`,
          style: 'gap',
        },
        null,
        null,
        null,
      ],
      20,
    );
    merges.push({ top: r, left: 1, bottom: r, right: 2 }, { top: r, left: 3, bottom: r, right: WIDTH });
  };
  gapRow('其中：任务不足', result.shortfall.units, result.shortfall.enterprises, '<', '差');
  gapRow('其中：超出任务', result.excess.units, result.excess.enterprises, '>', '超');

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
  };
}
