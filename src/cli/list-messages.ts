import { fillTemplate, localiseTemplate, type Locale } from '../core/locale';
import { PATH_KEYS, quoteParams } from '../core/messages';

const MESSAGES = {
  'zh-CN': {
    'list/not-found':
      '文件"{file}"中没有找到检查事项清单(表头应有 检查事项名称、检查依据、检查方式 等列);请确认选择的是清单文件',
    'confirm/empty': '确认文件"{file}"中没有事项名称;每行写"原事项名称,现事项名称"',
    'args/year': '--year 应为四位年份,如 2020;收到的是"{value}"',
    'args/out-xlsx': '--out 应为 .xlsx 文件名,如 动态调整情况表.xlsx;收到的是"{value}"',
    'args/out-is-input': '--out 会覆盖输入文件"{file}";请另选一个文件名',
    'file/write-failed': '无法写入"{file}":{detail}',
    adjustTitle: '双随机清单助手 · 动态调整情况',
    compareTitle: '双随机清单助手 · 两平台清单比对',
    listLine: '{role}:{file}（工作表"{sheet}"，{count} 项）',
    previous: '上年清单',
    current: '本年清单',
    listA: '清单A',
    listB: '清单B',
    added: '新增 {count} 项',
    deleted: '删除 {count} 项',
    modified: '修改 {count} 项',
    unchanged: '无变化 {count} 项',
    reason: '原因:{reason}',
    noReason: '未填写调整原因',
    similar: '（按名称相似配对,相似度 {score}）',
    uncertain: '待确认 {count} 对（未配对,暂按删除、新增处理;确认后用 --confirm-map 文件重新运行）：',
    uncertainPair: '{previous} ⇄ {current}（相似度 {score}）',
    confirmHint: '确认文件（CSV）内容示例：',
    issues: '错误 {errors} 个,警告 {warnings} 个',
    written: '已写出:{path}',
    onlyInA: '仅清单A有 {count} 项：',
    onlyInB: '仅清单B有 {count} 项：',
    differences: '内容不一致 {count} 处：',
    difference: '{itemName}:{field} A为“{a}”,B为“{b}”',
    counts: '事项数量:A {countA} 项,B {countB} 项',
    agencyCode: '机构代码:A {a},B {b},{verdict}',
    codeSame: '一致',
    codeMissing: '两份清单都没有写机构代码',
    codeDiffers: '不一致',
    codeInvalid: '（无效）',
    none: '（无）',
    agree: '两份清单一致,未发现差异',
    disagree: '共 {count} 处差异',
  },
  'en-US': {
    'list/not-found':
      'No inspection list found in "{file}" (its header should name columns such as 检查事项名称, 检查依据, 检查方式); check that this is a list file',
    'confirm/empty':
      'The confirmation file "{file}" names no items; write one "previous name,current name" per line',
    'args/year': '--year must be a four-digit year such as 2020; got "{value}"',
    'args/out-xlsx': '--out must be an .xlsx file name such as report.xlsx; got "{value}"',
    'args/out-is-input': '--out would overwrite the input "{file}"; choose another file name',
    'file/write-failed': 'Cannot write "{file}": {detail}',
    adjustTitle: 'Double-random checklist assistant · dynamic adjustment',
    compareTitle: 'Double-random checklist assistant · two-platform comparison',
    listLine: '{role}: {file} (sheet "{sheet}", {count} {count|item|items})',
    previous: "Last year's list",
    current: "This year's list",
    listA: 'List A',
    listB: 'List B',
    added: '{count} added',
    deleted: '{count} deleted',
    modified: '{count} modified',
    unchanged: '{count} unchanged',
    reason: 'reason: {reason}',
    noReason: 'no reason given',
    similar: '(paired by a similar name, similarity {score})',
    uncertain:
      '{count} {count|pair|pairs} to confirm (not paired: counted as deleted and added; confirm them with --confirm-map and run again):',
    uncertainPair: '{previous} ⇄ {current} (similarity {score})',
    confirmHint: 'Confirmation file (CSV), for example:',
    issues: '{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}',
    written: 'Written: {path}',
    onlyInA: '{count} only in list A:',
    onlyInB: '{count} only in list B:',
    differences: '{count} field {count|difference|differences}:',
    difference: '{itemName}: {field} A "{a}", B "{b}"',
    counts: 'Items: A {countA}, B {countB}',
    agencyCode: 'Agency code: A {a}, B {b}, {verdict}',
    codeSame: 'the same',
    codeMissing: 'neither list gives one',
    codeDiffers: 'different',
    codeInvalid: ' (invalid)',
    none: '(none)',
    agree: 'The two lists agree; no difference found',
    disagree: '{count} {count|difference|differences} in all',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** A message key of `drc adjust` and `drc compare`. */
export type ListMessage = keyof (typeof MESSAGES)['zh-CN'];

/** The sentences of `drc adjust` and `drc compare`, per locale. */
export function listText(
  locale: Locale,
  key: ListMessage,
  params: Record<string, string | number> = {},
): string {
  return fillTemplate(
    localiseTemplate(MESSAGES[locale][key], locale),
    quoteParams(params, locale, PATH_KEYS),
  );
}
