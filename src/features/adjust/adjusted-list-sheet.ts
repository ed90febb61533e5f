import { fieldLabel } from '../../schemas/field-labels';
import type { ListRead } from '../compare/read-list';
import type { SheetSpec, StyleSpec } from '../../core/sheet-spec';
import type { AdjustResult } from './adjust-lists';
import { BODY_FONT, FORM_STYLES, formPage } from './form-styles';
import { fitRowHeight } from './text-fit';

/** The second sheet's name. */
export const ADJUSTED_LIST_SHEET = '调整后清单';

const SIZE = 10;
const HEADER_ROW = 3;

/** Columns of the adjusted list: field key and width; optional ones appear when this year's list has them. */
const COLUMNS: Array<{ key: string; width: number; optional?: boolean }> = [
  { key: 'seq', width: 5 },
  { key: 'itemCode', width: 14, optional: true },
  { key: 'itemName', width: 22 },
  { key: 'basis', width: 30 },
  { key: 'agency', width: 16 },
  { key: 'agencyCode', width: 20, optional: true },
  { key: 'object', width: 16 },
  { key: 'method', width: 14 },
  { key: 'doubleRandom', width: 8, optional: true },
  { key: 'ratio', width: 10 },
  { key: 'frequency', width: 11 },
  { key: 'marketField', width: 8, optional: true },
  { key: 'category', width: 10, optional: true },
  { key: 'adjustType', width: 8 },
  { key: 'adjustReason', width: 14 },
  { key: 'remarks', width: 12 },
];

const STYLES: Record<string, StyleSpec> = {
  ...FORM_STYLES,
  head10: { ...FORM_STYLES.head, font: { name: FORM_STYLES.head.font?.name, size: SIZE } },
  cell10: { ...FORM_STYLES.cell, font: { name: BODY_FONT, size: SIZE } },
  centre10: { ...FORM_STYLES.centre, font: { name: BODY_FONT, size: SIZE } },
};
const CENTRED = new Set(['seq', 'doubleRandom', 'ratio', 'frequency', 'marketField', 'adjustType']);

/**
 * This year's list after adjustment, as a second sheet: every item with the 调整类型 the comparison found and its
 * 调整原因, then last year's deleted items marked 删除 — so the list and the report agree.
 */
export function buildAdjustedList(r: AdjustResult, current: ListRead): SheetSpec {
  const columns = COLUMNS.filter((c) => !c.optional || current.columns.has(c.key));
  const widths = columns.map((c) => c.width);
  const rows: SheetSpec['rows'] = [];
  rows.push({
    cells: [{ value: `${r.unit}${r.year}年度行政检查事项清单（调整后）`, style: 'title' }],
    height: 40,
  });
  rows.push({ cells: [{ value: `填报单位（盖章）：${r.unit}`, style: 'line' }], height: 24 });
  rows.push({
    cells: columns.map((c) => ({ value: fieldLabel(c.key, 'zh-CN'), style: 'head10' })),
    height: 30,
  });

  const lines = [
    ...r.adjusted.map(({ item, type, reason }) => ({ texts: item.texts, type, reason })),
    ...r.deleted.map((e) => ({ texts: e.previous?.texts ?? {}, type: '删除', reason: e.reason })),
  ];
  lines.forEach((line, i) => {
    const values = columns.map((c) => {
      if (c.key === 'seq') return i + 1;
      if (c.key === 'adjustType') return line.type;
      if (c.key === 'adjustReason') return line.reason;
      return line.texts[c.key] ?? '';
    });
    const cells = columns.map((c, j) => ({
      value: values[j] ?? null,
      style: CENTRED.has(c.key) ? 'centre10' : 'cell10',
    }));
    rows.push({
      cells,
      height: fitRowHeight(
        columns.map((c, j) => ({ text: String(values[j]), width: c.width })),
        SIZE,
        24,
      ),
    });
  });

  const last = columns.length;
  return {
    name: ADJUSTED_LIST_SHEET,
    columns: widths,
    rows,
    merges: [
      { top: 1, left: 1, bottom: 1, right: last },
      { top: 2, left: 1, bottom: 2, right: last },
    ],
    styles: STYLES,
    page: formPage(HEADER_ROW),
    freeze: { rows: HEADER_ROW, columns: 0 },
  };
}
