import {
  adjustLists,
  type AdjustResult,
  buildAdjustedList,
  buildAdjustReport,
  noChangeSentence,
  reportTitle,
} from '../features/adjust';
import type { ConfirmMap } from '../features/compare';
import type { SheetSpec } from '../core/sheet-spec';
import type { PaneList } from './list-read';

/** A person's word on an uncertain pair: one renamed item (`same`), or a deletion and an addition. */
export interface PairDecision {
  previous: string;
  current: string;
  same: boolean;
}

/** The adjustment as the 动态调整情况表 section shows and writes it. */
export interface AdjustOutcome {
  result: AdjustResult;
  previous: PaneList;
  current: PaneList;
  /** The report's title (<单位><年>年度行政检查事项清单动态调整情况表). */
  title: string;
  /** The report's sentence when nothing changed, else undefined. */
  noChange?: string;
  /** 动态调整情况表, then 调整后清单. */
  sheets: [report: SheetSpec, list: SheetSpec];
}

/**
 * The decisions as the command line's `--confirm-map` would give them: a confirmed pair is one item; a split pair's
 * two names each stand alone (never paired by similarity again).
 */
export function confirmMapOf(decisions: readonly PairDecision[]): ConfirmMap | undefined {
  if (decisions.length === 0) return undefined;
  const map: ConfirmMap = { sheet: '', pairs: [], alone: [] };
  decisions.forEach((d, i) => {
    const line = i + 1;
    if (d.same) map.pairs.push({ previous: d.previous, current: d.current, line });
    else
      map.alone.push(
        { name: d.previous, side: 'previous', line },
        { name: d.current, side: 'current', line },
      );
  });
  return map;
}

/** Compares last year's list with this year's, with the person's decisions, and builds the two sheets. */
export function runAdjust(
  previous: PaneList,
  current: PaneList,
  decisions: readonly PairDecision[] = [],
): AdjustOutcome {
  const result = adjustLists(previous.list, current.list, { confirm: confirmMapOf(decisions) });
  const changed = result.added.length + result.deleted.length + result.modified.length > 0;
  return {
    result,
    previous,
    current,
    title: reportTitle(result.unit, result.year),
    ...(changed ? {} : { noChange: noChangeSentence(result.year) }),
    sheets: [buildAdjustReport(result), buildAdjustedList(result, current.list)],
  };
}
