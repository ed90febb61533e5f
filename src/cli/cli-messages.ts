import { fillTemplate, localiseTemplate, type Locale } from '../core/locale';

const MESSAGES = {
  'zh-CN': {
    'file/not-found': '找不到文件"{file}";请检查路径是否正确',
    'file/unreadable': '无法读取文件"{file}"(没有权限或正被占用);请关闭占用它的程序后重试',
    'file/same-as-output': '标注副本会覆盖原文件"{file}";请用 --out 指定另一个文件夹',
    'file/failed': '处理文件"{file}"时出错:{detail}',
    'args/no-files': '请指定要检查的文件或文件夹,例如:drc check 清单.xlsx',
    'args/no-readable': '"{path}"中没有可读取的 .xlsx / .csv 文件',
    title: '双随机清单助手 · 检查结果',
    sheetLine: '工作表"{sheet}":{kind},表头第 {headerRow} 行,数据 {dataRows} 行',
    sheetUnknown: '工作表"{sheet}":未识别为检查实施清单(已跳过){guess}',
    guess: ',最接近的表头在第 {headerRow} 行:{columns}',
    counts: '错误 {errors} 个,警告 {warnings} 个,提示 {infos} 个',
    clean: '未发现问题',
    total: '合计:{files} 个文件,错误 {errors} 个,警告 {warnings} 个',
    written: '已写入标注副本:{path}',
    more: '……另有 {count} 条,用 --json 查看全部',
  },
  'en-US': {
    'file/not-found': 'File "{file}" not found; check the path',
    'file/unreadable':
      'Cannot read "{file}" (no permission, or in use); close the program holding it and try again',
    'file/same-as-output': 'The marked copy would overwrite "{file}"; choose another folder with --out',
    'file/failed': 'Failed on "{file}": {detail}',
    'args/no-files': 'Name the files or folders to check, e.g. drc check list.xlsx',
    'args/no-readable': 'No readable .xlsx / .csv files in "{path}"',
    title: 'Double-random checklist assistant · results',
    sheetLine: 'Sheet "{sheet}": {kind}, header at row {headerRow}, {dataRows} data rows',
    sheetUnknown: 'Sheet "{sheet}": not recognised as an inspection list (skipped){guess}',
    guess: '; the closest header is row {headerRow}: {columns}',
    counts: '{errors} errors, {warnings} warnings, {infos} notes',
    clean: 'No problems found',
    total: 'Total: {files} files, {errors} errors, {warnings} warnings',
    written: 'Marked copy written: {path}',
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
  return fillTemplate(localiseTemplate(MESSAGES[locale][key], locale), params);
}
