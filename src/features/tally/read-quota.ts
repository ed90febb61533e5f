import { GridView, type Grid } from '../../core/grid';
import { HEADER_SEARCH_ROWS, matchLabel } from '../../core/header';
import { cellText } from '../../core/normalise';
import { classifyRows } from '../../core/rows';
import type { Place } from '../../core/rule';
import type { FieldSpec } from '../../core/schema';
import type { Settings } from '../../core/settings';
import type { QuotaEntry, QuotaSource, QuotaTable } from './quota-table';
import { regionOf } from './quota-table';
import { quotaRowFinding, quotaTotalFinding } from '../../rules/tally/tally.rule';
import { gradeTally, type TallyIssue } from './tally-issue';
import { unitKey } from './unit-names';

const QUOTA_FIELDS: readonly FieldSpec[] = [
  { key: 'seq', synonyms: ['序号'] },
  { key: 'unit', synonyms: ['单位', '单位名称', '县直单位', '部门', '责任单位', '牵头单位'] },
  {
    key: 'quota',
    synonyms: ['任务数', '分配任务数', '监测点任务数', '监测点数', '分配数', '名额', '任务数量'],
  },
  // A sheet that also counts declarations is a summary (ours, or someone's), not a quota table.
  { key: 'declared', synonyms: ['申报数', '已申报', '已申报数', '完成数', '实际申报数'] },
];

const TOTAL = /^(合计|总计|共计|总数)(?:[:：]?(\d+)(?:家|个|户)?)?$/;
const TOTAL_LINE = /(?:合计|总计|共计)[:：]?(\d+)(?:家|户)|^(?:合计|总计|共计)[:：]?(\d+)$/;

/** The 合计 cell of a row between two columns (a pair's 序号 to its 任务数), with a number written in it, if any. */
function findTotal(
  view: GridView,
  row: number,
  from: number,
  to: number,
): { column: number; inline?: number } | undefined {
  for (let c = from; c < to; c++) {
    const m = TOTAL.exec(cellText(view.resolved(row, c).value).replace(/\s/g, ''));
    if (m) return { column: c, inline: m[2] !== undefined ? Number(m[2]) : undefined };
  }
  return undefined;
}

/** A quota table read from a sheet, with what is wrong with it. */
export interface QuotaRead {
  table: QuotaTable;
  issues: TallyIssue[];
}

/** The header row of a quota sheet and its (unit, quota) column pairs (Annex 1 prints two tables side by side). */
function findHeader(
  view: GridView,
): { row: number; pairs: Array<[number, number]>; labels: Map<number, string> } | undefined {
  const last = Math.min(view.lastRow, view.firstRow + HEADER_SEARCH_ROWS - 1);
  for (let r = view.firstRow; r <= last; r++) {
    const units: number[] = [];
    const quotas: number[] = [];
    const labels = new Map<number, string>();
    let declared = false;
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const text = cellText(view.resolved(r, c).value);
      if (text === '' || text.length > 12) continue;
      const key = matchLabel(text, QUOTA_FIELDS)?.key;
      if (key) labels.set(c, text);
      if (key === 'unit') units.push(c);
      else if (key === 'quota') quotas.push(c);
      else if (key === 'declared') declared = true;
    }
    if (declared || units.length === 0 || quotas.length === 0) continue;
    const pairs: Array<[number, number]> = [];
    for (const [i, u] of units.entries()) {
      const nextUnit = units[i + 1];
      const q = quotas.find((c) => c > u && (nextUnit === undefined || c < nextUnit));
      if (q !== undefined) pairs.push([u, q]);
    }
    if (pairs.length > 0) return { row: r, pairs, labels };
  }
  return undefined;
}

/** A whole number of enterprises from a cell (2, "2", "２家"), or undefined. */
function quotaNumber(value: unknown, text: string): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const m = /^(\d+)\s*(家|个|户)?$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** True when a sheet has a quota table's header (单位 and 任务数, and no 申报数 column). */
export function isQuotaSheet(grid: Grid): boolean {
  return findHeader(new GridView(grid)) !== undefined;
}

/**
 * Reads a quota table (Annex 1 or a replacement): a header with 单位 and 任务数, one or several (unit, quota)
 * column pairs, a 合计 row checked against the sum. Undefined when the sheet has no such header.
 */
export function readQuotaGrid(
  grid: Grid,
  file: string,
  source: QuotaSource,
  settings: Settings,
): QuotaRead | undefined {
  const view = new GridView(grid);
  const header = findHeader(view);
  if (!header) return undefined;
  const issues: TallyIssue[] = [];
  const at = (row: number, column: number): Place => ({ sheet: grid.name, row, column });
  const roles = classifyRows(view, header.row + 1, header.labels);
  const units: QuotaEntry[] = [];
  const firstRow = new Map<string, number>();
  /** 合计 as the table states it, per (unit, quota) pair, with the sum of that pair's units. */
  const stated: Array<{ value: number; row: number; column: number; pairSum: number }> = [];
  let spanStart = view.firstColumn;
  for (const [u, q] of header.pairs) {
    let pairSum = 0;
    const before = stated.length;
    for (let r = header.row + 1; r <= view.lastRow; r++) {
      // 合计 may sit in the 序号 column with the 单位 cell blank (Annex 1), in the 单位 column, or merged over both.
      const total = findTotal(view, r, spanStart, q);
      if (total) {
        const { value } = view.resolved(r, q);
        const n = quotaNumber(value, cellText(value)) ?? total.inline;
        if (n !== undefined)
          stated.push({
            value: n,
            row: r,
            column: total.inline !== undefined && n === total.inline ? total.column : q,
            pairSum: 0,
          });
        continue;
      }
      if (roles.get(r) !== 'data') continue;
      const unit = cellText(view.resolved(r, u).value);
      if (unit === '') continue;
      const { value } = view.resolved(r, q);
      const text = cellText(value);
      const n = quotaNumber(value, text);
      const key = unitKey(unit);
      const seen = n === undefined ? undefined : firstRow.get(key);
      const bad = quotaRowFinding({ unit, text, quota: n, firstRow: seen }, at(r, u), at(r, q));
      if (bad || n === undefined) {
        if (bad) issues.push(gradeTally(settings, file, bad));
        continue;
      }
      firstRow.set(key, r);
      units.push({ unit, quota: n });
      pairSum += n;
    }
    for (const s of stated.slice(before)) s.pairSum = pairSum;
    spanStart = q + 1;
  }
  // A total written as a line of its own below the table: 合计：66家, 共计 66 家.
  if (stated.length === 0)
    for (let r = header.row + 1; r <= view.lastRow; r++)
      for (let c = view.firstColumn; c <= view.lastColumn; c++) {
        const m = TOTAL_LINE.exec(cellText(view.raw(r, c)).replace(/\s/g, ''));
        if (m) stated.push({ value: Number(m[1] ?? m[2]), row: r, column: c, pairSum: 0 });
      }
  const total = units.reduce((s, e) => s + e.quota, 0);
  const totalFinding = quotaTotalFinding(stated, total, units.length, grid.name);
  if (totalFinding) issues.push(gradeTally(settings, file, totalFinding));
  // The title is the line above the header that names a table (…分配表), not 附件1: or a date line.
  const above: string[] = [];
  for (let r = view.firstRow; r < header.row; r++)
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const t = cellText(view.raw(r, c));
      if (t !== '') above.push(t);
    }
  const title = above.find((t) => /表$|分配/.test(t)) ?? above.find((t) => !/^附件/.test(t)) ?? '';
  const table: QuotaTable = { title, region: regionOf(title), units, total, source, file, sheet: grid.name };
  const last = stated[stated.length - 1];
  if (last) table.stated = last.value;
  return { table, issues };
}
