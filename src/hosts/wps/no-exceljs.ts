/**
 * Stands in for exceljs in the WPS build. Inside WPS the pane works on the open workbook through the ET object
 * model; exceljs (1 MB, and its browser build is ES2018 while the WPS bundle is ES2017) is only needed to write a
 * generated report as an .xlsx file in the browser, which the Excel build's standalone page offers. Reading .xlsx
 * and CSV files, and their marked copies, do not use it.
 */
class Workbook {
  constructor() {
    throw new Error(
      'WPS 版任务窗格不生成 .xlsx 文件：报表会直接写入当前工作簿；需要下载标注副本时，请使用独立网页版。',
    );
  }
}

export default { Workbook };
export { Workbook };
