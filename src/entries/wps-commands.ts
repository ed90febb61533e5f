import type { Grid } from '../core/grid';
import { countBySeverity } from '../taskpane/model/issue-groups';
import {
  adjustLists,
  ADJUSTED_LIST_SHEET,
  buildAdjustedList,
  buildAdjustReport,
  REPORT_SHEET,
} from '../features/adjust';
import { readList, readListSheet } from '../features/compare/read-list';
import { DETAIL_SHEET, SUMMARY_SHEET, tallyWorkbook } from '../features/tally';
import { clearAllMarks, validateActiveSheet } from '../taskpane/model/check-flow';
import { defaultPaneSettings } from '../taskpane/model/pane-settings';
import type { WpsWorkbook } from '../hosts/wps/wps-workbook';

/** A failure the user can act on, in their words (shown as it is). */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/** Sheets the add-in writes: never read back as inputs of a report. */
const GENERATED = new Set([SUMMARY_SHEET, DETAIL_SHEET, REPORT_SHEET, ADJUSTED_LIST_SHEET]);

/** 校验: validates and marks the active sheet with the settings and corrections saved in the workbook. */
export async function validateCommand(port: WpsWorkbook): Promise<string> {
  const report = await validateActiveSheet(port, defaultPaneSettings('zh-CN'));
  if (report.kind === 'unknown')
    return `工作表“${report.name}”未识别为检查事项清单或申报表；请在任务窗格中用“更正表头与列”指定表头和列后再校验。`;
  const c = countBySeverity(report.issues);
  if (report.issues.length === 0) return `校验完成：工作表“${report.name}”没有发现问题。`;
  return `校验完成：工作表“${report.name}”发现错误 ${c.error} 个、警告 ${c.warning} 个、提示 ${c.info} 个，已在单元格上标注（红色为错误，黄色为警告，蓝色为提示；批注中写明问题和应填内容）。`;
}

/** 清除标记: restores every cell the add-in marked. */
export async function clearCommand(port: WpsWorkbook): Promise<string> {
  await clearAllMarks(port);
  return '已清除标记，单元格原有的填充和批注已恢复。';
}

/** 监测点汇总: tallies the declarations in this workbook and writes the summary sheet. */
export async function tallyCommand(port: WpsWorkbook): Promise<string> {
  const grids = (await port.readSheets()).filter((g) => !GENERATED.has(g.name));
  const { result, summary } = tallyWorkbook(grids, await port.workbookName());
  if (result.declarations.length === 0)
    throw new CommandError(
      '本工作簿中没有找到监测点申报表或申报清单；请打开汇总好的申报材料（每个单位一个工作表，或一张申报清单）后再试。',
    );
  await port.writeSheet(summary);
  const short = result.units.filter((u) => u.status === 'short' || u.status === 'none').length;
  return `已生成“${summary.name}”：${result.units.length} 个单位，应申报 ${result.quotaTotal} 个、已申报 ${result.declaredTotal} 个；${short} 个单位未达到分配数。`;
}

/** Where last year's list comes from: a sheet of this workbook, or the sheets of a chosen file. */
export type PreviousSource = { sheet: string } | { file: string; grids: Grid[] };

const YEAR = /((?:19|20)\d{2})/;
const PREVIOUS_WORDS = /上年|去年|上一年|上一年度|前一年/;

/**
 * The sheet that holds last year's list, guessed from the names: the year before the current sheet's year
 * (`2020年清单` → `2019…`), else a name saying 上年 / 去年, else the one other sheet named with an earlier year
 * (the notice's default: 2019 against 2020).
 */
export function findPreviousSheet(names: readonly string[], current: string): string | undefined {
  const others = names.filter((n) => n !== current && !GENERATED.has(n));
  const year = Number(YEAR.exec(current)?.[1] ?? 2020);
  return (
    others.find((n) => n.includes(String(year - 1))) ??
    others.find((n) => PREVIOUS_WORDS.test(n)) ??
    others
      .filter((n) => Number(YEAR.exec(n)?.[1] ?? 9999) < year)
      .sort((a, b) => Number(YEAR.exec(b)![1]) - Number(YEAR.exec(a)![1]))[0]
  );
}

/**
 * 动态调整情况表: compares last year's list with this year's (the active sheet) and writes the report and the
 * adjusted list. Without a source, last year's list is looked for among the sheets (see `findPreviousSheet`).
 */
export async function adjustCommand(
  port: WpsWorkbook,
  source?: PreviousSource,
  currentSheet?: string,
): Promise<string> {
  const currentName = currentSheet ?? (await port.activeSheet());
  const current = readListSheet(await port.readSheet(currentName));
  if (!current || current.items.length === 0)
    throw new CommandError(
      `当前工作表“${currentName}”不是检查事项清单；请先切换到本年度的清单工作表，再生成动态调整情况表。`,
    );
  let from = source;
  if (!from) {
    const sheet = findPreviousSheet(await port.sheetNames(), currentName);
    if (!sheet)
      throw new CommandError(
        '没有找到上年度清单：请把上年清单放在本工作簿中、工作表名写明年份（如“2019年清单”）或“上年”，或在任务窗格的“动态调整”中选择上年清单的工作表或文件。',
      );
    from = { sheet };
  }
  const previous = 'sheet' in from ? readListSheet(await port.readSheet(from.sheet)) : readList(from.grids);
  const label = 'sheet' in from ? `工作表“${from.sheet}”` : `文件“${from.file}”`;
  if (!previous || previous.items.length === 0)
    throw new CommandError(`${label}中没有找到检查事项清单，无法比对。`);
  const result = adjustLists(previous, current);
  await port.writeSheet(buildAdjustedList(result, current));
  await port.writeSheet(buildAdjustReport(result));
  return (
    `已生成“${REPORT_SHEET}”和“${ADJUSTED_LIST_SHEET}”（上年：${label}；本年：工作表“${currentName}”）：` +
    `新增 ${result.added.length} 项、删除 ${result.deleted.length} 项、修改 ${result.modified.length} 项、无变化 ${result.unchanged} 项。`
  );
}
