import { fillTemplate, localiseTemplate, type Locale } from '../core/locale';

const MESSAGES = {
  'zh-CN': {
    title: '双随机清单助手 · 汇总审核',
    inboxLine: '收到:{files} 个文件;单位名单:{register}',
    'register/quota': '分配表的 {units} 个单位',
    'register/file': '“{file}”中的 {units} 个单位',
    ignored: '另有 {count} 个系统文件未读取(~$ 开头的临时文件、Thumbs.db 等)',
    head: '序号|单位|清单|动态调整情况表|监测点申报|错误|警告|完成情况',
    'status/ok': '已报',
    'status/issues': '已报(错误{n})',
    'status/missing': '未报',
    'status/not-required': '无需报送',
    'unit/complete': '已报齐',
    'unit/issues': '需修改',
    'unit/missing': '未报齐',
    total:
      '合计:{units} 个单位,已报齐 {complete} 个,需修改 {withIssues} 个,未报齐 {missing} 个;错误 {errors} 个,警告 {warnings} 个',
    unassigned: '未能确定单位的文件({count} 个):',
    returns: '退回意见(错误须改正,警告请核实):',
    unitLine: '{unit}:错误 {errors} 个,警告 {warnings} 个',
    more: '……另有 {count} 条,用 --out 或 --json 查看全部',
    'kind/checklist': '清单',
    'kind/adjustment': '动态调整情况表',
    'kind/declaration': '申报表',
    'kind/other': '其他',
    'kind/unreadable': '无法读取',
    'material/checklist': '清单',
    'material/adjustment': '情况表',
    'material/declaration': '申报表',
    'material/file': '文件',
    written: '已写出汇总表:{path}',
    notesWritten: '已写出 {count} 份退回意见:{dir}',
    'args/no-files': '"{path}"中没有文件;请指定收到材料的文件夹或文件',
    'args/nothing-readable': '收到的 {count} 个文件都无法读取;请检查文件格式',
    'args/units-empty': '单位名单"{file}"中没有单位:需要一列单位名称(表头"单位"或"单位名称"),可另加"别名"列',
    'args/notes-dir': '--notes 应为文件夹,"{dir}"是一个文件',
  },
  'en-US': {
    title: 'Double-random checklist assistant · review desk',
    inboxLine: 'Received: {files} files; register: {register}',
    'register/quota': 'the {units} units of the quota table',
    'register/file': 'the {units} units of "{file}"',
    ignored: '{count} system files were not read (~$ lock files, Thumbs.db …)',
    head: 'No.|Unit|List|Adjustment report|Declarations|Errors|Warnings|State',
    'status/ok': 'sent',
    'status/issues': 'sent ({n} errors)',
    'status/missing': 'missing',
    'status/not-required': 'not required',
    'unit/complete': 'complete',
    'unit/issues': 'to fix',
    'unit/missing': 'incomplete',
    total:
      'Total: {units} units, {complete} complete, {withIssues} to fix, {missing} incomplete; {errors} errors, {warnings} warnings',
    unassigned: 'Files of no known unit ({count}):',
    returns: 'To send back (errors must be fixed, warnings checked):',
    unitLine: '{unit}: {errors} errors, {warnings} warnings',
    more: '… {count} more; use --out or --json to see all',
    'kind/checklist': 'list',
    'kind/adjustment': 'adjustment report',
    'kind/declaration': 'declarations',
    'kind/other': 'other',
    'kind/unreadable': 'unreadable',
    'material/checklist': 'list',
    'material/adjustment': 'report',
    'material/declaration': 'declarations',
    'material/file': 'file',
    written: 'Workbook written: {path}',
    notesWritten: '{count} return notes written: {dir}',
    'args/no-files': 'No files in "{path}"; name the folder or files received',
    'args/nothing-readable': 'None of the {count} files received can be read; check their format',
    'args/units-empty':
      'The units list "{file}" names no unit: it needs a column of unit names (headed 单位 or 单位名称), optionally 别名',
    'args/notes-dir': '--notes must be a folder; "{dir}" is a file',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** A message key of `drc review`. */
export type ReviewMessage = keyof (typeof MESSAGES)['zh-CN'];

/** `drc review`'s own sentences, per locale. */
export function reviewText(
  locale: Locale,
  key: ReviewMessage,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(localiseTemplate(MESSAGES[locale][key], locale), params);
}
