import type { Issue } from '../../core/issue';
import { adjustFindings } from '../../rules/adjust/adjust.rule';
import { DEFAULT_SEVERITIES } from '../../schemas/severities';
import { type FieldChange, fieldChanges, nameKey, sharedFields } from '../compare/field-compare';
import { type ConfirmMap, type MatchKind, matchItems } from '../compare/match-items';
import { type ListItem, type ListRead, listUnit } from '../compare/read-list';

/** The kinds of adjustment a report lists, and 无变化. */
export type AdjustType = '新增' | '删除' | '修改' | '无变化';

/** One adjusted item: what happened to it, each changed field old → new, and the reason the list gives. */
export interface AdjustEntry {
  type: Exclude<AdjustType, '无变化'>;
  /** The name in this year's list (last year's for a deletion). */
  itemName: string;
  /** Last year's name when the item was renamed. */
  previousItemName?: string;
  changes: FieldChange[];
  /** From this year's 调整原因 ('' when none was given). */
  reason: string;
  previous?: ListItem;
  current?: ListItem;
  /** How a modified item was paired with last year's, and the similarity when by name likeness. */
  match?: MatchKind;
  score?: number;
}

/** An issue of the comparison, with the list it points into. */
export interface AdjustIssue extends Issue {
  /** Which input the row and column are in: last year's list, this year's, or the confirmation file. */
  source: 'previous' | 'current' | 'confirm';
}

/** Everything the dynamic-adjustment report needs. */
export interface AdjustResult {
  unit: string;
  year: number;
  added: AdjustEntry[];
  deleted: AdjustEntry[];
  modified: AdjustEntry[];
  unchanged: number;
  uncertain: Array<{ previous: ListItem; current: ListItem; score: number }>;
  /** Every item of this year's list (without rows marked 删除) with the type found and its reason, in list order. */
  adjusted: Array<{ item: ListItem; type: AdjustType; reason: string }>;
  issues: AdjustIssue[];
  /** Item counts of last year's and this year's lists. */
  previousCount: number;
  currentCount: number;
}

/** Options: the unit and year when the lists do not say them, and a person's confirmations. */
export interface AdjustOptions {
  unit?: string;
  year?: number;
  confirm?: ConfirmMap;
}

/** The year a report is for when neither the user nor the list's title says (the notice's year). */
export const DEFAULT_YEAR = 2020;

/**
 * Compares last year's list with this year's: items deleted, added, and modified (each changed field old → new,
 * compared by meaning), with the reason from this year's 调整原因. Rows of this year's list marked 删除 are not
 * items of the list: they give the reason for a deletion. A change without a reason, an uncertain pair, and a
 * declared 调整类型 the comparison contradicts are issues.
 */
export function adjustLists(
  previous: ListRead,
  current: ListRead,
  options: AdjustOptions = {},
): AdjustResult {
  const active = current.items.filter((i) => i.adjustType !== '删除');
  const marked = current.items.filter((i) => i.adjustType === '删除');
  // A row this year marked 删除 gives a deletion's reason. Marked by code or name, the item is deleted whatever
  // this year's list holds; otherwise the mark is matched, by similarity too, among the items left unpaired.
  const markOf = new Map<ListItem, ListItem>();
  for (const pr of matchItems(previous.items, marked).pairs)
    if (pr.how === 'code' || pr.how === 'name') markOf.set(pr.previous, pr.current);
  const taken = new Set(markOf.values());
  const match = matchItems(
    previous.items.filter((p) => !markOf.has(p)),
    active,
    options.confirm,
  );
  const fields = sharedFields(previous.columns, current.columns);

  const found = new Map<ListItem, { type: AdjustType; reason: string }>();
  const modified: AdjustEntry[] = [];
  let unchanged = 0;
  for (const pair of match.pairs) {
    const { previous: p, current: c } = pair;
    const changes = fieldChanges(p, c, fields);
    const renamed = nameKey(p.itemName) !== nameKey(c.itemName);
    if (renamed) changes.unshift({ field: 'itemName', from: p.itemName, to: c.itemName });
    if (changes.length === 0) {
      unchanged++;
      found.set(c, { type: '无变化', reason: c.reason });
      continue;
    }
    found.set(c, { type: '修改', reason: c.reason });
    modified.push({
      type: '修改',
      itemName: c.itemName,
      ...(renamed ? { previousItemName: p.itemName } : {}),
      changes,
      reason: c.reason,
      previous: p,
      current: c,
      match: pair.how,
      ...(pair.how === 'similar' ? { score: pair.score } : {}),
    });
  }
  const added: AdjustEntry[] = match.onlyCurrent.map((c) => {
    found.set(c, { type: '新增', reason: c.reason });
    return { type: '新增', itemName: c.itemName, changes: [], reason: c.reason, current: c };
  });
  const marks = matchItems(
    match.onlyPrevious,
    marked.filter((m) => !taken.has(m)),
  );
  for (const pr of marks.pairs) markOf.set(pr.previous, pr.current);
  const gone = previous.items.filter((p) => markOf.has(p) || match.onlyPrevious.includes(p));
  const deleted: AdjustEntry[] = gone.map((p) => {
    const mark = markOf.get(p);
    return {
      type: '删除',
      itemName: p.itemName,
      changes: [],
      reason: mark?.reason ?? '',
      previous: p,
      ...(mark ? { current: mark } : {}),
    };
  });

  const issues: AdjustIssue[] = adjustFindings({
    previous,
    current,
    confirmSheet: options.confirm?.sheet ?? '',
    changes: [...added, ...modified, ...deleted],
    strayDeletions: marks.onlyCurrent,
    found: active.map((item) => ({ item, type: found.get(item)?.type })),
    uncertain: match.uncertain,
    unknown: match.unknown,
  }).map(({ code, ...rest }) => ({ code, severity: DEFAULT_SEVERITIES[code] ?? 'error', ...rest }));

  const byRow = (x: AdjustEntry, y: AdjustEntry) => (x.current?.row ?? 0) - (y.current?.row ?? 0);
  return {
    unit: options.unit ?? listUnit(current) ?? listUnit(previous) ?? '',
    year: options.year ?? current.meta.year ?? DEFAULT_YEAR,
    added,
    deleted: deleted.sort((x, y) => (x.previous?.row ?? 0) - (y.previous?.row ?? 0)),
    modified: modified.sort(byRow),
    unchanged,
    uncertain: match.uncertain,
    adjusted: active.map((item) => ({
      item,
      ...(found.get(item) ?? { type: '无变化' as const, reason: item.reason }),
    })),
    issues,
    previousCount: previous.items.length,
    currentCount: active.length,
  };
}
