import ExcelJS from 'exceljs';
import type { SheetSpec } from '../../core/sheet-spec';
import { writeSheetSpec } from './write-sheet-spec';
import { toUint8Array } from './xlsx-workbook';

/** A new .xlsx workbook holding the given generated sheets, in order, as bytes. */
export async function sheetSpecsToXlsx(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '双随机清单助手';
  for (const spec of specs) writeSheetSpec(workbook, spec);
  return toUint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer | ArrayBufferView);
}
