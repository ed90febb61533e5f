/**
 * Stands in for the file adapter (`hosts/xlsx/open-workbook`, exceljs) in the WPS build: inside WPS the pane works
 * on the open workbook, and exceljs's browser build is ES2018 (the WPS bundle is ES2017) and 1 MB. The shared
 * pane's standalone mode still reads .xlsx files (fast reader); CSV files and the marked copy need the Excel build.
 */
export async function openWorkbook(_data: Uint8Array | ArrayBuffer, fileName: string): Promise<never> {
  throw new Error(`WPS 版任务窗格不转换文件（${fileName}）：请在 WPS 表格中直接打开该文件后点击“校验”。`);
}
