import { fillTemplate, localiseTemplate, type Locale } from '../core/locale';
import { PATH_KEYS, quoteParams } from '../core/messages';

const MESSAGES = {
  'zh-CN': {
    'quota/not-found': '文件"{file}"中没有分配表:需要一个表头含"单位"和"任务数"的工作表',
    title: '双随机清单助手 · 监测点汇总',
    quotaLine: '分配表:{title}({source},{units} 个单位,合计 {total} 家)',
    'source/default': '默认',
    'source/workbook': '来自工作簿"{file}"',
    'source/file': '来自文件"{file}"',
    readLine: '读取:{files} 个文件,{declarations} 份申报',
    fileError: '无法读取:{message}',
    head: '序号|单位|任务数|申报数|差额|完成情况',
    total: '合计',
    met: '达标',
    short: '不足{n}',
    over: '超出{n}',
    none: '未申报',
    duplicates: '重复申报({count} 家)：',
    duplicate: '{enterprise}{uscc}:{units}',
    unknown: '不在分配表中的单位({count} 个)：',
    unknownLine: '{name}({file},{declarations} 份){suggestion}',
    suggestion: '，最接近：{unit}',
    unnamed: '(未注明单位)',
    excluded: '不计入({count} 家)：',
    excludedLine: '{enterprise}({unit}):{reason}',
    'reason/large-enterprise': '大型企业,不属于中小微企业',
    'reason/duplicate': '重复申报,已在前面计入',
    issues: '问题:错误 {errors} 个,警告 {warnings} 个,提示 {infos} 个',
    written: '已写入汇总表:{path}',
    more: '……另有 {count} 条,用 --json 查看全部',
    conclusion: '全县任务 {quota} 家,已计入 {declared} 家,{state}',
    'state/met': '已完成',
    'state/short': '还差 {n} 家',
    'state/over': '超出 {n} 家',
  },
  'en-US': {
    'quota/not-found':
      'No quota table in "{file}": a sheet whose header has 单位 (unit) and 任务数 (quota) is needed',
    title: 'Double-random checklist assistant · monitoring points',
    quotaLine: 'Quota table: {title} ({source}, {units} units, total {total})',
    'source/default': 'default',
    'source/workbook': 'from workbook "{file}"',
    'source/file': 'from file "{file}"',
    readLine: 'Read: {files} {files|file|files}, {declarations} {declarations|declaration|declarations}',
    fileError: 'Not read: {message}',
    head: 'No.|Unit|Quota|Declared|Diff.|Status',
    total: 'Total',
    met: 'met',
    short: 'short by {n}',
    over: 'over by {n}',
    none: 'none',
    duplicates: 'Nominated more than once ({count}):',
    duplicate: '{enterprise}{uscc}: {units}',
    unknown: 'Units not in the quota table ({count}):',
    unknownLine: '{name} ({file}, declarations: {declarations}){suggestion}',
    suggestion: '; closest: {unit}',
    unnamed: '(no unit named)',
    excluded: 'Not counted ({count}):',
    excludedLine: '{enterprise} ({unit}): {reason}',
    'reason/large-enterprise': 'large enterprise, not a small, medium or micro one',
    'reason/duplicate': 'nominated before, counted there',
    issues:
      'Problems: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|note|notes}',
    written: 'Summary written: {path}',
    more: '… {count} more; use --json to see all',
    conclusion: 'County quota {quota}, counted {declared}: {state}',
    'state/met': 'complete',
    'state/short': '{n} still missing',
    'state/over': '{n} over',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** A message key of `drc tally`. */
export type TallyMessage = keyof (typeof MESSAGES)['zh-CN'];

/** The tally command's own sentences, per locale. */
export function tallyText(
  locale: Locale,
  key: TallyMessage,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(
    localiseTemplate(MESSAGES[locale][key], locale),
    quoteParams(params, locale, PATH_KEYS),
  );
}
