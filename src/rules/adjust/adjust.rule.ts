import type { MessageTable } from '../../core/locale';
import { type CheckModule, type FileFinding, fileFinding, type Place } from '../../core/rule';

/**
 * The dynamic-adjustment comparison's checks, decided from what the adjust feature matched: a change without its
 * reason, a 删除 mark that names no item of last year's list, a declared 调整类型 the comparison contradicts, a pair
 * a person must confirm, and confirmation lines that name no item. Reading the lists and pairing their items stay in
 * `features/adjust`.
 */

/**
 * Messages of the dynamic-adjustment comparison (last year's list against this year's): a change without its
 * reason, an item pair a person must confirm, a declared 调整类型 that the comparison contradicts.
 */
export const adjustMessages: MessageTable = {
  'zh-CN': {
    'no-reason':
      '“{name}”为{type}事项,但没有填写调整原因;请在“调整原因”中注明(法律法规规章调整、机构改革、监管实际等)',
    'deleted-no-reason':
      '“{name}”已从本年清单中删除,但没有写明原因;请在本年清单保留该行、调整类型填“删除”并注明调整原因',
    'uncertain-match':
      '上年的“{previous}”与本年的“{current}”可能是同一事项(相似度 {score});请确认是改名,还是删除一项、新增一项',
    'type-differs': '调整类型填写为“{declared}”,但与上年清单比对应为“{found}”;请核对',
    'deleted-not-found': '调整类型填写为“删除”,但上年清单中没有“{name}”;请核对事项名称',
    'confirm-unknown-previous': '确认文件第 {line} 行:上年清单中没有“{name}”;请核对事项名称',
    'confirm-unknown-current': '确认文件第 {line} 行:本年清单中没有“{name}”;请核对事项名称',
  },
  'en-US': {
    'no-reason':
      '"{name}" ({type}) gives no reason; state it under 调整原因 (法律法规规章调整, 机构改革, 监管实际…)',
    'deleted-no-reason':
      '"{name}" was removed from this year\'s list without a reason; keep its row with 调整类型 删除 and state the reason',
    'uncertain-match':
      'Last year\'s "{previous}" and this year\'s "{current}" may be the same item (similarity {score}); confirm whether it was renamed, or one item deleted and another added',
    'type-differs':
      '调整类型 says "{declared}", but compared with last year\'s list it is "{found}"; check it',
    'deleted-not-found': '调整类型 says 删除, but last year\'s list has no "{name}"; check the item name',
    'confirm-unknown-previous':
      'Confirmation file, line {line}: last year\'s list has no "{name}"; check the name',
    'confirm-unknown-current':
      'Confirmation file, line {line}: this year\'s list has no "{name}"; check the name',
  },
};

/** The dynamic-adjustment comparison's checks (run by the adjust feature across two lists). */
export const adjustCheck: CheckModule = {
  id: 'adjust',
  messages: adjustMessages,
  severities: {
    'no-reason': 'error',
    'deleted-no-reason': 'error',
    'uncertain-match': 'warning',
    'type-differs': 'warning',
    'deleted-not-found': 'warning',
    'confirm-unknown-previous': 'warning',
    'confirm-unknown-current': 'warning',
  },
};

/** An item of a list as the comparison's checks see it: its row, name, 调整类型 and the cells as written. */
export interface AdjustedItem {
  row: number;
  itemName: string;
  /** The 调整类型 read (新增, 删除, 修改, 无变化), when the row gives one. */
  adjustType?: string;
  texts: Readonly<Partial<Record<string, string>>>;
}

/** A list's sheet and its columns by field key. */
export interface AdjustedList {
  sheet: string;
  columns: ReadonlyMap<string, number>;
}

/** A change the comparison found: its kind, its name, the reason given, and the rows it is on. */
export interface FoundChange {
  type: '新增' | '删除' | '修改';
  itemName: string;
  /** This year's 调整原因 ('' when none). */
  reason: string;
  previous?: AdjustedItem;
  /** This year's row (for a deletion, the row marked 删除, if any). */
  current?: AdjustedItem;
}

/** Everything the comparison matched, in the order its issues are listed. */
export interface AdjustMatch {
  previous: AdjustedList;
  current: AdjustedList;
  /** The confirmation file's sheet ('' when none). */
  confirmSheet: string;
  /** Items added, modified and deleted, in the order their issues are listed. */
  changes: readonly FoundChange[];
  /** Rows of this year's list marked 删除 that match no item of last year's. */
  strayDeletions: readonly AdjustedItem[];
  /** This year's items with the kind the comparison found (undefined when none was found). */
  found: ReadonlyArray<{ item: AdjustedItem; type?: string }>;
  /** Pairs only alike in name, with their similarity. */
  uncertain: ReadonlyArray<{ previous: { itemName: string }; current: AdjustedItem; score: number }>;
  /** Confirmation lines naming an item neither list has. */
  unknown: ReadonlyArray<{ side: 'previous' | 'current'; name: string; line: number }>;
}

/** A finding of the comparison, with the input its row and column are in. */
export type AdjustFinding = FileFinding & { source: 'previous' | 'current' | 'confirm' };

/**
 * The comparison's findings: each change without a reason (on this year's 调整原因, or on last year's row when a
 * deleted item has no 删除 row), each 删除 row naming nothing, each declared 调整类型 other than the one found,
 * each uncertain pair, and each confirmation line naming nothing.
 */
export function adjustFindings(m: AdjustMatch): AdjustFinding[] {
  const out: AdjustFinding[] = [];
  const col = (list: AdjustedList, key: string) => list.columns.get(key) ?? list.columns.get('itemName');
  const at = (
    list: AdjustedList,
    item: AdjustedItem | undefined,
    field: string,
    received: string,
  ): Place => ({
    sheet: list.sheet,
    row: item?.row,
    column: col(list, field),
    field,
    received,
  });
  const push = (
    source: AdjustFinding['source'],
    id: string,
    place: Place,
    params: Record<string, string | number>,
  ) => out.push({ ...fileFinding(`adjust/${id}`, place, params), source });

  for (const c of m.changes) {
    if (c.reason !== '') continue;
    if (c.current || c.type !== '删除')
      push('current', 'no-reason', at(m.current, c.current, 'adjustReason', ''), {
        name: c.itemName,
        type: c.type,
      });
    else
      push('previous', 'deleted-no-reason', at(m.previous, c.previous, 'itemName', c.itemName), {
        name: c.itemName,
      });
  }
  for (const item of m.strayDeletions)
    push('current', 'deleted-not-found', at(m.current, item, 'adjustType', item.texts.adjustType ?? ''), {
      name: item.itemName,
    });
  for (const { item, type } of m.found) {
    if (type === undefined || !item.adjustType || item.adjustType === type) continue;
    push('current', 'type-differs', at(m.current, item, 'adjustType', item.texts.adjustType ?? ''), {
      declared: item.adjustType,
      found: type,
    });
  }
  for (const u of m.uncertain)
    push('current', 'uncertain-match', at(m.current, u.current, 'itemName', u.current.itemName), {
      previous: u.previous.itemName,
      current: u.current.itemName,
      score: u.score,
    });
  for (const u of m.unknown)
    push(
      'confirm',
      `confirm-unknown-${u.side}`,
      { sheet: m.confirmSheet, row: u.line, column: u.side === 'previous' ? 1 : 2, received: u.name },
      { name: u.name, line: u.line },
    );
  return out;
}
