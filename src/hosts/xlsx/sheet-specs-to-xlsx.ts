import ExcelJS from 'exceljs';
import type { SheetSpec } from '../../core/sheet-spec';
import { addCharts } from './chart-parts';
import { writeSheetSpec } from './write-sheet-spec';

/**
 * A new .xlsx workbook holding the given generated sheets, in order, as bytes: exceljs writes the sheets, then the
 * charts they describe are added as DrawingML parts (exceljs cannot write charts).
 */
export async function sheetSpecsToXlsx(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '双随机清单助手';
  for (const spec of specs) writeSheetSpec(workbook, spec);
  return addCharts(toUint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer | ArrayBufferView), specs);
}

/** Bytes from exceljs's `writeBuffer` (a Buffer in Node, an ArrayBuffer-like in browsers) as a Uint8Array. */
function toUint8Array(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}
