import type { Issue } from '../../core/issue';
import { ITEM_CATEGORY, matchEnum, YES_NO } from '../../rules/enum/enum.rule';
import type { ListItem, ListRead } from '../compare/read-list';
import { activeItems } from './cross-check';

/** A list's figures for the office: items, 双随机 items, 重点 / 一般, 市场监管领域, and items at risk. */
export interface ListStats {
  items: number;
  doubleRandom: number;
  /** 事项类别: 重点检查事项 and 一般检查事项. */
  key: number;
  general: number;
  /** 是否属于市场监管领域 = 是. */
  market: number;
  /** Items whose ratio or frequency risks 扰企 (the engine's ratio/disturb, frequency/too-frequent). */
  disturb: number;
  /** Items whose ratio or frequency leaves a 盲区 (the engine's ratio/zero, frequency/zero). */
  blind: number;
}

const DISTURB = new Set(['ratio/disturb', 'frequency/too-frequent']);
const BLIND = new Set(['ratio/zero', 'frequency/zero']);

/** True when an item is a 双随机 item: 是否纳入双随机 says 是, or, without that column, its method says 双随机. */
export function isDoubleRandom(item: ListItem, hasFlag: boolean): boolean {
  if (hasFlag) return matchEnum(item.texts.doubleRandom ?? '', YES_NO) === '是';
  return /双随机|随机抽查/.test(item.texts.method ?? '');
}

/**
 * A list's figures. 扰企 and 盲区 are the rows on which the engine reported them, with the thresholds the check
 * used (a ratio ≥ 100% or more than 12 inspections a year; 0%): the same rows `drc check` marks.
 */
export function listStats(list: ListRead, issues: readonly Issue[]): ListStats {
  const items = activeItems(list);
  const rows = new Set(items.map((i) => i.row));
  const flagged = (codes: ReadonlySet<string>) =>
    new Set(
      issues.filter((i) => codes.has(i.code) && i.row !== undefined && rows.has(i.row)).map((i) => i.row),
    ).size;
  const hasFlag = list.columns.has('doubleRandom');
  let doubleRandom = 0;
  let key = 0;
  let general = 0;
  let market = 0;
  for (const item of items) {
    if (isDoubleRandom(item, hasFlag)) doubleRandom++;
    const category = matchEnum(item.texts.category ?? '', ITEM_CATEGORY);
    if (category === '重点检查事项') key++;
    else if (category === '一般检查事项') general++;
    if (matchEnum(item.texts.marketField ?? '', YES_NO) === '是') market++;
  }
  return {
    items: items.length,
    doubleRandom,
    key,
    general,
    market,
    disturb: flagged(DISTURB),
    blind: flagged(BLIND),
  };
}
