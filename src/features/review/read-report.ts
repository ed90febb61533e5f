import { type Grid, GridView } from '../../core/grid';
import { cellText } from '../../core/normalise';
import { classifyRows } from '../../core/rows';
import type { SheetSchema } from '../../core/schema';
import { readSheet } from '../../core/validate';
import { ADJUST_TYPE, matchEnum } from '../../rules/enum/enum.rule';
import { splitRatioFrequency } from '../../rules/ratio-frequency/split-ratio-frequency';
import { SCHEMAS } from '../../schemas';
import type { AdjustType } from '../adjust';
import { linesAbove, type ListMeta, readMeta } from '../compare/read-list';

/** One row of a 动态调整情况表: the item, the declared 调整类型, what changed and why. */
export interface ReportEntry {
  /** 1-based sheet row. */
  row: number;
  itemName: string;
  /** The 调整类型 as the engine reads it (修改(比例) → 修改); undefined when it is not one of the four. */
  type?: AdjustType;
  /** Field key → cell text ('' when blank): content, before, after, ratioAfter, adjustReason … */
  texts: Record<string, string>;
}

/** A 合计 row: its text and the counts it states. */
export interface ReportTotal {
  row: number;
  text: string;
  /** Counts per 调整类型 (新增 2 项 …), `total` (a bare 共 9 项), `previous` / `current` (上年 / 本年清单 N 项). */
  counts: Partial<Record<AdjustType | 'total' | 'previous' | 'current', number>>;
}

/** A 无动态调整 statement: the sentence and where it stands. */
export interface NoChangeStatement {
  sheet: string;
  row: number;
  column: number;
  text: string;
}

/** A 动态调整情况表 read from one sheet. */
export interface ReportRead {
  sheet: string;
  headerRow: number;
  /** Field key → 1-based column. */
  columns: Record<string, number>;
  entries: ReportEntry[];
  totals: ReportTotal[];
  /** The 无动态调整 sentence the form holds instead of rows, when it does. */
  statement?: NoChangeStatement;
  meta: ListMeta;
}

// 本单位2020年度行政检查事项清单无动态调整, 我局检查事项无调整, 2020年双随机监管事项未作调整.
const NO_CHANGE =
  /无动态调整|无调整|没有调整|未作调整|未做调整|未进行调整|不作调整|无需调整|无变化|没有变化|未发生变化|无变动|无增减/;
const ABOUT_LIST = /清单|事项|动态调整|双随机|监管/;
const TYPE_COUNT =
  /(新增|增加|删除|取消|减少|修改|调整|变更|无变化)\s*(?:事项)?\s*[:：]?\s*(\d+)\s*[项个条]/g;
const PREVIOUS_COUNT = /(?:上年|2019年?度?)(?:清单|事项)?\s*(?:共|合计)?\s*(\d+)\s*[项个条]/;
const CURRENT_COUNT = /(?:本年|今年|调整后|2020年?度?)(?:清单|事项)?\s*(?:共|合计)?\s*(\d+)\s*[项个条]/;
const BARE_COUNT = /^(?:共|合计)?\s*(\d+)\s*[项个条]?$/;
const ROW_SCAN = 80;

/** True when a text states that the list has no adjustment (a sentence, not a 调整类型 cell saying 无变化). */
export function isNoChangeSentence(text: string): boolean {
  const t = text.replace(/\s/g, '');
  return t.length >= 6 && NO_CHANGE.test(t) && ABOUT_LIST.test(t);
}

/** Every 无动态调整 sentence in the top rows of a sheet, skipping `skipRows` (a table's data rows). */
export function noChangeStatements(
  grid: Grid,
  skipRows: ReadonlySet<number> = new Set(),
): NoChangeStatement[] {
  const view = new GridView(grid);
  const last = Math.min(view.lastRow, view.firstRow + ROW_SCAN - 1);
  const found: NoChangeStatement[] = [];
  for (let r = view.firstRow; r <= last; r++) {
    if (skipRows.has(r)) continue;
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const text = cellText(view.raw(r, c), view.format(r, c));
      if (text !== '' && isNoChangeSentence(text)) found.push({ sheet: grid.name, row: r, column: c, text });
    }
  }
  return found;
}

/** The first 无动态调整 sentence in the top rows of a sheet, skipping `skipRows` (a table's data rows). */
export function findNoChangeStatement(
  grid: Grid,
  skipRows: ReadonlySet<number> = new Set(),
): NoChangeStatement | undefined {
  return noChangeStatements(grid, skipRows)[0];
}

const canonicalType = (t: string): AdjustType | undefined => {
  const m = /新增|增加/.test(t)
    ? '新增'
    : /删除|取消|减少/.test(t)
      ? '删除'
      : /修改|调整|变更/.test(t)
        ? '修改'
        : t;
  return m === '无变化' || m === '新增' || m === '删除' || m === '修改' ? m : undefined;
};

/** The counts a 合计 row states: 新增 2 项，删除 3 项 …, 上年清单 10 项, or a bare 9 项 under the item column. */
export function readTotal(texts: readonly string[]): ReportTotal['counts'] {
  const counts: ReportTotal['counts'] = {};
  const joined = texts.join(' ');
  // exec in a loop, not matchAll: older WPS web views lack it.
  TYPE_COUNT.lastIndex = 0;
  for (let m = TYPE_COUNT.exec(joined); m; m = TYPE_COUNT.exec(joined)) {
    const type = canonicalType(m[1] ?? '');
    if (type && counts[type] === undefined) counts[type] = Number(m[2]);
  }
  const prev = PREVIOUS_COUNT.exec(joined);
  if (prev) counts.previous = Number(prev[1]);
  const cur = CURRENT_COUNT.exec(joined);
  if (cur) counts.current = Number(cur[1]);
  if (Object.keys(counts).length === 0)
    for (const t of texts) {
      const bare = BARE_COUNT.exec(t.replace(/\s/g, ''));
      if (bare) {
        counts.total = Number(bare[1]);
        break;
      }
    }
  return counts;
}

/**
 * Reads a sheet the engine recognises as a 动态调整情况表 (the same header detection as `drc check`): its rows,
 * its 合计 rows and, for the 无动态调整 form, the sentence it holds. Undefined for any other sheet.
 */
export function readReportSheet(
  grid: Grid,
  schemas: readonly SheetSchema[] = SCHEMAS,
): ReportRead | undefined {
  const sheet = readSheet(grid, schemas);
  if (sheet.schema?.kind !== 'adjustment' || !sheet.header) return undefined;
  const { view, header } = sheet;
  const columns: Record<string, number> = {};
  header.columns.forEach((column, key) => (columns[key] = column));
  const rowTexts = (r: number) => {
    const texts: Record<string, string> = {};
    for (const [key, column] of header.columns) {
      const { value, format } = view.resolved(r, column);
      texts[key] = cellText(value, format);
    }
    return texts;
  };
  const entries: ReportEntry[] = [];
  for (const r of sheet.dataRows) {
    const texts = rowTexts(r);
    const itemName = texts.itemName ?? '';
    if (itemName === '' && (texts.adjustType ?? '') === '') continue;
    const type = texts.adjustType ? matchEnum(texts.adjustType, ADJUST_TYPE) : undefined;
    entries.push({ row: r, itemName, type: type as AdjustType | undefined, texts });
  }
  const totals: ReportTotal[] = [];
  const data = new Set(sheet.dataRows);
  for (const [r, role] of classifyRows(view, header.lastRow + 1, header.labels)) {
    if (role !== 'total') continue;
    const texts: string[] = [];
    for (let c = view.firstColumn; c <= view.lastColumn; c++) {
      const t = cellText(view.raw(r, c), view.format(r, c));
      if (t !== '') texts.push(t);
    }
    totals.push({ row: r, text: texts.join(' '), counts: readTotal(texts.slice(1)) });
  }
  const meta = readMeta(linesAbove(view, header));
  // The report's title names the 动态调整情况表, not a list: take the unit before those words.
  if (!meta.unit && meta.title) {
    const cut = meta.title.search(/(?:19|20)\d{2}|行政检查|检查事项|双随机|动态调整/);
    if (cut >= 2) meta.unit = meta.title.slice(0, cut);
  }
  const statement =
    entries.length === 0 ? findNoChangeStatement(grid, new Set([...data].filter((r) => r > 0))) : undefined;
  return { sheet: grid.name, headerRow: header.lastRow, columns, entries, totals, statement, meta };
}

/** The new ratio and frequency a report gives for a 修改 row (text as written), where it gives them. */
export interface ReportedValues {
  ratio?: string;
  frequency?: string;
}

const ARROW =
  /→|->|—>|－>|=>|调整为|调整成|调整到|调整至|修改为|修改成|改为|改成|变更为|变为|提高到|提高至|提高为|提升到|提升至|降低到|降低至|降低为|降到|降至|调至|增加到|增加至|减少到|减少至/;
const RATIO_WORD = /(?:检查|抽查|抽检)?比例/;
const FREQUENCY_WORD = /(?:检查|抽查|抽检)?(?:频次|频率|周期)/;

/** The part of a clause after its last arrow word (5% → 10% gives 10%), or undefined when it has none. */
function afterArrow(clause: string): string | undefined {
  const parts = clause.split(new RegExp(ARROW.source, 'g'));
  return parts.length > 1 ? parts[parts.length - 1]?.trim() : undefined;
}

/** Cleans a value cut from a sentence: leading 由/从/为/：, trailing punctuation. */
function clean(value: string): string {
  return value
    .replace(/^[\s:：为由从是]+/, '')
    .replace(/[。；;，,、\s]+$/, '')
    .trim();
}

/**
 * Reads the new ratio and frequency of a 修改 row: from its 调整后检查比例 / 调整后检查频次 columns, else from the
 * 调整内容 or 调整后 text: `检查比例：5% → 10%`, `抽查比例由5%调整为10%`, `频次调整为每年2次`, or an 调整后 cell that
 * holds only the values (`10%，2次/年`).
 */
export function reportedValues(entry: ReportEntry): ReportedValues {
  const out: ReportedValues = {};
  const t = entry.texts;
  if (t.ratioAfter) out.ratio = t.ratioAfter;
  if (t.frequencyAfter) out.frequency = t.frequencyAfter;
  for (const text of [t.content, t.after]) {
    if (!text) continue;
    for (const clause of text.split(/[\n；;。]+/)) {
      const isRatio = RATIO_WORD.test(clause);
      const isFrequency = FREQUENCY_WORD.test(clause);
      const value = afterArrow(clause);
      if (value !== undefined && (isRatio || isFrequency)) {
        if (isRatio && !isFrequency) out.ratio ??= clean(value);
        else if (isFrequency && !isRatio) out.frequency ??= clean(value);
        else {
          const parts = splitRatioFrequency(clean(value));
          if (parts.ratio) out.ratio ??= parts.ratio;
          if (parts.frequency) out.frequency ??= parts.frequency;
        }
      }
    }
  }
  // An 调整后 cell of values only: 10%, 每年2次, 10%，1次/年, 检查比例10%.
  if (t.after && out.ratio === undefined && out.frequency === undefined) {
    const bare = t.after.replace(RATIO_WORD, '').replace(FREQUENCY_WORD, '');
    const parts = splitRatioFrequency(clean(bare));
    if (parts.ratio && /%|％|百分之/.test(parts.ratio)) out.ratio = parts.ratio;
    if (parts.frequency && /次|每|年|月|季/.test(parts.frequency)) out.frequency = parts.frequency;
  }
  return out;
}
