import { itemAt } from '../../core/item-at';
import { cellAddress } from '../../core/grid';
import type { Locale } from '../../core/locale';
import type { SheetSpec } from '../../core/sheet-spec';
import { ITEM_CATEGORY, matchEnum, YES_NO } from '../../rules/enum/enum.rule';
import { renderIssue } from '../check-workbook';
import { buildDetailSheet, buildSummarySheet } from '../tally';
import type { Deliverable, DeliverableIssue } from './cross-check';
import { isDoubleRandom } from './list-stats';
import type { DeliverableStatus, ReviewResult, UnitReview } from './review-inbox';
import { type TableRow, tableSheet } from './table-sheet';

/** Names of the review's own sheets. */
export const REVIEW_SHEETS = {
  submissions: '报送情况',
  lists: '清单汇总',
  county: '全县检查事项清单',
  returns: '退回意见',
} as const;

/** Options of the workbook: the date printed under the titles, and the language of the issue sentences. */
export interface ReviewSheetOptions {
  date?: string;
  locale?: Locale;
}

/** The deliverables in the order the office lists them, with their names. */
export const DELIVERABLES: ReadonlyArray<[Deliverable, string]> = [
  ['checklist', '检查实施清单'],
  ['adjustment', '动态调整情况表'],
  ['declaration', '监测点企业申报表'],
];

/** Short names of the deliverables, for the 备注 column. */
const SHORT: Record<Deliverable, string> = { checklist: '清单', adjustment: '情况表', declaration: '申报表' };

const STATUS_STYLE: Record<DeliverableStatus, string> = {
  ok: 'ok',
  issues: 'issues',
  missing: 'missing',
  'not-required': 'none',
};

/** How a deliverable's cell reads: 已报, 已报（错误 3）, 未报, 无需报送. */
export function deliverableText(u: UnitReview, d: Deliverable): string {
  const status = u.deliverables[d];
  if (status === 'missing') return '未报';
  if (status === 'not-required') return '无需报送';
  const errors = u.issues.filter((i) => i.deliverable === d && i.severity === 'error').length;
  return errors > 0 ? `已报（错误 ${errors}）` : '已报';
}

/** How a unit's 完成情况 reads: 已报齐, 需修改, 未报齐. */
export function unitStatusText(u: UnitReview): string {
  return u.status === 'complete' ? '已报齐' : u.status === 'issues' ? '需修改' : '未报齐';
}

const dateNote = (o: ReviewSheetOptions) => (o.date ? `统计日期：${o.date}。` : '');

/** 报送情况: one row per unit, a column per deliverable (已报 / 未报, with error counts), 完成情况, county totals. */
export function buildSubmissionSheet(result: ReviewResult, options: ReviewSheetOptions = {}): SheetSpec {
  const rows: TableRow[] = result.units.map((u, i) => {
    const missing = DELIVERABLES.filter(([d]) => u.deliverables[d] === 'missing').map(([d]) => SHORT[d]);
    const remark = missing.length ? `缺${missing.join('、')}` : u.errors > 0 ? '见退回意见' : '';
    return {
      values: [
        i + 1,
        u.unit,
        ...DELIVERABLES.map(([d]) => deliverableText(u, d)),
        u.files.length,
        u.errors,
        u.warnings,
        unitStatusText(u),
        remark,
      ],
      style: [
        'cell',
        'left',
        ...DELIVERABLES.map(([d]) => STATUS_STYLE[u.deliverables[d]]),
        'cell',
        'cell',
        'cell',
        STATUS_STYLE[u.status === 'complete' ? 'ok' : u.status === 'issues' ? 'issues' : 'missing'],
        'left',
      ],
    };
  });
  const sent = (d: Deliverable) =>
    result.units.filter((u) => u.deliverables[d] === 'ok' || u.deliverables[d] === 'issues').length;
  const asked = (d: Deliverable) => result.units.filter((u) => u.deliverables[d] !== 'not-required').length;
  const s = result.summary;
  rows.push({
    values: [
      '合计',
      `${s.units} 个单位`,
      ...DELIVERABLES.map(([d]) => `已报 ${sent(d)} / ${asked(d)}`),
      result.units.reduce((n, u) => n + u.files.length, 0),
      result.units.reduce((n, u) => n + u.errors, 0),
      result.units.reduce((n, u) => n + u.warnings, 0),
      `已报齐 ${s.complete} 个`,
      `未报齐 ${s.missing} 个，需修改 ${s.withIssues} 个`,
    ],
    style: 'total',
  });
  const unassigned = result.unassigned.length
    ? `另有 ${result.unassigned.length} 个文件未能确定所属单位，见“退回意见”表末尾。`
    : '';
  return tableSheet({
    name: REVIEW_SHEETS.submissions,
    title: `${result.region}${result.year}年度“双随机”监管事项报送情况`,
    note:
      `${dateNote(options)}共收到 ${s.files} 个文件。已报：材料已收到，括号内为须修改的错误数；未报：未收到该材料。` +
      `完成情况：已报齐（三项材料齐全且无错误）、需修改（材料齐全但有错误）、未报齐（缺材料）。${unassigned}`,
    head: ['序号', '单位', ...DELIVERABLES.map(([, n]) => n), '文件数', '错误', '警告', '完成情况', '备注'],
    widths: [6, 16, 16, 16, 16, 7, 7, 7, 10, 24],
    rows,
    orientation: 'landscape',
  });
}

/**
 * 清单汇总: per unit, the list's items, 双随机 items, 重点 / 一般, 市场监管领域, 扰企 and 盲区 risks, and 新增 /
 * 删除 / 修改 from its report; then the county totals.
 */
export function buildListSummarySheet(result: ReviewResult, options: ReviewSheetOptions = {}): SheetSpec {
  const totals = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const rows: TableRow[] = result.units.map((u, i) => {
    const st = u.list?.stats;
    const r = u.report && !u.report.statement ? u.report : undefined;
    const figures = [
      st?.items,
      st?.doubleRandom,
      st?.key,
      st?.general,
      st?.market,
      st?.disturb,
      st?.blind,
      r?.added ?? (u.report ? 0 : undefined),
      r?.deleted ?? (u.report ? 0 : undefined),
      r?.modified ?? (u.report ? 0 : undefined),
    ];
    figures.forEach((v, k) => (totals[k] = itemAt(totals, k) + (v ?? 0)));
    const remark = [
      u.list ? '' : '未报清单',
      u.report ? (u.report.statement ? '无动态调整' : '') : '未报动态调整情况表',
    ]
      .filter(Boolean)
      .join('；');
    return {
      values: [i + 1, u.unit, ...figures.map((v) => (v === undefined ? '—' : v)), remark],
      style: [
        'cell',
        'left',
        ...figures.map((v, k) =>
          v === undefined ? 'none' : (k === 5 || k === 6) && v > 0 ? 'issues' : 'cell',
        ),
        'left',
      ],
    };
  });
  rows.push({
    values: ['合计', `${result.units.filter((u) => u.list).length} 个单位`, ...totals, ''],
    style: 'total',
  });
  return tableSheet({
    name: REVIEW_SHEETS.lists,
    title: `${result.region}${result.year}年度行政检查事项清单汇总`,
    note:
      `${dateNote(options)}扰企风险：双随机事项抽查比例不低于 100% 或每年检查超过 12 次；盲区：抽查比例为 0%。` +
      '新增、删除、修改取自各单位的动态调整情况表；“—”表示未报送。',
    head: [
      '序号',
      '单位',
      '事项数',
      '双随机事项',
      '重点检查事项',
      '一般检查事项',
      '市场监管领域',
      '扰企风险',
      '盲区',
      '新增',
      '删除',
      '修改',
      '备注',
    ],
    widths: [6, 16, 8, 9, 9, 9, 9, 8, 7, 7, 7, 7, 18],
    rows,
    orientation: 'landscape',
  });
}

/**
 * 全县检查事项清单: every unit's items in one publication-ready list with an 实施单位 column; an item that another
 * unit lists too is shaded and says so under 备注.
 */
export function buildCountyListSheet(result: ReviewResult, options: ReviewSheetOptions = {}): SheetSpec {
  const hasFlag = new Map(result.units.map((u) => [u.unit, !!u.list?.read.columns.has('doubleRandom')]));
  const rows: TableRow[] = result.countyItems.map((c, i) => {
    const t = c.item.texts;
    const yesNo = (text: string | undefined) => (text ? (matchEnum(text, YES_NO) ?? text) : '');
    const values = [
      i + 1,
      c.unit,
      c.item.itemName,
      t.basis ?? '',
      t.agency ?? '',
      t.object ?? '',
      t.method ?? '',
      t.doubleRandom
        ? yesNo(t.doubleRandom)
        : isDoubleRandom(c.item, hasFlag.get(c.unit) ?? false)
          ? '是'
          : '否',
      t.ratio ?? '',
      t.frequency ?? '',
      yesNo(t.marketField),
      t.category ? (matchEnum(t.category, ITEM_CATEGORY) ?? t.category) : '',
      c.alsoListedBy.length ? `${c.alsoListedBy.join('、')}也列有此事项` : (t.remarks ?? ''),
    ];
    const style = c.alsoListedBy.length ? 'shared' : 'left';
    return { values, style: values.map((_, k) => (k === 0 || k === 7 || k === 10 ? 'cell' : style)) };
  });
  const shared = result.countyItems.filter((c) => c.alsoListedBy.length > 0).length;
  return tableSheet({
    name: REVIEW_SHEETS.county,
    title: `${result.region}${result.year}年度行政检查事项清单`,
    note:
      `${dateNote(options)}共 ${result.countyItems.length} 项，来自 ${result.units.filter((u) => u.list).length} 个单位报送的清单。` +
      (shared ? `底色标出的 ${shared} 项为两个以上单位都列有的事项，请核实是否重复。` : ''),
    head: [
      '序号',
      '实施单位',
      '检查事项名称',
      '检查依据',
      '检查主体',
      '检查对象',
      '检查方式',
      '是否纳入双随机',
      '检查比例',
      '检查频次',
      '是否属于市场监管领域',
      '事项类别',
      '备注',
    ],
    widths: [6, 12, 22, 34, 14, 16, 12, 8, 10, 10, 8, 10, 16],
    rows,
    orientation: 'landscape',
    wrapColumns: [1, 2, 3, 4, 5, 6, 12],
  });
}

/** What a deliverable is called in a return note. */
const MATERIAL: Record<Deliverable, string> = {
  checklist: '检查实施清单',
  adjustment: '动态调整情况表',
  declaration: '监测点企业申报表',
};

/** Where an issue is: 工作表!单元格, or the sheet alone, or nothing (a missing deliverable). */
export function issuePlace(i: DeliverableIssue): string {
  if (!i.sheet) return '';
  const cell =
    i.row !== undefined && i.column !== undefined
      ? cellAddress(i.row, i.column)
      : i.row
        ? `第${i.row}行`
        : '';
  return cell ? `${i.sheet}!${cell}` : i.sheet;
}

/** A unit's issues to send back, in order: missing deliverables, then errors, then warnings; notes left out. */
export function returnIssues(u: UnitReview): DeliverableIssue[] {
  const rank = (i: DeliverableIssue) =>
    (i.code.startsWith('review/missing-') ? 0 : 1) * 10 + (i.severity === 'error' ? 0 : 1);
  return u.issues
    .filter((i) => i.severity !== 'info')
    .map((issue, n) => ({ issue, n }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.n - b.n)
    .map((x) => x.issue);
}

/** Rows of 退回意见 listed per unit at most (the note per unit and the JSON have all). */
const MAX_PER_UNIT = 300;

/**
 * 退回意见: per unit, what to fix — the material, the file, the sheet and cell, and the sentence a clerk
 * understands; missing deliverables first. Files no unit could be found for close the list.
 */
export function buildReturnSheet(result: ReviewResult, options: ReviewSheetOptions = {}): SheetSpec {
  const locale = options.locale ?? 'zh-CN';
  const rows: TableRow[] = [];
  const push = (unit: string, i: DeliverableIssue) => {
    const level = i.severity === 'error' ? '错误' : '警告';
    rows.push({
      values: [
        rows.length + 1,
        unit,
        i.deliverable ? MATERIAL[i.deliverable] : '文件',
        i.file ? i.file.replace(/^.*\//, '') : '',
        issuePlace(i),
        level,
        renderIssue(i, locale),
      ],
      style: ['cell', 'left', 'cell', 'left', 'left', i.severity, 'left'],
    });
  };
  let units = 0;
  for (const u of result.units) {
    const issues = returnIssues(u);
    if (issues.length === 0) continue;
    units++;
    for (const i of issues.slice(0, MAX_PER_UNIT)) push(u.unit, i);
    if (issues.length > MAX_PER_UNIT)
      rows.push({
        values: [
          '',
          u.unit,
          '',
          '',
          '',
          '',
          `……另有 ${issues.length - MAX_PER_UNIT} 条，见该单位的退回意见文件`,
        ],
        style: 'left',
      });
  }
  for (const x of result.unassigned) push('（未能确定单位）', x.issue);
  return tableSheet({
    name: REVIEW_SHEETS.returns,
    title: `${result.region}${result.year}年度“双随机”监管事项报送材料退回意见`,
    note:
      `${dateNote(options)}${units} 个单位需补报或修改。错误须改正后重新报送；警告请核实。` +
      '位置为“工作表!单元格”，对应单位报送的文件。',
    head: ['序号', '单位', '材料', '文件', '位置', '级别', '问题及修改要求'],
    widths: [6, 12, 12, 22, 14, 6, 60],
    rows,
    orientation: 'landscape',
    wrapColumns: [3, 4, 6],
  });
}

/**
 * The office's workbook, in reading order: 报送情况, 清单汇总, 全县检查事项清单, 退回意见, then 监测点汇总 and
 * 申报明细 exactly as `drc tally --out` writes them.
 */
export function buildReviewWorkbook(result: ReviewResult, options: ReviewSheetOptions = {}): SheetSpec[] {
  const detail = buildDetailSheet(result.tally);
  const tallyFiles = new Set(result.tally.files.map((f) => f.file)).size;
  return [
    buildSubmissionSheet(result, options),
    buildListSummarySheet(result, options),
    buildCountyListSheet(result, options),
    buildReturnSheet(result, options),
    buildSummarySheet(result.tally, { live: [detail.live], files: tallyFiles }),
    detail.spec,
  ];
}
