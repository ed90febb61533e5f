import { fillTemplate, localiseTemplate, type Locale } from '../core/locale';
import { PATH_KEYS, quoteParams } from '../core/messages';

const MESSAGES = {
  'zh-CN': {
    'file/failed': '处理文件"{file}"时出错:{detail}',
    'args/no-files': '请指定要检查的文件或文件夹,例如:drc check 清单.xlsx',
    'args/no-readable': '"{path}"中没有可读取的表格文件(.xlsx / .csv / .xls / .et / .ods)',
    'args/empty-path': '文件或文件夹名不能为空',
    'args/percent': '{option} 应为 0 到 100 之间的百分数,如 50 或 50%;收到的是"{value}"',
    'args/percent-positive': '{option} 应为大于 0、不超过 100 的百分数,如 50 或 50%;收到的是"{value}"',
    'args/ratio-order': '--ratio-blind({blind}%)应低于 --ratio-disturb({disturb}%)',
    'args/count': '{option} 应为 {min} 到 {max} 之间的整数;收到的是"{value}"',
    'args/severity':
      '--severity 应写成 问题代码=级别,如 ratio/prose=error(级别:error 错误、warning 警告、info 提示;问题代码见 --json 输出的 code);收到的是"{value}"',
    'args/size': '--max-size 应为 1KB 到 4GB 之间的大小,如 500MB、2GB;收到的是"{value}"',
    'args/soffice': '--soffice 指定的"{value}"不存在,或不是可以运行的程序;请指定 LibreOffice 的 soffice 程序',
    'args/unknown-option': '未知的选项 {option}{hint};用 drc --help 查看用法',
    'args/missing-value': '选项 {option} 缺少取值;用 drc --help 查看用法',
    'args/missing-argument': '缺少参数 {argument};用 drc --help 查看用法',
    'args/unknown-command': '未知的命令 {command};可用的命令:check、tally、adjust、compare',
    'args/too-many': '参数过多:{detail};用 drc --help 查看用法',
    'args/invalid-choice': '选项 {option} 的取值"{value}"无效;可选:{choices}',
    'args/missing-option': '缺少必需的选项 {option};用 drc --help 查看用法',
    'args/other': '参数有误:{detail}',
    title: '双随机清单助手 · 检查结果',
    sheetLine: '工作表"{sheet}":{kind},表头第 {headerRow} 行,数据 {dataRows} 行',
    sheetUnknown: '工作表"{sheet}":未识别为检查实施清单(已跳过){guess}',
    guess: ',最接近的表头在第 {headerRow} 行:{columns}',
    counts: '错误 {errors} 个,警告 {warnings} 个,提示 {infos} 个',
    clean: '未发现问题',
    total: '合计:{files} 个文件,错误 {errors} 个,警告 {warnings} 个',
    totalSkipped: '合计:{files} 个文件,错误 {errors} 个,警告 {warnings} 个;另有 {skipped} 项未读取',
    written: '已写入标注副本:{path}',
    writtenConverted: '已写入标注副本:{path}(由 {formatName} 经 LibreOffice 转换而来,副本是 .xlsx 工作簿)',
    converted: '已用 LibreOffice 把 {formatName} 转换为 .xlsx 后读取(原文件未改动)',
    notWritten: '未写入标注副本:{reason}',
    outRefused: '未写出任何标注副本:{reason}',
    more: '……另有 {count} 条,用 --json 查看全部',
  },
  'en-US': {
    'file/failed': 'Failed on "{file}": {detail}',
    'args/no-files': 'Name the files or folders to check, e.g. drc check list.xlsx',
    'args/no-readable': 'No spreadsheet files (.xlsx / .csv / .xls / .et / .ods) to read in "{path}"',
    'args/empty-path': 'A file or folder name cannot be empty',
    'args/percent': '{option} must be a percentage from 0 to 100, e.g. 50 or 50%; got "{value}"',
    'args/percent-positive':
      '{option} must be a percentage above 0 and at most 100, e.g. 50 or 50%; got "{value}"',
    'args/ratio-order': '--ratio-blind ({blind}%) must be below --ratio-disturb ({disturb}%)',
    'args/count': '{option} must be a whole number from {min} to {max}; got "{value}"',
    'args/severity':
      '--severity must be CODE=LEVEL, e.g. ratio/prose=error (levels: error, warning, info; the codes are the "code" of --json); got "{value}"',
    'args/size': '--max-size must be a size from 1KB to 4GB, e.g. 500MB or 2GB; got "{value}"',
    'args/soffice':
      '--soffice names "{value}", which does not exist or cannot be run; name the soffice program of LibreOffice',
    'args/unknown-option': 'Unknown option {option}{hint}; see drc --help',
    'args/missing-value': 'The option {option} needs a value; see drc --help',
    'args/missing-argument': 'The argument {argument} is missing; see drc --help',
    'args/unknown-command': 'Unknown command {command}; the commands are check, tally, adjust, compare',
    'args/too-many': 'Too many arguments: {detail}; see drc --help',
    'args/invalid-choice': 'The value "{value}" of {option} is not valid; choices: {choices}',
    'args/missing-option': 'The required option {option} is missing; see drc --help',
    'args/other': 'Wrong arguments: {detail}',
    title: 'Double-random checklist assistant · results',
    sheetLine: 'Sheet "{sheet}": {kind}, header at row {headerRow}, {dataRows} data rows',
    sheetUnknown: 'Sheet "{sheet}": not recognised as an inspection list (skipped){guess}',
    guess: '; the closest header is row {headerRow}: {columns}',
    counts:
      '{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|note|notes}',
    clean: 'No problems found',
    total:
      'Total: {files} {files|file|files}, {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}',
    totalSkipped:
      'Total: {files} {files|file|files}, {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}; {skipped} {skipped|entry|entries} not read',
    written: 'Marked copy written: {path}',
    writtenConverted:
      'Marked copy written: {path} (converted from {formatName} by LibreOffice: the copy is an .xlsx workbook)',
    converted: 'Read after LibreOffice converted it from {formatName} to .xlsx (the original is unchanged)',
    notWritten: 'No marked copy written: {reason}',
    outRefused: 'No marked copy was written: {reason}',
    more: '… {count} more; use --json to see all',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** A message key of the command line. */
export type CliMessage = keyof (typeof MESSAGES)['zh-CN'];

/** The command line's own sentences, per locale. */
export function cliText(
  locale: Locale,
  key: CliMessage,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(
    localiseTemplate(MESSAGES[locale][key], locale),
    quoteParams(params, locale, PATH_KEYS),
  );
}
