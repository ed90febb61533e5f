/// <reference types="office-js" />
import type { RowsChanged } from '../../core/workbook-port';
import type { ApiLevel, ExcelRun } from './excel-api';
import { parseAddressList } from './excel-address';
import { STORE_SHEET } from './excel-mark-store';
import { usedRangeOf } from './excel-read';

/**
 * A change reported to the pane. Rows inserted or deleted (or columns) also carry `shift`: every cell from
 * `from` on moved by `by` (negative for deletions), so positions the pane holds can be moved the same way;
 * `rows` then lists only new rows (none for a deletion).
 */
export type ExcelRowsChanged = RowsChanged;

/** How the adapter keeps its mark record in step with inserted or deleted rows and columns. */
export type ShiftRecords = (
  sheetId: string,
  axis: 'rows' | 'columns',
  from: number,
  by: number,
) => Promise<void>;

/**
 * Subscribes to worksheet changes (ExcelApi 1.7: per sheet; 1.9: one handler on the collection, which also covers
 * sheets added later). Edits made by this add-in (`triggerSource`, 1.14), to the record sheet or to sheets the
 * adapter generated are ignored; events are handled one at a time, in order.
 */
export async function subscribeChanges(
  run: ExcelRun,
  api: ApiLevel,
  ignored: (sheetId: string) => boolean,
  shift: ShiftRecords,
  listener: (change: ExcelRowsChanged) => void,
): Promise<() => Promise<void>> {
  let chain: Promise<void> = Promise.resolve();
  const handle = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (
      (event as { triggerSource?: string }).triggerSource === 'ThisLocalAddin' ||
      ignored(event.worksheetId)
    )
      return;
    const rect = parseAddressList(event.address)[0];
    if (!rect) return;
    const info = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(event.worksheetId);
      ws.load('name');
      const used = usedRangeOf(ws, api);
      used.load('rowIndex,rowCount');
      await context.sync();
      const empty = used.isNullObject || used.rowCount === 0;
      return { name: ws.name, last: empty ? 0 : used.rowIndex + used.rowCount };
    });
    if (info.name === STORE_SHEET) return;
    const rows = (top: number, bottom: number) => {
      const out: number[] = [];
      // Why clamp: a whole-column edit reports rows 1..1,048,576; only used rows can hold anything to check.
      for (let r = top; r <= Math.min(bottom, Math.max(info.last, top)); r++) out.push(r);
      return out;
    };
    const count = (axis: 'rows' | 'columns') =>
      axis === 'rows' ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
    switch (event.changeType) {
      case 'RowInserted':
        await shift(event.worksheetId, 'rows', rect.top, count('rows'));
        listener({
          sheet: info.name,
          rows: rows(rect.top, rect.bottom),
          shift: { axis: 'rows', from: rect.top, by: count('rows') },
        });
        return;
      case 'RowDeleted':
        await shift(event.worksheetId, 'rows', rect.top, -count('rows'));
        listener({ sheet: info.name, rows: [], shift: { axis: 'rows', from: rect.top, by: -count('rows') } });
        return;
      case 'ColumnInserted':
        await shift(event.worksheetId, 'columns', rect.left, count('columns'));
        listener({
          sheet: info.name,
          rows: [],
          shift: { axis: 'columns', from: rect.left, by: count('columns') },
        });
        return;
      case 'ColumnDeleted':
        await shift(event.worksheetId, 'columns', rect.left, -count('columns'));
        listener({
          sheet: info.name,
          rows: [],
          shift: { axis: 'columns', from: rect.left, by: -count('columns') },
        });
        return;
      default:
        listener({ sheet: info.name, rows: rows(rect.top, rect.bottom) });
    }
  };
  const handler = (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    chain = chain.then(() => handle(event)).catch(() => undefined);
    return chain;
  };
  const results = await run(async (context) => {
    const out: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];
    if (api.has(9)) out.push(context.workbook.worksheets.onChanged.add(handler));
    else {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      for (const ws of sheets.items) if (ws.name !== STORE_SHEET) out.push(ws.onChanged.add(handler));
    }
    await context.sync();
    return out;
  });
  return async () => {
    const [first] = results;
    if (!first) return;
    for (const r of results) r.remove();
    // Why the handler's own context: a registration can only be removed through the context that added it.
    await first.context.sync();
  };
}
