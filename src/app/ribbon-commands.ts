import type { Grid } from '../core/grid';
import { fillTemplate, type Locale } from '../core/locale';
import type { PaneWorkbookPort } from '../core/workbook-port';
import { runAdjust } from './adjust-flow';
import { clearAllMarks, validateActiveSheet } from './check-flow';
import { clearSentence } from './clear-report';
import { countBySeverity } from './issue-groups';
import { readListSource } from './list-read';
import { PaneError } from './pane-error';
import { defaultPaneSettings } from './pane-settings';
import { guessPreviousSheet, workbookSheetNames, writeSheets } from './report-sources';
import { tallyOpenWorkbook } from './tally-flow';

// What a ribbon button does (WPS's 校验, 清除标记, 监测点汇总, 动态调整): the pane's own use cases, run on the open
// workbook, each ending with one sentence for the person who clicked.

const COMMAND_TEXT = {
  'zh-CN': {
    notRecognised:
      '工作表“{name}”未识别为检查事项清单或申报表；请在任务窗格中用“更正表头与列”指定表头和列后再校验。',
    clean: '校验完成：工作表“{name}”没有发现问题。',
    marked:
      '校验完成：工作表“{name}”发现错误 {error} 个、警告 {warning} 个、提示 {info} 个，已在单元格上标注（红色为错误，黄色为警告，蓝色为提示；批注中写明问题和应填内容）。',
    noDeclarations:
      '本工作簿中没有找到监测点申报表或申报清单；请打开汇总好的申报材料（每个单位一个工作表，或一张申报清单）后再试。',
    tallied:
      '已生成“{sheet}”：{units} 个单位，应申报 {quota} 个、已申报 {declared} 个；{short} 个单位未达到分配数（共差 {shortBy} 个），{over} 个单位超出（共超 {overBy} 个）。',
    currentNotList:
      '当前工作表“{name}”不是检查事项清单；请先切换到本年度的清单工作表，再生成动态调整情况表。',
    noPrevious:
      '没有找到上年度清单：请把上年清单放在本工作簿中、工作表名写明年份（如“2019年清单”）或“上年”，或在任务窗格的“动态调整”中选择上年清单的工作表或文件。',
    previousNotList: '{source}中没有找到检查事项清单，无法比对。',
    sheetSource: '工作表“{name}”',
    fileSource: '文件“{name}”',
    adjusted:
      '已生成“{report}”和“{list}”（上年：{source}；本年：工作表“{current}”）：新增 {added} 项、删除 {deleted} 项、修改 {modified} 项、无变化 {unchanged} 项。',
    busy: '清单助手正在处理上一个操作，请稍候。',
    failed: '出错了：{message}',
    noApplication: 'WPS 加载项环境未就绪（window.Application 不存在）',
    noTaskPane: '此版本的 WPS 不支持任务窗格（CreateTaskPane）',
    paneTitle: '清单助手',
  },
  'en-US': {
    notRecognised:
      'Sheet “{name}” was not recognised as an inspection list or a declaration; set its header and columns with “Correct header and columns” in the pane, then validate again.',
    clean: 'Validated: no problems on sheet “{name}”.',
    marked:
      'Validated sheet “{name}”: {error} errors, {warning} warnings, {info} notes, marked on their cells (red errors, amber warnings, blue notes; each note says what is wrong and what is expected).',
    noDeclarations:
      'No monitoring-point declarations were found in this workbook; open the collected declarations (one sheet per unit, or one list) and try again.',
    tallied:
      'Wrote “{sheet}”: {units} units, {quota} to nominate, {declared} nominated; {short} units are short of their quota (by {shortBy} in all), {over} over it (by {overBy}).',
    currentNotList:
      'The active sheet “{name}” is not an inspection list; switch to this year’s list, then make the adjustment report.',
    noPrevious:
      'Last year’s list was not found: put it in this workbook on a sheet named with its year (such as 2019年清单) or 上年, or choose its sheet or file in the pane’s 动态调整 section.',
    previousNotList: 'No inspection list was found in {source}; nothing to compare.',
    sheetSource: 'sheet “{name}”',
    fileSource: 'file “{name}”',
    adjusted:
      'Wrote “{report}” and “{list}” (last year: {source}; this year: sheet “{current}”): {added} added, {deleted} deleted, {modified} modified, {unchanged} unchanged.',
    busy: 'The add-in is still busy with the previous command; please wait.',
    failed: 'Something went wrong: {message}',
    noApplication: 'The WPS add-in environment is not ready (window.Application is missing)',
    noTaskPane: 'This version of WPS has no task panes (CreateTaskPane)',
    paneTitle: 'Checklist assistant',
  },
};

/** A key of the ribbon commands' texts. */
export type CommandKey = keyof (typeof COMMAND_TEXT)['zh-CN'];
// Why the assignment: an English table missing a Chinese key (or the reverse) is a compile error.
const _sameKeys: Record<Locale, Record<CommandKey, string>> = COMMAND_TEXT;
void _sameKeys;

/** A ribbon command's text in a locale, `{name}` slots filled from params. */
export function commandText(
  locale: Locale,
  key: CommandKey,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(COMMAND_TEXT[locale][key], params);
}

/** A failure the person can act on, said in their language (`errorText` calls `messageIn`). */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly key: CommandKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(commandText('zh-CN', key, params));
  }

  messageIn(locale: Locale): string {
    return commandText(locale, this.key, this.params);
  }
}

/** 校验: validates and marks the active sheet with the settings and corrections saved in the workbook. */
export async function validateCommand(port: PaneWorkbookPort, locale: Locale = 'zh-CN'): Promise<string> {
  const report = await validateActiveSheet(port, defaultPaneSettings(locale));
  if (report.kind === 'unknown') return commandText(locale, 'notRecognised', { name: report.name });
  if (report.issues.length === 0) return commandText(locale, 'clean', { name: report.name });
  return commandText(locale, 'marked', { name: report.name, ...countBySeverity(report.issues) });
}

/** 清除标记: restores every cell the add-in marked, and says which it left as the person changed them. */
export async function clearCommand(port: PaneWorkbookPort, locale: Locale = 'zh-CN'): Promise<string> {
  const { report } = await clearAllMarks(port);
  return clearSentence(report, locale);
}

/** 监测点汇总: tallies the declarations in this workbook and writes the summary sheet (as the pane does). */
export async function tallyCommand(port: PaneWorkbookPort, locale: Locale = 'zh-CN'): Promise<string> {
  const grids = await port.readSheets();
  const name = port.workbookName ? await port.workbookName() : '';
  const { result, sheets } = tallyOpenWorkbook(grids, name);
  if (result.declarations.length === 0) throw new CommandError('noDeclarations');
  await writeSheets(port, sheets);
  return commandText(locale, 'tallied', {
    sheet: sheets[0].name,
    units: result.units.length,
    quota: result.quotaTotal,
    declared: result.declaredTotal,
    short: result.shortfall.units,
    shortBy: result.shortfall.enterprises,
    over: result.excess.units,
    overBy: result.excess.enterprises,
  });
}

/** Says `instead` when a source holds no list; any other failure (a host error) passes as it is. */
function notAList(instead: CommandError): (e: unknown) => never {
  return (e) => {
    throw e instanceof PaneError ? instead : e;
  };
}

/** Where last year's list comes from: a sheet of this workbook, or the sheets of a chosen file. */
export type PreviousSource = { sheet: string } | { file: string; grids: Grid[] };

/**
 * 动态调整情况表: compares last year's list with this year's (the active sheet) and writes the report and the
 * adjusted list, as the pane's section does. Without a source, last year's sheet is guessed from the names.
 */
export async function adjustCommand(
  port: PaneWorkbookPort,
  source?: PreviousSource,
  currentSheet?: string,
  locale: Locale = 'zh-CN',
): Promise<string> {
  const currentName = currentSheet ?? (await port.activeSheet());
  const current = await readListSource(port, { kind: 'sheet', sheet: currentName }).catch(
    notAList(new CommandError('currentNotList', { name: currentName })),
  );
  let from = source;
  if (!from) {
    const sheet = guessPreviousSheet(await workbookSheetNames(port), currentName);
    if (!sheet) throw new CommandError('noPrevious');
    from = { sheet };
  }
  const label =
    'sheet' in from
      ? commandText(locale, 'sheetSource', { name: from.sheet })
      : commandText(locale, 'fileSource', { name: from.file });
  const previous = await readListSource(
    port,
    'sheet' in from
      ? { kind: 'sheet', sheet: from.sheet }
      : { kind: 'file', file: { name: from.file, grids: from.grids } },
  ).catch(notAList(new CommandError('previousNotList', { source: label })));
  const { result, sheets } = runAdjust(previous, current);
  await writeSheets(port, sheets);
  return commandText(locale, 'adjusted', {
    report: sheets[0].name,
    list: sheets[1].name,
    source: label,
    current: currentName,
    added: result.added.length,
    deleted: result.deleted.length,
    modified: result.modified.length,
    unchanged: result.unchanged,
  });
}
