import type { StyleSpec } from '../../core/sheet-spec';

/** 宋体 10, the body font of the tally's list sheets. */
export const LIST_BODY = { name: '宋体', size: 10 };

/** A ruled cell of a list sheet, left aligned and wrapped unless `extra` says otherwise. */
export const listBox = (extra: StyleSpec = {}): StyleSpec => ({
  font: LIST_BODY,
  border: 'thin',
  align: { horizontal: 'left', vertical: 'middle', wrap: true },
  ...extra,
});

/** Styles shared by the tally's list sheets (申报明细, 重复申报…): title, note, header, cells. */
export const LIST_STYLES: Record<string, StyleSpec> = {
  title: {
    font: { name: '黑体', size: 14, bold: true },
    align: { horizontal: 'center', vertical: 'middle' },
  },
  note: {
    font: { name: '宋体', size: 10, colour: 'FF595959' },
    align: { horizontal: 'left', vertical: 'middle', wrap: true },
  },
  head: listBox({
    font: { ...LIST_BODY, bold: true },
    fill: 'FFDDEBF7',
    align: { horizontal: 'center', vertical: 'middle', wrap: true },
  }),
  cell: listBox(),
  centre: listBox({ align: { horizontal: 'center', vertical: 'middle' } }),
};

/** A ruled cell of a report table in the body font `body`, centred and wrapped unless `extra` says otherwise. */
export const centredBox = (body: { name: string; size: number }, extra: StyleSpec = {}): StyleSpec => ({
  font: body,
  border: 'thin',
  align: { horizontal: 'center', vertical: 'middle', wrap: true },
  ...extra,
});

/** The styles every report table starts from (监测点汇总, the review's sheets): title, note, header, cells, totals. */
export function reportTableStyles(body: { name: string; size: number }): Record<string, StyleSpec> {
  const box = (extra: StyleSpec = {}) => centredBox(body, extra);
  return {
    title: {
      font: { name: '黑体', size: 16, bold: true },
      align: { horizontal: 'center', vertical: 'middle' },
    },
    note: {
      font: { name: '宋体', size: 10, colour: 'FF595959' },
      align: { horizontal: 'left', vertical: 'middle', wrap: true },
    },
    head: box({ font: { ...body, bold: true }, fill: 'FFDDEBF7' }),
    cell: box(),
    left: box({ align: { horizontal: 'left', vertical: 'middle', wrap: true } }),
    total: box({ font: { ...body, bold: true }, fill: 'FFF2F2F2' }),
  };
}
