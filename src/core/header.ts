import { itemAt } from './item-at';
import { distance } from 'fastest-levenshtein';
import type { GridView, MergeRange } from './grid';
import { cellText, normaliseLabel } from './normalise';
import type { CombinedColumnSpec, FieldSpec } from './schema';

/** How far below the top a header may start (title rows, stamp lines, notes above the table). */
export const HEADER_SEARCH_ROWS = 30;

/** A header found in a sheet: its rows, and which column holds which field. */
export interface HeaderMatch {
  /** 1-based sheet row of the first and last header rows. */
  firstRow: number;
  lastRow: number;
  /** Field key → 1-based column. A combined column appears under each of its fields. */
  columns: Map<string, number>;
  /** Columns that hold two fields at once → the spec. */
  combined: Map<number, CombinedColumnSpec>;
  /** Header label per column (as read, joined over header rows), for every non-empty header cell. */
  labels: Map<number, string>;
  /** Sum of match strengths: how much this looks like a header. */
  score: number;
}

interface Dictionary {
  fields: readonly FieldSpec[];
  combined: readonly CombinedColumnSpec[];
  normalised: Array<{ key: string; synonym: string; weak: boolean }>;
  excludes: Map<string, string[]>;
  /** Indexes into `normalised` by the name's first character: only these can be in a label that holds it. */
  byFirst: Map<string, number[]>;
  /** Indexes into `normalised` of synonyms of four characters or more, by length (the typo pass). */
  byLength: Map<number, number[]>;
}

const dictionaries = new WeakMap<readonly FieldSpec[], Dictionary>();

function indexUnder<K>(index: Map<K, number[]>, key: K, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

function dictionaryOf(fields: readonly FieldSpec[], combined: readonly CombinedColumnSpec[]): Dictionary {
  let d = dictionaries.get(fields);
  if (!d) {
    const normalised: Dictionary['normalised'] = [];
    const excludes = new Map<string, string[]>();
    for (const f of fields) {
      for (const s of f.synonyms) normalised.push({ key: f.key, synonym: normaliseLabel(s), weak: false });
      for (const s of f.weakSynonyms ?? [])
        normalised.push({ key: f.key, synonym: normaliseLabel(s), weak: true });
      if (f.excludes) excludes.set(f.key, f.excludes.map(normaliseLabel));
    }
    const byFirst = new Map<string, number[]>();
    const byLength = new Map<number, number[]>();
    normalised.forEach(({ synonym }, i) => {
      // An empty name (none is written so; kept as a scan of every name would keep it) is under ''.
      indexUnder(byFirst, synonym.charAt(0), i);
      if (synonym.length >= 4) indexUnder(byLength, synonym.length, i);
    });
    d = { fields, combined, normalised, excludes, byFirst, byLength };
    dictionaries.set(fields, d);
  }
  return d;
}

/** A label matched to a field: how strongly (3 exact, 2 contained, 1 a typo) and whether by a weak name. */
export interface LabelMatch {
  key: string;
  strength: number;
  weak: boolean;
}

/**
 * Matches one header label to a field: exact synonym (3), a synonym inside the label (2: names over weak names,
 * then the longest, then the one ending last — Chinese names put the head noun last, 检查事项类别 is a 类别), a
 * one-character typo (1). A name of up to three characters is found only in a label at most three characters longer
 * (比例 in 抽查比例; not 说明 in 实施层级及说明, 双随机 in 双随机抽查时间); a field's excluded words keep the label from it (配合部门).
 */
export function matchLabel(label: string, fields: readonly FieldSpec[]): LabelMatch | undefined {
  // Header search tries every cell of the top rows against every name; the same labels recur in every sheet of a
  // template and every file of an inbox, so each field set remembers its answers (bounded).
  let memo = labelMemo.get(fields);
  if (!memo) labelMemo.set(fields, (memo = new Map()));
  const known = memo.get(label);
  if (known !== undefined) return known ?? undefined;
  const found = matchLabelUncached(label, fields);
  // Frozen: every caller of this label shares the one answer.
  if (memo.size < 20_000) memo.set(label, found ? Object.freeze(found) : null);
  return found;
}

const labelMemo = new WeakMap<readonly FieldSpec[], Map<string, LabelMatch | null>>();

/** True when a field's excluded words keep the label from it. */
function excludedFrom(d: Dictionary, key: string, norm: string): boolean {
  const words = d.excludes.get(key);
  if (!words) return false;
  for (let k = 0; k < words.length; k++) if (norm.indexOf(words[k]!) >= 0) return true;
  return false;
}

/** The indexes into `d.normalised` of the synonyms that may be inside `norm`, in dictionary order. */
function containedCandidates(d: Dictionary, norm: string): number[] {
  const out: number[] = [...(d.byFirst.get('') ?? [])];
  const seen = new Set<string>();
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charAt(i);
    if (seen.has(c)) continue;
    seen.add(c);
    const at = d.byFirst.get(c);
    if (at) for (let k = 0; k < at.length; k++) out.push(at[k]!);
  }
  // Dictionary order, as a scan of every synonym would meet them: ties go to the first.
  return out.sort((a, b) => a - b);
}

// Why candidates instead of every synonym: header search matches every cell of the top rows of every sheet against
// every name (hundreds), and most cells are data that share no first character with most names. A synonym equal to
// the label or inside it starts with one of the label's characters; a one-character typo has a length within one.
function matchLabelUncached(label: string, fields: readonly FieldSpec[]): LabelMatch | undefined {
  const d = dictionaryOf(fields, []);
  const norm = normaliseLabel(label);
  if (norm === '') return undefined;
  let best: (LabelMatch & { len: number; end: number }) | undefined;
  let exact: LabelMatch | undefined;
  const candidates = containedCandidates(d, norm);
  for (let n = 0; n < candidates.length; n++) {
    const { key, synonym, weak } = d.normalised[candidates[n]!]!;
    if (excludedFrom(d, key, norm)) continue;
    if (synonym === norm) {
      if (!weak) return { key, strength: 3, weak };
      exact = exact ?? { key, strength: 3, weak };
      continue;
    }
    if (synonym.length <= 3 && norm.length > synonym.length + 3) continue;
    const at = norm.lastIndexOf(synonym);
    if (at < 0) continue;
    const cand = { key, strength: 2, weak, len: synonym.length, end: at + synonym.length };
    const better =
      !best ||
      (best.weak && !weak) ||
      (best.weak === weak && (cand.len > best.len || (cand.len === best.len && cand.end > best.end)));
    if (better) best = cand;
  }
  if (best && (!best.weak || !exact)) return { key: best.key, strength: best.strength, weak: best.weak };
  if (exact) return exact;
  // Typos such as 抽查比列 for 抽查比例: one edit on labels of four characters or more.
  if (norm.length >= 4) {
    const typos = [
      ...(d.byLength.get(norm.length - 1) ?? []),
      ...(d.byLength.get(norm.length) ?? []),
      ...(d.byLength.get(norm.length + 1) ?? []),
    ].sort((a, b) => a - b);
    for (let n = 0; n < typos.length; n++) {
      const { key, synonym, weak } = d.normalised[typos[n]!]!;
      if (excludedFrom(d, key, norm)) continue;
      if (distance(synonym, norm) <= 1) return { key, strength: 1, weak };
    }
  }
  return undefined;
}

function rowLabels(view: GridView, row: number): string[] {
  const out: string[] = [];
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const { value, format } = view.resolved(row, c);
    out[c] = cellText(value, format);
  }
  return out;
}

/** Maps the columns of a header the user chose (one or two rows, 1-based sheet rows). */
export function headerAt(
  view: GridView,
  rows: number[],
  fields: readonly FieldSpec[],
  combined: readonly CombinedColumnSpec[] = [],
): HeaderMatch {
  return mapColumns(view, rows, fields, combined);
}

function mapColumns(
  view: GridView,
  rows: number[],
  fields: readonly FieldSpec[],
  combinedSpecs: readonly CombinedColumnSpec[],
): HeaderMatch {
  // Never empty: detection passes one or two rows, a hint its first to last row.
  const firstRow = itemAt(rows, 0);
  const lastRow = itemAt(rows, rows.length - 1);
  // A title row (one text across the table) names the sheet, never a column: 双随机 in a title is no field.
  const used = rows.filter((r, i) => i === rows.length - 1 || !isTitleRow(view, r));
  const top = itemAt(used, 0);
  const perRow = used.map((r) => rowLabels(view, r));
  const columns = new Map<string, number>();
  const ranks = new Map<string, number>();
  const combined = new Map<number, CombinedColumnSpec>();
  const labels = new Map<number, string>();
  const groupFallback = new Map<string, number>();
  let score = 0;
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const parts = perRow.map((labelsOfRow) => labelsOfRow[c] ?? '');
    const bottom = itemAt(parts, parts.length - 1);
    const upper = parts.length > 1 ? itemAt(parts, 0) : '';
    const joined = uniqueJoin(parts);
    if (joined === '') continue;
    labels.set(c, joined);
    // The lowest header row names the column. A group label above (抽查项目 over 抽查类别 | 抽查事项) that names
    // a field itself leaves each sub-column to its own label; one that names nothing (抽查 over 比例 | 频次)
    // helps when the lower label alone is unknown.
    const group = upper !== '' && upper !== bottom && isGroupLabel(view, top, c);
    const groupField = group ? matchLabel(upper, fields)?.key : undefined;
    const candidates: string[] = [];
    for (const p of groupField ? [bottom] : [bottom, joined, upper])
      if (p !== '' && candidates.indexOf(p) < 0) candidates.push(p);
    let matched = false;
    for (const cand of candidates) {
      const norm = normaliseLabel(cand);
      const comb = combinedSpecs.find((sp) => sp.matches(norm));
      if (comb) {
        combined.set(c, comb);
        for (const f of comb.fields) if (!columns.has(f)) columns.set(f, c);
        score += 3;
        matched = true;
        break;
      }
      const m = matchLabel(cand, fields);
      const owner = m && fields.find((f) => f.key === m.key)?.group;
      if (m && owner && groupField && groupField !== owner) {
        matched = true; // a labelled column that belongs to another group: kept, not mapped
        break;
      }
      if (m) {
        // Names over weak names (抽查事项 over 任务名称), then strength; at a tie the first column, unless both
        // are one merged label (抽查检查部门 over 发起部门 | 区教体局): its last column holds the value.
        const rank = (m.weak ? 0 : 10) + m.strength;
        const prev = ranks.get(m.key) ?? -1;
        const prevColumn = columns.get(m.key);
        const sameMerge =
          prevColumn !== undefined && rank === prev && sameHeaderMerge(view, used, prevColumn, c);
        if (rank > prev || sameMerge) {
          columns.set(m.key, c);
          ranks.set(m.key, rank);
        }
        score += m.strength;
        matched = true;
        break;
      }
    }
    // A named group whose sub-labels do not name its field (检查对象 over 对象名称 | 统一社会信用代码): its
    // first sub-column that names nothing takes the field.
    if (!matched && groupField && !groupFallback.has(groupField)) groupFallback.set(groupField, c);
    // Data-looking text in a header candidate (long sentences, numbers) counts against it.
    if (!matched && (joined.length > 24 || /^\d+(\.\d+)?%?$/.test(joined))) score -= 1;
  }
  groupFallback.forEach((c, key) => {
    if (!columns.has(key)) {
      columns.set(key, c);
      score += 1;
    }
  });
  return { firstRow, lastRow, columns, combined, labels, score };
}

/** The distinct non-empty parts of a label over header rows, joined. */
function uniqueJoin(parts: string[]): string {
  const out: string[] = [];
  for (const p of parts) if (p !== '' && out.indexOf(p) < 0) out.push(p);
  return out.join('');
}

/** True when two columns share one horizontally merged label in the header's rows. */
function sameHeaderMerge(view: GridView, rows: number[], a: number, b: number): boolean {
  return rows.some((r) => {
    const m = view.mergeAt(r, a);
    return !!m && m === view.mergeAt(r, b) && m.right > m.left;
  });
}

/**
 * True when a row is a title: its only text is one cell (or one merged range) across most of the table, such as
 * 某县市场监管局2020年度双随机抽查事项清单.
 */
export function isTitleRow(view: GridView, row: number): boolean {
  let texts = 0;
  let first = 0;
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const v = view.raw(row, c);
    if (v === null || cellText(v) === '') continue;
    texts++;
    first = c;
    if (texts > 1) return false;
  }
  if (texts === 0) return false;
  const m = view.mergeAt(row, first);
  const width = view.lastColumn - view.firstColumn + 1;
  return width <= 2 || (!!m && m.right - m.left + 1 >= Math.max(3, Math.ceil(width * 0.6))) || !m;
}

function isGroupLabel(view: GridView, row: number, column: number): boolean {
  const m = view.mergeAt(row, column);
  return !!m && m.top === row && m.right > m.left;
}

/**
 * True when `row` reads as the lower row of a two-row header even though no merge says so (hosts that cannot
 * report merged areas, e.g. Excel before ExcelApi 1.13): every label in it names a field, and one at least
 * stands under an empty cell of the row above (where a group label's merge would be).
 */
function isSubHeader(view: GridView, row: number, fields: readonly FieldSpec[]): boolean {
  let underEmpty = false;
  let any = false;
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const v = view.raw(row, c);
    if (v === null || v === '') continue;
    if (typeof v !== 'string' || !matchLabel(v, fields)) return false;
    any = true;
    const above = view.raw(row - 1, c);
    if (above === null || above === '') underEmpty = true;
  }
  return any && underEmpty;
}

/** True when two or more cells of `row` are the lower parts of labels merged down from the row above. */
function continuesHeaderAbove(merges: readonly MergeRange[], row: number): boolean {
  let n = 0;
  for (let k = 0; k < merges.length; k++) {
    const m = merges[k]!;
    if (m.top === row - 1 && m.bottom >= row && m.left === m.right) n++;
  }
  return n >= 2;
}

/** True when every cell under some group label of `row` (a one-row horizontal merge) holds text. */
function hasSubLabels(view: GridView, merges: readonly MergeRange[], row: number): boolean {
  return merges.some((m) => {
    if (m.top !== row || m.bottom !== row || m.right === m.left) return false;
    for (let c = m.left; c <= m.right; c++)
      if (typeof view.raw(row + 1, c) !== 'string' || cellText(view.raw(row + 1, c)) === '') return false;
    return true;
  });
}

function rowHasHorizontalMerge(merges: readonly MergeRange[], row: number): boolean {
  for (let k = 0; k < merges.length; k++) {
    const m = merges[k]!;
    if (m.top <= row && m.bottom >= row && m.right > m.left && m.bottom - m.top < 3) return true;
  }
  return false;
}

/**
 * Finds the header below any title rows: the one- or two-row band whose labels match the most fields.
 * Two-row headers are tried where the upper row has merged group labels.
 */
export function detectHeader(
  view: GridView,
  fields: readonly FieldSpec[],
  combined: readonly CombinedColumnSpec[] = [],
): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  const last = Math.min(view.lastRow, view.firstRow + HEADER_SEARCH_ROWS - 1);
  // Only the merges that reach the rows searched: a 50k-row list has 10k merged groups below its header.
  const merges = view.grid.merges.filter((m) => m.top <= last && m.bottom >= view.firstRow);
  const better = (m: HeaderMatch) =>
    !best ||
    m.columns.size > best.columns.size ||
    (m.columns.size === best.columns.size && m.score > best.score);
  for (let r = view.firstRow; r <= last; r++) {
    // A title that says 双随机 names no column.
    if (isTitleRow(view, r)) continue;
    const single = mapColumns(view, [r], fields, combined);
    // The lower row of a two-row header (labels merged down into it) is not a header on its own.
    if (single.columns.size > 0 && !continuesHeaderAbove(merges, r) && better(single)) best = single;
    // The upper row of a two-row header names fields itself (序号, 检查事项 span both rows); a title or a
    // stamp line above the header does not.
    if (
      r < view.lastRow &&
      single.columns.size > 0 &&
      !isTitleRow(view, r) &&
      (rowHasHorizontalMerge(merges, r) || (single.columns.size >= 2 && isSubHeader(view, r + 1, fields)))
    ) {
      const double = mapColumns(view, [r, r + 1], fields, combined);
      // Sub-labels under a group label make the two rows one header even when they add no field.
      const wins =
        double.columns.size > single.columns.size ||
        (double.columns.size === single.columns.size && hasSubLabels(view, merges, r));
      if (wins && double.columns.size > 0 && (better(double) || best === single)) best = double;
    }
  }
  return best;
}
