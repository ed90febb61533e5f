import type { MessageTable } from '../../core/locale';
import { type CheckModule, type FileFinding, fileFinding, type Place } from '../../core/rule';

/**
 * The review desk's checks, decided from what the review feature read, attributed and matched: a received file that
 * cannot be used, a file placed with no unit, a deliverable missing or sent twice, a 动态调整情况表's 合计 against its
 * own rows and the unit's list, each reported change against the list, the list's changes the report leaves out, a
 * 无动态调整 statement against a list with changes, and the declarations against the quota. Reading the files,
 * telling which unit sent each, choosing a unit's list and report and pairing the report's rows with the list's
 * items stay in `features/review`.
 */

/**
 * Messages of the office's review of everything the units sent (not cell rules): deliverables missing, files that
 * cannot be read or placed, a 动态调整情况表 that does not add up or disagrees with the unit's own list.
 */
export const reviewMessages: MessageTable = {
  'zh-CN': {
    'missing-checklist': '未报送检查实施清单;请报送调整后的{year}年度行政检查事项清单(电子版)',
    'missing-adjustment': '未报送动态调整情况表;如无动态调整,也请报送无动态调整的说明',
    'missing-declaration': '未报送监测点企业申报表;本单位任务数为 {quota} 家',
    'declaration-short': '监测点企业只计入 {declared} 家,少于任务数 {quota} 家;还差 {missing} 家,请补报',
    'declaration-over': '监测点企业计入 {declared} 家,超出任务数 {quota} 家;请核实',
    unreadable: '文件“{name}”无法读取:{reason}',
    'not-read': '收到文件“{name}”,未读取其内容:{reason}',
    'other-file': '文件“{name}”中没有检查实施清单、动态调整情况表或监测点企业申报表;请确认是否报错了文件',
    'unit-conflict':
      '文件“{name}”放在“{folder}”文件夹中,但文件中写明的单位是“{named}”;已按“{unit}”计入,请核实',
    'no-unit':
      '无法确定文件“{name}”所属的单位:文件夹名、文件名、标题和填报单位中都没有单位名单中的单位;请在文件中写明填报单位',
    'unknown-unit': '文件“{name}”的单位“{text}”不在单位名单中(最接近的是“{suggestion}”);请核实单位名称',
    'unknown-unit-no-match':
      '文件“{name}”的单位“{text}”不在单位名单中,名单中也没有相近的单位;如是应报送的单位,请用 --units 加入单位名单',
    'several-lists': '报送了 {count} 份检查实施清单;以“{chosen}”({items} 项)为准,请确认',
    'several-reports': '报送了 {count} 份动态调整情况表;以“{chosen}”为准,请确认',
    'total-type-mismatch': '合计写明{type} {stated} 项,但表中{type}事项为 {counted} 项;请核对合计',
    'total-count-mismatch': '合计写明共 {stated} 项,但表中列出 {counted} 项;请核对合计',
    'total-balance':
      '合计写明上年清单 {previous} 项、新增 {added} 项、删除 {deleted} 项,本年应为 {expected} 项,但写的是 {current} 项;请核对',
    'total-list-count': '动态调整情况表写明本年清单 {stated} 项,但报送的清单中有 {items} 项;请核对',
    'added-not-in-list':
      '“{itemName}”报为新增,但本单位报送的清单中没有该事项;请在清单中补充该事项,或更正动态调整情况表',
    'deleted-still-listed':
      '“{itemName}”报为删除,但本单位清单第 {listRow} 行仍列有该事项;请从清单中删除,或更正动态调整情况表',
    'modified-not-in-list': '“{itemName}”报为修改,但本单位报送的清单中没有该事项;请核对事项名称',
    'modified-differs':
      '“{itemName}”报为修改,{field}调整为“{reported}”,但清单第 {listRow} 行的{field}是“{listed}”;两处应一致',
    'name-differs': '动态调整情况表中的“{reported}”在清单中写作“{listed}”(第 {listRow} 行);请统一事项名称',
    'change-not-reported':
      '清单中“{itemName}”的调整类型为“{type}”,但动态调整情况表中没有该事项;请在情况表中补充',
    'statement-but-changes':
      '报送的是无动态调整说明,但清单中有 {count} 项标为新增、删除或修改(如“{itemName}”);请核实,有调整的应报送动态调整情况表',
  },
  'en-US': {
    'missing-checklist': 'No inspection list was sent; send the adjusted {year} list (electronic copy)',
    'missing-adjustment':
      'No dynamic-adjustment report was sent; a unit without adjustments still sends a statement saying so',
    'missing-declaration': "No monitoring-point declaration was sent; the unit's quota is {quota}",
    'declaration-short':
      'Only {declared} monitoring-point enterprises count, fewer than the quota of {quota}; {missing} more are needed',
    'declaration-over':
      '{declared} monitoring-point enterprises count, more than the quota of {quota}; check it',
    unreadable: 'The file "{name}" cannot be read: {reason}',
    'not-read': 'The file "{name}" was received; its content is not read: {reason}',
    'other-file':
      'The file "{name}" holds no inspection list, adjustment report or declaration; check whether the right file was sent',
    'unit-conflict':
      'The file "{name}" is in the folder "{folder}" but names the unit "{named}"; it was counted for "{unit}", check it',
    'no-unit':
      'Cannot tell which unit sent "{name}": no unit of the register appears in its folder, file name, title or 填报单位 line; the file should name its unit',
    'unknown-unit':
      'The unit "{text}" of "{name}" is not in the register (closest: "{suggestion}"); check the unit name',
    'unknown-unit-no-match':
      'The unit "{text}" of "{name}" is not in the register, nor is any close name; if it should report, add it with --units',
    'several-lists': '{count} inspection lists were sent; "{chosen}" ({items} items) is used, confirm it',
    'several-reports': '{count} adjustment reports were sent; "{chosen}" is used, confirm it',
    'total-type-mismatch':
      'The 合计 line says {stated} items {type}, but the table lists {counted}; check the total',
    'total-count-mismatch':
      'The 合计 line says {stated} items, but the table lists {counted}; check the total',
    'total-balance':
      'The 合计 line says {previous} items last year, {added} added and {deleted} deleted, so {expected} this year, but it says {current}; check it',
    'total-list-count':
      "The report says this year's list has {stated} items, but the list sent has {items}; check it",
    'added-not-in-list':
      '"{itemName}" is reported as added, but the unit\'s list does not have it; add it to the list or correct the report',
    'deleted-still-listed':
      '"{itemName}" is reported as deleted, but row {listRow} of the unit\'s list still has it; remove it or correct the report',
    'modified-not-in-list':
      '"{itemName}" is reported as modified, but the unit\'s list does not have it; check the item name',
    'modified-differs':
      '"{itemName}" is reported as modified with {field} "{reported}", but row {listRow} of the list gives "{listed}"; they must agree',
    'name-differs':
      'The report\'s "{reported}" is written "{listed}" in the list (row {listRow}); use one name',
    'change-not-reported':
      'The list marks "{itemName}" as {type}, but the adjustment report does not mention it; add it to the report',
    'statement-but-changes':
      'A no-adjustment statement was sent, but the list marks {count} items as added, deleted or modified (e.g. "{itemName}"); a unit with changes sends the report',
  },
};

/** The review desk's checks (run by the review feature over everything the units sent). */
export const reviewCheck: CheckModule = {
  id: 'review',
  messages: reviewMessages,
  severities: {
    'missing-checklist': 'error',
    'missing-adjustment': 'error',
    'missing-declaration': 'error',
    'declaration-short': 'error',
    'declaration-over': 'warning',
    unreadable: 'error',
    'not-read': 'info',
    'other-file': 'warning',
    'unit-conflict': 'warning',
    'no-unit': 'error',
    'unknown-unit': 'error',
    'unknown-unit-no-match': 'error',
    'several-lists': 'warning',
    'several-reports': 'warning',
    'total-type-mismatch': 'error',
    'total-count-mismatch': 'error',
    'total-balance': 'error',
    'total-list-count': 'warning',
    'added-not-in-list': 'error',
    'deleted-still-listed': 'error',
    'modified-not-in-list': 'error',
    'modified-differs': 'error',
    'name-differs': 'warning',
    'change-not-reported': 'warning',
    'statement-but-changes': 'warning',
  },
};

/** Which deliverable a review finding concerns. */
export type Deliverable = 'checklist' | 'adjustment' | 'declaration';

/** A finding of the review desk, with the deliverable it concerns; the feature names the file and grades it. */
export type ReviewFinding = FileFinding & { deliverable?: Deliverable };

function finding(
  id: string,
  at: Place,
  params: Record<string, string | number>,
  deliverable?: Deliverable,
): ReviewFinding {
  const f: ReviewFinding = fileFinding(`review/${id}`, at, params);
  if (deliverable) f.deliverable = deliverable;
  return f;
}

/** A file as received: its name, what it was read as, and why it could not be read. */
export interface ReceivedFile {
  name: string;
  /** What it was read as: 'unreadable', 'other' (no deliverable in it), or a deliverable's kind. */
  kind: string;
  /** Why reading failed (or why its content was not read). */
  error?: string;
  /** True when the file holds a quota table (not another unit's deliverable, but no mistake either). */
  quota: boolean;
  /** A folder naming one unit and a file naming another. */
  conflict?: { folder: string; named: string };
}

/** A unit's received file: the unit it counts for when its folder and content disagree, and what cannot be used. */
export function receivedFileFindings(file: ReceivedFile, unit: string): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  const at = { sheet: '' };
  const name = file.name;
  if (file.conflict)
    out.push(
      finding('unit-conflict', at, { name, folder: file.conflict.folder, named: file.conflict.named, unit }),
    );
  if (file.kind === 'unreadable') out.push(finding('unreadable', at, { name, reason: file.error ?? '' }));
  if (file.kind === 'other' && file.error !== undefined)
    out.push(finding('not-read', at, { name, reason: file.error }));
  else if (file.kind === 'other' && !file.quota) out.push(finding('other-file', at, { name }));
  return out;
}

/** A file no unit could be found for: a unit named but not in the register (with the closest), or none. */
export function unplacedFileFinding(
  name: string,
  unknown?: { text: string; suggestion?: string },
): ReviewFinding {
  const at = { sheet: '' };
  if (!unknown) return finding('no-unit', at, { name });
  return finding(unknown.suggestion ? 'unknown-unit' : 'unknown-unit-no-match', at, {
    name,
    text: unknown.text,
    suggestion: unknown.suggestion ?? '',
  });
}

/** The list chosen among `count` sent (none when none was), or what is missing: the finding, if any. */
export function listChoiceFinding(
  count: number,
  chosen: { file: string; sheet: string; items: number } | undefined,
  year: number,
): ReviewFinding | undefined {
  if (!chosen) return finding('missing-checklist', { sheet: '' }, { year }, 'checklist');
  if (count < 2) return undefined;
  return finding(
    'several-lists',
    { sheet: chosen.sheet },
    { count, chosen: chosen.file, items: chosen.items },
    'checklist',
  );
}

/** The report chosen among `count` sent (none when none was), or what is missing: the finding, if any. */
export function reportChoiceFinding(
  count: number,
  chosen: { file: string; sheet: string } | undefined,
): ReviewFinding | undefined {
  if (!chosen) return finding('missing-adjustment', { sheet: '' }, {}, 'adjustment');
  if (count < 2) return undefined;
  return finding('several-reports', { sheet: chosen.sheet }, { count, chosen: chosen.file }, 'adjustment');
}

/** The 调整类型 a report row or list item gives. */
type Kind = '新增' | '删除' | '修改' | '无变化';

/** Rows of a report per 调整类型. */
export function countKinds(entries: ReadonlyArray<{ type?: Kind }>): Record<Kind, number> {
  const counts: Record<Kind, number> = { 新增: 0, 删除: 0, 修改: 0, 无变化: 0 };
  for (const e of entries) if (e.type) counts[e.type]++;
  return counts;
}

/** A 动态调整情况表 as its 合计 checks see it: its rows' types and the counts each 合计 row states. */
export interface ReportTotals {
  sheet: string;
  columns: Readonly<Record<string, number>>;
  entries: ReadonlyArray<{ type?: Kind }>;
  totals: ReadonlyArray<{
    row: number;
    counts: Partial<Record<Kind | 'total' | 'previous' | 'current', number>>;
  }>;
}

/**
 * The 合计 rows of a report against its own rows: each count stated per 调整类型, a bare total (of the changes or of
 * every row), and the balance 上年 + 新增 − 删除 = 本年; and, when the unit's list was sent, 本年 against its items.
 */
export function reportTotalFindings(report: ReportTotals, listItems?: number): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  const counted = countKinds(report.entries);
  const at = (row: number) => ({ sheet: report.sheet, row, column: report.columns.itemName ?? 1 });
  const listed = report.entries.filter((e) => e.type !== '无变化').length;
  for (const total of report.totals) {
    const c = total.counts;
    for (const type of ['新增', '删除', '修改'] as const) {
      const stated = c[type];
      if (stated !== undefined && stated !== counted[type])
        out.push(
          finding(
            'total-type-mismatch',
            at(total.row),
            { type, stated, counted: counted[type] },
            'adjustment',
          ),
        );
    }
    if (c.total !== undefined && c.total !== listed && c.total !== report.entries.length)
      out.push(
        finding('total-count-mismatch', at(total.row), { stated: c.total, counted: listed }, 'adjustment'),
      );
    if (c.previous !== undefined && c.current !== undefined) {
      const added = c.新增 ?? counted.新增;
      const deleted = c.删除 ?? counted.删除;
      const expected = c.previous + added - deleted;
      if (expected !== c.current)
        out.push(
          finding(
            'total-balance',
            at(total.row),
            { previous: c.previous, added, deleted, expected, current: c.current },
            'adjustment',
          ),
        );
    }
    if (c.current !== undefined && listItems !== undefined && c.current !== listItems)
      out.push(
        finding('total-list-count', at(total.row), { stated: c.current, items: listItems }, 'adjustment'),
      );
  }
  return out;
}

/** A change a report lists: its row and name, its type, and the ratio and frequency it gives a modified item. */
export interface ReportedChange {
  row: number;
  itemName: string;
  type: '新增' | '删除' | '修改';
  values: Partial<Record<'ratio' | 'frequency', string>>;
}

/** The list's item a reported change was paired with, and whether by code or name (else only by likeness). */
export interface ListedItem {
  row: number;
  itemName: string;
  exact: boolean;
  texts: Readonly<Partial<Record<string, string>>>;
}

/**
 * One reported change against the unit's list: an item reported 新增 must be in the list (under one name), one
 * reported 删除 must not be, one reported 修改 must be and show the new ratio and frequency where the list has those
 * columns, compared by `same` (by meaning, as the engine reads them).
 */
export function reportedChangeFindings(
  change: ReportedChange,
  hit: ListedItem | undefined,
  at: Place,
  listHas: (field: string) => boolean,
  same: (field: 'ratio' | 'frequency', reported: string, listed: string) => boolean,
): ReviewFinding[] {
  const { itemName } = change;
  const nameDiffers = (h: ListedItem) =>
    h.exact
      ? []
      : [
          finding(
            'name-differs',
            at,
            { reported: itemName, listed: h.itemName, listRow: h.row },
            'adjustment',
          ),
        ];
  if (change.type === '新增')
    return hit ? nameDiffers(hit) : [finding('added-not-in-list', at, { itemName }, 'adjustment')];
  if (change.type === '删除')
    return hit?.exact
      ? [finding('deleted-still-listed', at, { itemName, listRow: hit.row }, 'adjustment')]
      : [];
  if (!hit) return [finding('modified-not-in-list', at, { itemName }, 'adjustment')];
  const out = nameDiffers(hit);
  for (const field of ['ratio', 'frequency'] as const) {
    const reported = change.values[field];
    if (reported === undefined || !listHas(field)) continue;
    const listed = hit.texts[field] ?? '';
    if (!same(field, reported, listed))
      out.push(
        finding(
          'modified-differs',
          at,
          { itemName, field, reported, listed: listed || '—', listRow: hit.row },
          'adjustment',
        ),
      );
  }
  return out;
}

/** A list item whose own 调整类型 marks a change. */
export interface MarkedItem {
  row: number;
  itemName: string;
  adjustType?: string;
  texts: Readonly<Partial<Record<string, string>>>;
}

/** The list's items marked 新增 / 删除 / 修改 that the report does not mention (`reported` tells). */
export function unreportedChangeFindings(
  items: readonly MarkedItem[],
  list: { sheet: string; typeColumn?: number },
  reported: (itemName: string) => boolean,
): ReviewFinding[] {
  const out: ReviewFinding[] = [];
  for (const item of items) {
    const type = item.adjustType;
    if (!type || type === '无变化' || reported(item.itemName)) continue;
    out.push(
      finding(
        'change-not-reported',
        {
          sheet: list.sheet,
          row: item.row,
          column: list.typeColumn,
          field: 'adjustType',
          received: item.texts.adjustType ?? type,
        },
        { itemName: item.itemName, type },
        'adjustment',
      ),
    );
  }
  return out;
}

/** A 无动态调整 statement against a list that marks changes: one finding naming the first of them. */
export function statementFindings(
  items: readonly MarkedItem[],
  list: { sheet: string; typeColumn?: number },
): ReviewFinding[] {
  const changed = items.filter((i) => i.adjustType && i.adjustType !== '无变化');
  const [first] = changed;
  if (!first) return [];
  const at = {
    sheet: list.sheet,
    row: first.row,
    column: list.typeColumn,
    field: 'adjustType',
    received: first.texts.adjustType ?? '',
  };
  return [
    finding('statement-but-changes', at, { count: changed.length, itemName: first.itemName }, 'adjustment'),
  ];
}

/**
 * A unit's declarations against its quota: none sent though a quota is set, fewer counted than the quota, or more.
 * `counted` is undefined when the tally has no row for the unit.
 */
export function declarationFinding(
  declared: boolean,
  counted: number | undefined,
  quota: number,
): ReviewFinding | undefined {
  const at = { sheet: '' };
  const required = quota > 0;
  if (!declared && required) return finding('missing-declaration', at, { quota }, 'declaration');
  if (declared && counted !== undefined && counted < quota)
    return finding(
      'declaration-short',
      at,
      { declared: counted, quota, missing: quota - counted },
      'declaration',
    );
  if (counted !== undefined && counted > quota && required)
    return finding('declaration-over', at, { declared: counted, quota }, 'declaration');
  return undefined;
}
