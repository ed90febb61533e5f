import type { Severity } from '../../core/issue';
import type { Settings } from '../../core/settings';
import {
  countKinds,
  type Deliverable,
  type ReportedChange,
  reportedChangeFindings,
  reportTotalFindings,
  type ReviewFinding,
  statementFindings,
  unreportedChangeFindings,
} from '../../rules/review/review.rule';
import { DEFAULT_SEVERITIES } from '../../schemas/severities';
import type { AdjustType } from '../adjust';
import { nameKey, sameValue } from '../compare/field-compare';
import { matchItems } from '../compare/match-items';
import type { ListItem, ListRead } from '../compare/read-list';
import { type ReportEntry, type ReportRead, reportedValues } from './read-report';
import type { ReviewIssue } from './review-file';

export type { Deliverable };

/** A review issue that may say which deliverable it concerns. */
export interface DeliverableIssue extends ReviewIssue {
  deliverable?: Deliverable;
}

/** Builds a `review/…` issue graded by the settings, else the default severities. */
export function reviewIssue(
  settings: Settings,
  id: string,
  at: { file: string; sheet: string; row?: number; column?: number; field?: string; received?: string },
  params: Record<string, string | number>,
  deliverable?: Deliverable,
): DeliverableIssue {
  const code = `review/${id}`;
  const severity: Severity = settings.severities[code] ?? DEFAULT_SEVERITIES[code] ?? 'error';
  const issue: DeliverableIssue = { code, severity, file: at.file, sheet: at.sheet, params };
  for (const k of ['row', 'column', 'field', 'received'] as const)
    if (at[k] !== undefined) (issue as unknown as Record<string, unknown>)[k] = at[k];
  if (deliverable) issue.deliverable = deliverable;
  return issue;
}

/** A review check's finding in `file`, graded by the settings, else the default severities. */
export function gradeReview(settings: Settings, file: string, finding: ReviewFinding): DeliverableIssue {
  const id = finding.code.slice('review/'.length);
  return reviewIssue(settings, id, { ...finding, file }, finding.params, finding.deliverable);
}

/** Counts of a report's rows per 调整类型. */
export function reportCounts(report: ReportRead): Record<AdjustType, number> {
  return countKinds(report.entries);
}

/** The items a list holds this year: rows marked 删除 give a deletion, they are not items. */
export function activeItems(list: ListRead): ListItem[] {
  return list.items.filter((i) => i.adjustType !== '删除');
}

/**
 * The 合计 rows of a report against its own rows: each count stated per 调整类型, a bare total, and the balance
 * 上年 + 新增 − 删除 = 本年; and, when the unit's list was sent, 本年 against the list's items.
 */
export function checkReportTotals(
  report: ReportRead,
  file: string,
  settings: Settings,
  listItems?: number,
): DeliverableIssue[] {
  return reportTotalFindings(report, listItems).map((f) => gradeReview(settings, file, f));
}

/** A report row as a list item, so that the adjustment's matching (code, name, similar name) pairs it. */
function asItem(e: ReportEntry): ListItem {
  return { row: e.row, itemName: e.itemName, itemCode: '', texts: {}, reason: '' };
}

/**
 * A unit's report against its own list: an item reported 新增 must be in the list, one reported 删除 must not
 * be (rows marked 删除 aside), one reported 修改 must show the new ratio and frequency — compared by meaning, as
 * the engine reads them (5% = 0.05 with a % format; 每年1次 = 1次/年). Items the list marks 新增 / 删除 / 修改
 * that the report does not mention are noted too.
 */
export function checkReportAgainstList(
  report: ReportRead,
  reportFile: string,
  list: ListRead,
  listFile: string,
  settings: Settings,
): DeliverableIssue[] {
  const issues: DeliverableIssue[] = [];
  const items = activeItems(list);
  const entries = report.entries.filter((e) => e.itemName !== '' && e.type && e.type !== '无变化');
  const byEntry = new Map<ListItem, ReportEntry>();
  const reportItems = entries.map((e) => {
    const item = asItem(e);
    byEntry.set(item, e);
    return item;
  });
  const match = matchItems(reportItems, items);
  const found = new Map<ReportEntry, { item: ListItem; exact: boolean }>();
  for (const p of match.pairs)
    found.set(byEntry.get(p.previous)!, { item: p.current, exact: p.how === 'code' || p.how === 'name' });
  const at = (e: ReportEntry) => ({
    sheet: report.sheet,
    row: e.row,
    column: report.columns.itemName,
    field: 'itemName',
    received: e.itemName,
  });
  for (const e of entries) {
    const type = e.type as ReportedChange['type'];
    const change = {
      row: e.row,
      itemName: e.itemName,
      type,
      values: type === '修改' ? reportedValues(e) : {},
    };
    const hit = found.get(e);
    const listed = hit && {
      row: hit.item.row,
      itemName: hit.item.itemName,
      exact: hit.exact,
      texts: hit.item.texts,
    };
    const findings = reportedChangeFindings(change, listed, at(e), (f) => list.columns.has(f), sameValue);
    issues.push(...findings.map((f) => gradeReview(settings, reportFile, f)));
  }

  // The list's own 调整类型 marks that the report leaves out.
  const reportedKeys = new Set(report.entries.map((e) => nameKey(e.itemName)));
  for (const p of match.pairs) reportedKeys.add(nameKey(p.current.itemName));
  const unreported = unreportedChangeFindings(
    list.items,
    { sheet: list.sheet, typeColumn: list.columns.get('adjustType') },
    (name) => reportedKeys.has(nameKey(name)),
  );
  return [...issues, ...unreported.map((f) => gradeReview(settings, listFile, f))];
}

/** A 无动态调整 statement against a list that marks changes: one note naming the first of them. */
export function checkStatementAgainstList(
  list: ListRead,
  listFile: string,
  settings: Settings,
): DeliverableIssue[] {
  const found = statementFindings(list.items, {
    sheet: list.sheet,
    typeColumn: list.columns.get('adjustType'),
  });
  return found.map((f) => gradeReview(settings, listFile, f));
}
