import { fillTemplate, localiseTemplate, type Locale } from '../core/locale';
import { PATH_KEYS, quoteParams } from '../core/messages';

const MESSAGES = {
  'zh-CN': {
    'quota/not-found': '文件"{file}"中没有分配表:需要一个表头含"单位"和"任务数"的工作表',
    'units/not-found':
      '文件"{file}"中没有单位名录:需要一列单位名称(表头"单位"或"单位名称",可另有"别名"列),每行一个单位',
    'decisions/not-found':
      '文件"{file}"中没有重复申报的决定:需要"企业名称"和"计入单位"两列(可直接使用汇总表的"重复申报"表)',
    'unit/unknown': '--unit 指定的单位"{name}"不在分配表中{suggestion};请使用分配表中的单位名称',
    'unit/suggestion': ',最接近的是"{unit}"',
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
    duplicate: '{enterprise}{uscc}:{units}{counted}',
    countedFor: ' → 计入{unit}',
    'choice/table-unit': '(分配表中的单位优先)',
    'choice/decision': '(按决定文件)',
    decisionHint:
      '如需改由其他单位计入:在汇总表“重复申报”表的“计入单位”列中修改,再用 --decisions 该文件重新运行',
    possible: '可能重复，请核实({count} 组)：',
    possibleLine: '{names}',
    unknown: '不在分配表中的单位({count} 个)：',
    unknownLine: '{name}({file},{declarations} 份){suggestion}',
    suggestion: '，最接近：{unit}',
    noSuggestion: '，分配表中没有相近的单位',
    registered: '，即单位名录中的“{unit}”，分配表未给它分配任务',
    registeredSame: '，在单位名录中，但分配表未给它分配任务',
    unnamed: '(未注明单位)',
    excluded: '不计入({count} 家)：',
    excludedLine: '{enterprise}({unit}):{reason}',
    'reason/large-enterprise': '大型企业,不属于中小微企业',
    'reason/duplicate': '重复申报,已计入{unit}',
    issues: '问题:错误 {errors} 个,警告 {warnings} 个,提示 {infos} 个',
    written: '已写入汇总表:{path}',
    more: '……另有 {count} 条,用 --json 查看全部',
    conclusion: '{whole}任务 {quota} 家,已计入 {declared} 家,{state}',
    'state/met': '已完成',
    'state/short': '还差 {n} 家({units} 个单位)',
    'state/over': '超出 {n} 家({units} 个单位)',
    'state/both': '还差 {n} 家({units} 个单位),超出 {m} 家({mUnits} 个单位)',
    totalStatus: '不足{short},超出{over}',
  },
  'en-US': {
    'quota/not-found':
      'No quota table in "{file}": a sheet whose header has 单位 (unit) and 任务数 (quota) is needed',
    'units/not-found':
      'No units register in "{file}": a column of unit names is needed (header 单位 or 单位名称, optionally an 别名 column), one unit per row',
    'decisions/not-found':
      'No decisions on repeated nominations in "{file}": columns 企业名称 and 计入单位 are needed (the 重复申报 sheet of the summary workbook will do)',
    'unit/unknown':
      'The unit "{name}" given with --unit is not in the quota table{suggestion}; use a unit name of the table',
    'unit/suggestion': ' (closest: "{unit}")',
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
    duplicate: '{enterprise}{uscc}: {units}{counted}',
    countedFor: ' → counted for {unit}',
    'choice/table-unit': ' (a unit of the table comes first)',
    'choice/decision': ' (as the decisions file says)',
    decisionHint:
      'To count one for another unit: change 计入单位 on the 重复申报 sheet of the summary workbook, then run again with --decisions that file',
    possible: 'Possibly the same enterprise, please check ({count}):',
    possibleLine: '{names}',
    unknown: 'Units not in the quota table ({count}):',
    unknownLine: '{name} ({file}, declarations: {declarations}){suggestion}',
    suggestion: '; closest: {unit}',
    noSuggestion: '; no unit of the quota table is close to it',
    registered: '; "{unit}" of the units register, which has no quota',
    registeredSame: '; in the units register, with no quota',
    unnamed: '(no unit named)',
    excluded: 'Not counted ({count}):',
    excludedLine: '{enterprise} ({unit}): {reason}',
    'reason/large-enterprise': 'large enterprise, not a small, medium or micro one',
    issues:
      'Problems: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|note|notes}',
    'reason/duplicate': 'nominated again, counted for {unit}',
    written: 'Summary written: {path}',
    more: '… {count} more; use --json to see all',
    conclusion: 'Quota {quota}, counted {declared}: {state}',
    'state/met': 'complete',
    'state/short': '{n} still missing ({units} {units|unit|units})',
    'state/over': '{n} over ({units} {units|unit|units})',
    'state/both': '{n} still missing ({units} {units|unit|units}), {m} over ({mUnits} {mUnits|unit|units})',
    totalStatus: 'short by {short}, over by {over}',
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
