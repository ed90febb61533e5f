import {
  buildCompareSheet,
  type CompareResult,
  compareLists,
  differenceRows,
  listsAgree,
  listUnit,
} from '../features/compare';
import type { SheetSpec } from '../core/sheet-spec';
import type { PaneList } from './list-read';

/** The two-platform comparison as the 两平台比对 section shows and writes it. */
export interface CompareOutcome {
  result: CompareResult;
  a: PaneList;
  b: PaneList;
  /** True when the lists agree on everything compared. */
  agree: boolean;
  /** Rows of the 差异 sheet (every difference on its own row). */
  differenceCount: number;
  /** The 差异 sheet. */
  sheets: [SheetSpec];
}

/** Compares two exports of one unit's list and builds the 差异 sheet, the lists named as chosen. */
export function runCompare(a: PaneList, b: PaneList): CompareOutcome {
  const result = compareLists(a.list, b.list);
  const sheet = buildCompareSheet(result, {
    nameA: a.name,
    nameB: b.name,
    unit: listUnit(a.list) ?? listUnit(b.list),
  });
  return {
    result,
    a,
    b,
    agree: listsAgree(result),
    differenceCount: differenceRows(result).length,
    sheets: [sheet],
  };
}
