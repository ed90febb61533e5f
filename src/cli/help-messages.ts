import { Option } from 'commander';
import { fillTemplate, type Locale } from '../core/locale';

// The `--help` text of every command, per locale (the language is chosen with --lang before the help is built).
// No full-width punctuation conversion here: help lines are short phrases, kept as typed.

const MESSAGES = {
  'zh-CN': {
    program: '双随机清单助手:检查"双随机"检查实施清单,汇总监测点申报,生成动态调整情况表',
    version: '显示版本号',
    help: '显示帮助',
    helpCommand: '显示某个命令的帮助',
    json: '以 JSON 输出结果',
    lang: '语言:zh-CN(中文)或 en-US(English)',
    maxSize: '单个文件解压后的大小上限,如 500MB、2GB(默认 1GB)',
    soffice: 'LibreOffice 的 soffice 程序位置(用于转换 .xls / .et / .ods;默认自动查找)',
    sofficeTimeout: '每个文件转换的最长等待秒数(默认 120)',
    noConvert: '不转换 .xls / .et / .ods(这些文件会被列出,请另存为 .xlsx)',
    check: '检查文件中的每个清单工作表;--out 写出标注副本',
    checkFiles: '.xlsx / .csv / .xls / .et / .ods 文件或文件夹',
    recursive: '文件夹中的子文件夹也一并读取',
    checkOut: '把标注副本写入该文件夹(原文件不变)',
    ratioDisturb: '双随机比例达到该百分数即提示扰企(0–100,默认 100)',
    ratioBlind: '双随机比例不高于该百分数即提示盲区(0–100,默认 0)',
    maxPerYear: '每年检查次数超过该值即提示扰企(1–366,默认 12)',
    severity: '改变某类问题的级别,如 ratio/prose=error(可重复;级别 error、warning、info)',
    tally: '监测点汇总:按分配表统计各单位申报的监测点企业',
    tallyFiles: '申报表文件或文件夹',
    tallyQuota: '用该文件中的分配表(表头含"单位"和"任务数")代替默认的于都县 2020 年分配表',
    tallyUnit: '这些文件都是该单位的申报(覆盖文件中写的单位)',
    tallyUnits: '单位名录(县直单位和乡镇,可有"别名"列),用于识别各种写法的单位名称',
    tallyDecisions: '重复申报的决定:企业名称,计入单位(可用汇总表的"重复申报"表)',
    tallyOut: '写出汇总表(.xlsx,含申报明细)',
    adjust: '比对上年与本年清单,生成动态调整情况表',
    adjustPrevious: '上年清单 (.xlsx / .csv)',
    adjustCurrent: '本年清单 (.xlsx / .csv)',
    adjustUnit: '填报单位(默认取自清单标题或填报单位行)',
    adjustYear: '年度(默认取自本年清单标题,否则 2020)',
    adjustOut: '写出动态调整情况表和调整后清单 (.xlsx)',
    adjustConfirm: '事项对应确认文件:两列 原事项名称,现事项名称 (CSV / .xlsx)',
    compare: '比对两个平台导出的清单,列出每一处差异',
    compareA: '清单A (.xlsx / .csv),如 互联网+监管 导出',
    compareB: '清单B (.xlsx / .csv),如 双随机平台 导出',
    compareOut: '写出差异表 (.xlsx)',
    review: '汇总审核:各单位报送的清单、动态调整情况表和监测点申报表,一次核对汇总',
    reviewInputs: '收到材料的文件夹(可按单位分子文件夹,逐层读取)或文件',
    reviewUnits: '单位名单(单位名称,可加"别名""统一社会信用代码"列);默认为分配表的 23 个单位',
    reviewNotes: '把每个需补报或修改的单位的退回意见写成 Word 文件(.docx),放入该文件夹',
    reviewOut:
      '写出汇总审核工作簿 (.xlsx):报送情况、清单汇总、全县检查事项清单、退回意见、监测点汇总、申报明细',
    'title/Usage:': '用法:',
    'title/Options:': '选项:',
    'title/Arguments:': '参数:',
    'title/Commands:': '命令:',
    'title/Global Options:': '全局选项:',
    default: '默认:',
    choices: '可选:',
  },
  'en-US': {
    program:
      'Double-random checklist assistant: checks "double-random" inspection lists, tallies monitoring-point declarations, writes the dynamic-adjustment report',
    version: 'print the version number',
    help: 'print this help',
    helpCommand: 'print the help of a command',
    json: 'print the results as JSON',
    lang: 'language: zh-CN (Chinese) or en-US (English)',
    maxSize: 'largest uncompressed size of one file, e.g. 500MB, 2GB (default 1GB)',
    soffice:
      'where LibreOffice’s soffice program is (converts .xls / .et / .ods; found on its own by default)',
    sofficeTimeout: 'longest wait in seconds for converting one file (default 120)',
    noConvert: 'do not convert .xls / .et / .ods (such files are listed: save them as .xlsx)',
    check: 'check every list sheet of the files; --out writes marked copies',
    checkFiles: '.xlsx / .csv / .xls / .et / .ods files or folders',
    recursive: 'read the subfolders of folders too',
    checkOut: 'write the marked copies into this folder (the originals are never changed)',
    ratioDisturb: 'a double-random ratio at or above this percent disturbs enterprises (0–100, default 100)',
    ratioBlind: 'a double-random ratio at or below this percent is a blind spot (0–100, default 0)',
    maxPerYear: 'more inspections a year than this disturbs enterprises (1–366, default 12)',
    severity:
      'change the severity of one kind of finding, e.g. ratio/prose=error (repeatable; error, warning, info)',
    tally: 'monitoring points: tally the declared enterprises of each unit against the quota table',
    tallyFiles: 'declaration files or folders',
    tallyQuota:
      'use the quota table in this file (a header with 单位 and 任务数) instead of the built-in Yudu 2020 table',
    tallyUnit: 'the unit of every declaration read (overrides what the files say)',
    tallyUnits:
      'the units register (县直单位 and 乡镇, with an optional 别名 column) to recognise every spelling',
    tallyDecisions:
      'which unit a repeated nomination counts for: 企业名称,计入单位 (the 重复申报 sheet will do)',
    tallyOut: 'write the summary workbook (.xlsx, with the declarations)',
    adjust: "compare last year's list with this year's and write the dynamic-adjustment report",
    adjustPrevious: "last year's list (.xlsx / .csv)",
    adjustCurrent: "this year's list (.xlsx / .csv)",
    adjustUnit: 'the unit (by default from the title or the 填报单位 line)',
    adjustYear: "the year (by default from this year's title, else 2020)",
    adjustOut: 'write the report and the adjusted list (.xlsx)',
    adjustConfirm: 'confirmed item pairs: two columns, previous name and current name (CSV / .xlsx)',
    compare: "compare two platforms' exports of a list and list every difference",
    compareA: 'list A (.xlsx / .csv), e.g. the 互联网+监管 export',
    compareB: 'list B (.xlsx / .csv), e.g. the double-random platform export',
    compareOut: 'write the differences sheet (.xlsx)',
    review:
      'review desk: everything the units sent — lists, adjustment reports, declarations — checked and summed up',
    reviewInputs: 'folders of what was received (per-unit subfolders are read at any depth) or files',
    reviewUnits:
      "the office's units list (unit names, optional 别名 and 统一社会信用代码 columns); by default the quota table's 23 units",
    reviewNotes: 'write one return note (.docx) per unit with something to fix into this folder',
    reviewOut:
      "write the office's workbook (.xlsx): submissions, list summary, county list, return notes, monitoring points",
    'title/Usage:': 'Usage:',
    'title/Options:': 'Options:',
    'title/Arguments:': 'Arguments:',
    'title/Commands:': 'Commands:',
    'title/Global Options:': 'Global options:',
    default: 'default: ',
    choices: 'choices: ',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** A key of the help text. */
export type HelpMessage = keyof (typeof MESSAGES)['zh-CN'];

/** The `--lang` option every command takes: zh-CN (the default) or en-US. */
export function langOption(locale: Locale): Option {
  return new Option('--lang <locale>', helpText(locale, 'lang')).choices(['zh-CN', 'en-US']).default('zh-CN');
}

/** A line of `--help` in the given locale. */
export function helpText(locale: Locale, key: HelpMessage, params: Record<string, string> = {}): string {
  return fillTemplate(MESSAGES[locale][key], params);
}

/** A heading of commander's help ("Usage:", "Options:" …) in the given locale; unknown headings as they are. */
export function helpTitle(locale: Locale, title: string): string {
  const key = `title/${title}`;
  return key in MESSAGES[locale] ? MESSAGES[locale][key as HelpMessage] : title;
}
