import type { SheetSpec } from '../core/sheet-spec';

/**
 * Generated sheets as a new .xlsx. exceljs (about 0.3 s to load) is required only here, when a report is written:
 * `drc --help` and `drc check` never load it.
 */
export async function reportBytes(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const { sheetSpecsToXlsx } = await import('../hosts/xlsx/sheet-specs-to-xlsx');
  return sheetSpecsToXlsx(specs);
}
