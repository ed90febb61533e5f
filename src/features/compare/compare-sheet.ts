import { fieldLabel } from '../../schemas/field-labels';
import { BODY_SIZE, FORM_STYLES, formPage, styledRow } from '../adjust/form-styles';
import { keepClosingRowsWithTable } from '../adjust/paginate';
import { fitRowHeight } from '../adjust/text-fit';
import type { SheetSpec } from '../../core/sheet-spec';
import type { CompareResult } from './compare-lists';

/** The difference sheet's name. */
export const DIFFERENCE_SHEET = '差异';

const WIDTHS = [6, 12, 26, 12, 30, 30, 22];
const HEADER = ['序号', '差异类型', '事项名称', '比对项目', '清单A', '清单B', '备注'];
const HEADER_ROW = 4;
const NONE = '（无）';

/** Names shown for the two lists (file names, or the platforms they came from), and the unit. */
export interface CompareSheetOptions {
  nameA: string;
  nameB: string;
  unit?: string;
}

/** One difference, as a row of the sheet: type, item, what is compared, the two values, a note. */
export type DifferenceRow = [string, string, string, string, string, string];

/** How two readings differ, for a report's note: `按含义：不低于5% → 5%`. */
export function meaningNote([from, to]: [string, string]): string {
  return `按含义：${from} → ${to}`;
}

/** Every difference of a comparison as rows, one difference each: counts, names in one list only, fields, 机构代码. */
export function differenceRows(r: CompareResult): DifferenceRow[] {
  const rows: DifferenceRow[] = [];
  if (r.countA !== r.countB) rows.push(['事项数量', '—', '事项数量', `${r.countA} 项`, `${r.countB} 项`, '']);
  const partnerOfA = new Map(r.uncertain.map((u) => [u.a, u]));
  const partnerOfB = new Map(r.uncertain.map((u) => [u.b, u]));
  for (const name of r.onlyInA) {
    const u = partnerOfA.get(name);
    rows.push([
      '仅清单A有',
      name,
      '事项名称',
      name,
      NONE,
      u ? `疑似与清单B“${u.b}”为同一事项（相似度 ${u.score}），请核实` : '',
    ]);
  }
  for (const name of r.onlyInB) {
    const u = partnerOfB.get(name);
    rows.push([
      '仅清单B有',
      name,
      '事项名称',
      NONE,
      name,
      u ? `疑似与清单A“${u.a}”为同一事项（相似度 ${u.score}），请核实` : '',
    ]);
  }
  for (const d of r.differences) {
    const label = d.field === 'itemName' ? '事项名称' : fieldLabel(d.field, 'zh-CN');
    rows.push([
      d.field === 'itemName' ? '名称不一致' : '内容不一致',
      d.itemName,
      label,
      d.a || NONE,
      d.b || NONE,
      d.meaning ? meaningNote(d.meaning['zh-CN']) : '',
    ]);
  }
  const c = r.agencyCode;
  const notes: string[] = [];
  if (c.a === null || c.b === null) notes.push(`${c.a === null ? '清单A' : '清单B'}没有机构代码`);
  else if (!c.same) notes.push('两份清单的机构代码不一致');
  if (c.a !== null && !c.validA) notes.push('清单A的机构代码不是有效的统一社会信用代码');
  if (c.b !== null && !c.validB) notes.push('清单B的机构代码不是有效的统一社会信用代码');
  if (notes.length && !(c.a === null && c.b === null))
    rows.push(['机构代码', '—', '机构代码', c.a ?? NONE, c.b ?? NONE, notes.join('；')]);
  return rows;
}

/**
 * The 差异 sheet of a two-platform comparison: a title, the two lists and their counts, then a ruled table with
 * every difference on its own row (or one line saying the lists agree) and a 合计 line.
 */
export function buildCompareSheet(r: CompareResult, options: CompareSheetOptions): SheetSpec {
  const w = WIDTHS.length;
  const rows: SheetSpec['rows'] = [];
  const merges: SheetSpec['merges'] = [];
  const merge = (row: number, left: number, right: number) =>
    merges.push({ top: row, left, bottom: row, right });
  rows.push({
    cells: [{ value: `${options.unit ?? ''}检查实施清单两平台比对差异表`, style: 'title' }],
    height: 44,
  });
  merge(1, 1, w);
  rows.push({ cells: [{ value: `清单A：${options.nameA}（${r.countA} 项）`, style: 'line' }], height: 22 });
  merge(2, 1, w);
  rows.push({ cells: [{ value: `清单B：${options.nameB}（${r.countB} 项）`, style: 'line' }], height: 22 });
  merge(3, 1, w);
  rows.push({ cells: HEADER.map((value) => ({ value, style: 'head' })), height: 30 });

  const diffs = differenceRows(r);
  if (diffs.length === 0) {
    rows.push({
      cells: styledRow(
        ['两份清单的事项数量、名称、依据、方式、比例、频次和机构代码一致，未发现差异'],
        w,
        'notice',
      ),
      height: 48,
    });
    merge(rows.length, 1, w);
  }
  diffs.forEach((d, i) => {
    const values = [i + 1, ...d];
    const cells = values.map((value, j) => ({
      value,
      style: j === 0 || j === 1 || j === 3 ? 'centre' : 'cell',
    }));
    rows.push({
      cells,
      height: fitRowHeight(
        WIDTHS.map((width, j) => ({ text: String(values[j]), width })),
        BODY_SIZE,
        28,
      ),
    });
  });
  rows.push({
    cells: [...styledRow(['合计'], 2, 'total'), ...styledRow([`共 ${diffs.length} 处差异`], w - 2, 'centre')],
    height: 28,
  });
  const closing = rows.length;
  merge(closing, 1, 2);
  merge(closing, 3, w);
  const spec: SheetSpec = {
    name: DIFFERENCE_SHEET,
    columns: WIDTHS,
    rows,
    merges,
    styles: FORM_STYLES,
    page: formPage(HEADER_ROW),
    freeze: { rows: HEADER_ROW, columns: 0 },
  };
  return keepClosingRowsWithTable(spec, closing, HEADER_ROW + 1);
}
