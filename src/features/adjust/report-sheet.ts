import { fieldLabel } from '../../schemas/field-labels';
import { meaningNote } from '../compare/compare-sheet';
import type { FieldChange } from '../compare/field-compare';
import type { CellSpec, SheetSpec } from '../../core/sheet-spec';
import type { AdjustEntry, AdjustResult } from './adjust-lists';
import { BODY_SIZE, FORM_STYLES, formPage, styledRow } from './form-styles';
import { keepClosingRowsWithTable } from './paginate';
import { fitRowHeight } from './text-fit';

/** The report sheet's name. */
export const REPORT_SHEET = '动态调整情况表';

/** Column widths (characters): 序号, 事项名称, 调整类型, 调整内容, 调整原因, 备注 — about one A4 landscape width. */
const WIDTHS = [6, 26, 10, 54, 22, 14];
const HEADER = ['序号', '事项名称', '调整类型', '调整内容（原 → 新）', '调整原因', '备注'];
const HEADER_ROW = 3;
const BLANK = '（未填写）';

/** Options of the report: the 填报日期 to print (blank lines to write by hand when absent). */
export interface ReportOptions {
  date?: string;
}

/** The report's title: `<单位><年>年度行政检查事项清单动态调整情况表`. */
export function reportTitle(unit: string, year: number): string {
  return `${unit}${year}年度行政检查事项清单动态调整情况表`;
}

/** The sentence of a unit with no adjustment. */
export function noChangeSentence(year: number): string {
  return `本单位${year}年度行政检查事项清单无动态调整`;
}

/** A field change as one line: `检查比例：5% → 10%`. */
export function changeLine(c: FieldChange): string {
  const label = c.field === 'itemName' ? '事项名称' : fieldLabel(c.field, 'zh-CN');
  const meaning = c.meaning ? `（${meaningNote(c.meaning['zh-CN'])}）` : '';
  return `${label}：${c.from || BLANK} → ${c.to || BLANK}${meaning}`;
}

/** What the 调整内容 cell says for an entry. */
export function changeText(e: AdjustEntry): string {
  if (e.type === '修改') return e.changes.map(changeLine).join('\n');
  const item = e.type === '新增' ? e.current : e.previous;
  const facts = (['method', 'ratio', 'frequency'] as const)
    .filter((f) => item?.texts[f])
    .map((f) => `${fieldLabel(f, 'zh-CN')}：${item?.texts[f]}`);
  const head = e.type === '新增' ? '新增该事项' : '删除该事项';
  return facts.length ? `${head}（${e.type === '删除' ? '原' : ''}${facts.join('；')}）` : head;
}

/** Counts per type as the 合计 line says them. */
export function totalText(r: AdjustResult): string {
  return (
    `新增 ${r.added.length} 项，删除 ${r.deleted.length} 项，修改 ${r.modified.length} 项，无变化 ${r.unchanged} 项` +
    `（上年清单 ${r.previousCount} 项，本年清单 ${r.currentCount} 项）`
  );
}

function entryRow(e: AdjustEntry, n: number): { cells: CellSpec[]; height: number } {
  const remarks = e.current?.texts.remarks ?? '';
  const values = [n, e.itemName, e.type, changeText(e), e.reason, remarks];
  const styles = ['centre', 'cell', 'centre', 'cell', 'cell', 'cell'];
  const cells = values.map((value, i) => ({ value, style: styles[i] }));
  const height = fitRowHeight(
    WIDTHS.map((width, i) => ({ text: String(values[i]), width })),
    BODY_SIZE,
    26,
  );
  return { cells, height };
}

/**
 * The 动态调整情况表 as an official form: title, 填报单位(盖章) and 填报日期 lines, the ruled table (新增, then
 * 删除, then 修改), a 合计 line with counts per type, and the signature block. With no adjustment the table
 * holds the one sentence `本单位<年>年度行政检查事项清单无动态调整`. A4 landscape, fitted to the page width,
 * the header row repeated on every page.
 */
export function buildAdjustReport(r: AdjustResult, options: ReportOptions = {}): SheetSpec {
  const w = WIDTHS.length;
  const rows: SheetSpec['rows'] = [];
  const merges: SheetSpec['merges'] = [];
  const merge = (row: number, left: number, right: number) =>
    merges.push({ top: row, left, bottom: row, right });

  rows.push({ cells: [{ value: reportTitle(r.unit, r.year), style: 'title' }], height: 36 });
  merge(1, 1, w);
  const date = options.date ? `填报日期：${options.date}` : '填报日期：　　　　年　　月　　日';
  rows.push({
    cells: [
      { value: `填报单位（盖章）：${r.unit}`, style: 'line' },
      null,
      null,
      { value: date, style: 'lineRight' },
    ],
    height: 26,
  });
  merge(2, 1, 3);
  merge(2, 4, w);
  rows.push({ cells: HEADER.map((value) => ({ value, style: 'head' })), height: 28 });

  const entries = [...r.added, ...r.deleted, ...r.modified];
  if (entries.length === 0) {
    rows.push({ cells: styledRow([noChangeSentence(r.year)], w, 'notice'), height: 64 });
    merge(rows.length, 1, w);
  }
  entries.forEach((e, i) => rows.push(entryRow(e, i + 1)));

  rows.push({
    cells: [...styledRow(['合计'], 2, 'total'), ...styledRow([totalText(r)], w - 2, 'centre')],
    height: 28,
  });
  const closing = rows.length;
  merge(closing, 1, 2);
  merge(closing, 3, w);

  rows.push({ cells: [], height: 8 });
  rows.push({
    cells: [
      { value: '填报人：', style: 'sign' },
      null,
      { value: '联系电话：', style: 'sign' },
      null,
      { value: '审核人：', style: 'sign' },
      null,
    ],
    height: 28,
  });
  merge(rows.length, 1, 2);
  merge(rows.length, 3, 4);
  merge(rows.length, 5, 6);

  const spec: SheetSpec = {
    name: REPORT_SHEET,
    columns: WIDTHS,
    rows,
    merges,
    styles: FORM_STYLES,
    page: formPage(HEADER_ROW),
    freeze: { rows: HEADER_ROW, columns: 0 },
  };
  return keepClosingRowsWithTable(spec, closing, HEADER_ROW + 1);
}
