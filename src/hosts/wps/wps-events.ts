import type { RowsChanged } from '../../core/workbook-port';
import type { EtApplication, EtRange, EtWorksheet } from './et-model';
import { STORE_SHEET } from './wps-book';

/** Rows an edit reported by `SheetChange` touched, clamped to the used rows (a whole-column edit lists 1,048,576). */
function changedRows(ws: EtWorksheet, target: EtRange): number[] {
  const used = ws.UsedRange;
  const last = used.Row + used.Rows.Count - 1;
  const rows = new Set<number>();
  const areas = target.Areas;
  const n = areas.Count;
  for (let i = 1; i <= n; i++) {
    const area = areas.Item(i);
    const top = area.Row;
    const bottom = Math.min(top + area.Rows.Count - 1, Math.max(last, top));
    for (let r = top; r <= bottom; r++) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}

/**
 * Subscribes to `ApiEvent` `SheetChange` (WPS calls it with the sheet and the changed range, like VBA's
 * `Workbook_SheetChange`). Edits the adapter makes itself (`busy()`), edits to the record sheet and to sheets it
 * generated (`ignored`) are not reported. Returns the unsubscribe function.
 */
export function subscribeSheetChange(
  app: EtApplication,
  busy: () => boolean,
  ignored: (sheet: string) => boolean,
  listener: (change: RowsChanged) => void,
): () => void {
  const api = app.ApiEvent;
  if (!api) return () => undefined;
  const handler = (sheet: EtWorksheet, target: EtRange): void => {
    if (busy()) return;
    try {
      const name = sheet.Name;
      if (name === STORE_SHEET || ignored(name)) return;
      const rows = changedRows(sheet, target);
      if (rows.length > 0) listener({ sheet: name, rows });
    } catch (e) {
      // An event handler must never throw into WPS; the next validation reads the sheet anyway.
      console.error(e);
    }
  };
  api.AddApiEventListener('SheetChange', handler as (...args: never[]) => void);
  return () => api.RemoveApiEventListener('SheetChange', handler as (...args: never[]) => void);
}
