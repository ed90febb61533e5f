import type { Severity } from '../../core/issue';
import type { Settings } from '../../core/settings';
import { DEFAULT_SEVERITIES } from '../../schemas/severities';
import type { AdjustType } from '../adjust';
import { nameKey, sameValue } from '../compare/field-compare';
import { matchItems } from '../compare/match-items';
import type { ListItem, ListRead } from '../compare/read-list';
import { type ReportEntry, type ReportRead, reportedValues } from './read-report';
import type { ReviewIssue } from './review-file';

/** Which deliverable an issue of the review concerns. */
export type Deliverable = 'checklist' | 'adjustment' | 'declaration';

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

/** Counts of a report's rows per 调整类型. */
export function reportCounts(report: ReportRead): Record<AdjustType, number> {
  const counts: Record<AdjustType, number> = { 新增: 0, 删除: 0, 修改: 0, 无变化: 0 };
  for (const e of report.entries) if (e.type) counts[e.type]++;
  return counts;
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
  const issues: DeliverableIssue[] = [];
  const counted = reportCounts(report);
  const at = (row: number) => ({ file, sheet: report.sheet, row, column: report.columns.itemName ?? 1 });
  const listed = report.entries.filter((e) => e.type !== '无变化').length;
  for (const total of report.totals) {
    const c = total.counts;
    for (const type of ['新增', '删除', '修改'] as const) {
      const stated = c[type];
      if (stated !== undefined && stated !== counted[type])
        issues.push(
          reviewIssue(
            settings,
            'total-type-mismatch',
            at(total.row),
            { type, stated, counted: counted[type] },
            'adjustment',
          ),
        );
    }
    if (c.total !== undefined && c.total !== listed && c.total !== report.entries.length)
      issues.push(
        reviewIssue(
          settings,
          'total-count-mismatch',
          at(total.row),
          { stated: c.total, counted: listed },
          'adjustment',
        ),
      );
    if (c.previous !== undefined && c.current !== undefined) {
      const added = c.新增 ?? counted.新增;
      const deleted = c.删除 ?? counted.删除;
      const expected = c.previous + added - deleted;
      if (expected !== c.current)
        issues.push(
          reviewIssue(
            settings,
            'total-balance',
            at(total.row),
            { previous: c.previous, added, deleted, expected, current: c.current },
            'adjustment',
          ),
        );
    }
    if (c.current !== undefined && listItems !== undefined && c.current !== listItems)
      issues.push(
        reviewIssue(
          settings,
          'total-list-count',
          at(total.row),
          { stated: c.current, items: listItems },
          'adjustment',
        ),
      );
  }
  return issues;
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
    file: reportFile,
    sheet: report.sheet,
    row: e.row,
    column: report.columns.itemName,
    field: 'itemName',
    received: e.itemName,
  });
  const nameDiffers = (e: ReportEntry, hit: { item: ListItem; exact: boolean }) => {
    if (!hit.exact)
      issues.push(
        reviewIssue(
          settings,
          'name-differs',
          at(e),
          { reported: e.itemName, listed: hit.item.itemName, listRow: hit.item.row },
          'adjustment',
        ),
      );
  };

  for (const e of entries) {
    const hit = found.get(e);
    if (e.type === '新增') {
      if (!hit)
        issues.push(
          reviewIssue(settings, 'added-not-in-list', at(e), { itemName: e.itemName }, 'adjustment'),
        );
      else nameDiffers(e, hit);
    } else if (e.type === '删除') {
      if (hit?.exact)
        issues.push(
          reviewIssue(
            settings,
            'deleted-still-listed',
            at(e),
            { itemName: e.itemName, listRow: hit.item.row },
            'adjustment',
          ),
        );
    } else if (e.type === '修改') {
      if (!hit) {
        issues.push(
          reviewIssue(settings, 'modified-not-in-list', at(e), { itemName: e.itemName }, 'adjustment'),
        );
        continue;
      }
      nameDiffers(e, hit);
      const reported = reportedValues(e);
      for (const field of ['ratio', 'frequency'] as const) {
        const value = reported[field];
        if (value === undefined || !list.columns.has(field)) continue;
        const listed = hit.item.texts[field] ?? '';
        if (!sameValue(field, value, listed))
          issues.push(
            reviewIssue(
              settings,
              'modified-differs',
              at(e),
              {
                itemName: e.itemName,
                field,
                reported: value,
                listed: listed || '—',
                listRow: hit.item.row,
              },
              'adjustment',
            ),
          );
      }
    }
  }

  // The list's own 调整类型 marks that the report leaves out.
  const reportedKeys = new Set(report.entries.map((e) => nameKey(e.itemName)));
  for (const p of match.pairs) reportedKeys.add(nameKey(p.current.itemName));
  const typeColumn = list.columns.get('adjustType');
  for (const item of list.items) {
    const type = item.adjustType;
    if (!type || type === '无变化' || reportedKeys.has(nameKey(item.itemName))) continue;
    issues.push(
      reviewIssue(
        settings,
        'change-not-reported',
        {
          file: listFile,
          sheet: list.sheet,
          row: item.row,
          column: typeColumn,
          field: 'adjustType',
          received: item.texts.adjustType ?? type,
        },
        { itemName: item.itemName, type },
        'adjustment',
      ),
    );
  }
  return issues;
}

/** A 无动态调整 statement against a list that marks changes: one note naming the first of them. */
export function checkStatementAgainstList(
  list: ListRead,
  listFile: string,
  settings: Settings,
): DeliverableIssue[] {
  const changed = list.items.filter((i) => i.adjustType && i.adjustType !== '无变化');
  const [first] = changed;
  if (!first) return [];
  return [
    reviewIssue(
      settings,
      'statement-but-changes',
      {
        file: listFile,
        sheet: list.sheet,
        row: first.row,
        column: list.columns.get('adjustType'),
        field: 'adjustType',
        received: first.texts.adjustType ?? '',
      },
      { count: changed.length, itemName: first.itemName },
      'adjustment',
    ),
  ];
}
