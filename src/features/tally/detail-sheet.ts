import { itemAt } from '../../core/item-at';
import type { CellSpec, SheetSpec, StyleSpec } from '../../core/sheet-spec';
import { enterpriseText } from './declaration';
import { type LiveSource, ROOM_BELOW } from './live-formulas';
import { unitLabel } from './tally';
import type { TallyResult } from './tally-sources';
import { LIST_STYLES, listBox } from './table-styles';
import { wrappedHeight } from './text-height';

/** Name of the sheet listing every declaration read. */
export const DETAIL_SHEET = '申报明细';

const HEAD = [
  '序号',
  '推荐单位',
  '企业名称',
  '统一社会信用代码',
  '规模',
  '计入',
  '是否为民营企业',
  '法定代表人',
  '行业',
  '联系人',
  '联系电话',
  '地址',
  '来源',
];
const WIDTHS = [6, 14, 28, 21, 7, 6, 9, 10, 12, 9, 15, 26, 30];
const UNIT = 2;
const COUNTED = 6;
const FIRST = 3;

const STYLES: Record<string, StyleSpec> = {
  ...LIST_STYLES,
  no: listBox({ align: { horizontal: 'center', vertical: 'middle' }, fill: 'FFFFC7CE' }),
};

/**
 * 计入 of row r: 是 unless 规模 is 大型 or an earlier row has the same name or credit code. The rows are listed so
 * that this is the tally's rule (an enterprise's counted nomination comes before its other ones), and a row a clerk
 * adds below is judged the same way. Why SUMPRODUCT of `=`, not COUNTIF: COUNTIF reads *, ? and ~ in a name as
 * wildcards and a leading =, < or > as an operator, and compares a code of digits as a number, to 15 digits.
 */
function countedFormula(r: number): string {
  const same = (c: string) => `SUMPRODUCT((${c}$${FIRST}:${c}${r}=${c}${r})*1)>1`;
  return `IF(OR(E${r}="大型",${same('C')},AND(D${r}<>"",${same('D')})),"否","是")`;
}

/**
 * Every declaration read, one row each (reading order; an enterprise's other nominations after the counted one),
 * names half-width without spaces (as the tally compares them), with a live 计入 column; and the source the
 * summary's formulas count (推荐单位 = unit, 计入 = 是).
 */
export function buildDetailSheet(result: TallyResult): { spec: SheetSpec; live: LiveSource } {
  const rows: SheetSpec['rows'] = [];
  const title: Array<CellSpec | null> = [
    { value: '行政检查监测点企业申报明细', style: 'title' },
    ...Array<null>(HEAD.length - 1).fill(null),
  ];
  rows.push({ cells: title, height: 28 });
  rows.push({ cells: HEAD.map((value) => ({ value, style: 'head' })), height: 30 });
  result.order.forEach((index, i) => {
    const d = itemAt(result.declarations, index);
    const r = FIRST + i;
    const f = (key: string) => d.fields[key] ?? '';
    const source = `${d.file.replace(/^.*[\\/]/, '')} · ${d.sheet}${d.layout === 'list' ? ` 第${d.row}行` : ''}`;
    const counted = result.counted[index] ?? false;
    const cells: CellSpec[] = [
      { value: i + 1, style: 'centre' },
      { value: unitLabel(d), style: 'cell' },
      { value: enterpriseText(d.enterprise), style: 'cell' },
      { value: d.uscc, style: 'cell' },
      { value: d.scale ?? f('scale'), style: 'centre' },
      { value: counted ? '是' : '否', formula: countedFormula(r), style: counted ? 'centre' : 'no' },
      { value: f('privateOwned'), style: 'centre' },
      { value: f('legalRep'), style: 'cell' },
      { value: f('industry'), style: 'cell' },
      { value: f('contact'), style: 'cell' },
      { value: f('phone'), style: 'cell' },
      { value: f('address'), style: 'cell' },
      { value: source, style: 'cell' },
    ];
    const height = wrappedHeight(
      WIDTHS.map((width, j) => ({ text: String(cells[j]?.value ?? ''), width })),
      10,
      16,
    );
    rows.push({ cells, height });
  });
  const spec: SheetSpec = {
    name: DETAIL_SHEET,
    columns: WIDTHS,
    rows,
    merges: [{ top: 1, left: 1, bottom: 1, right: HEAD.length }],
    styles: STYLES,
    page: {
      orientation: 'landscape',
      paper: 'A4',
      fitToWidth: true,
      printTitleRows: { first: 2, last: 2 },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6 },
      horizontalCentered: true,
      footer: '第 &P 页，共 &N 页',
    },
    freeze: { rows: 2, columns: 0 },
  };
  return {
    spec,
    live: {
      sheet: DETAIL_SHEET,
      unitColumn: UNIT,
      criteria: [{ column: COUNTED, criterion: '是' }],
      firstRow: FIRST,
      lastRow: FIRST + result.declarations.length - 1 + ROOM_BELOW,
    },
  };
}
