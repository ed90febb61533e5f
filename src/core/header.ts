import { distance } from 'fastest-levenshtein';
import type { GridView } from './grid';
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
  normalised: Array<{ key: string; synonym: string }>;
}

const dictionaries = new WeakMap<readonly FieldSpec[], Dictionary>();

function dictionaryOf(fields: readonly FieldSpec[], combined: readonly CombinedColumnSpec[]): Dictionary {
  let d = dictionaries.get(fields);
  if (!d) {
    const normalised = fields.flatMap((f) =>
      f.synonyms.map((s) => ({ key: f.key, synonym: normaliseLabel(s) })),
    );
    d = { fields, combined, normalised };
    dictionaries.set(fields, d);
  }
  return d;
}

/**
 * Matches one header label to a field: exact synonym (3), a synonym inside the label (2, longest wins, then the
 * one ending last: Chinese names put the head noun last, 检查事项类别 is a 类别), a one-character typo (1).
 */
export function matchLabel(
  label: string,
  fields: readonly FieldSpec[],
): { key: string; strength: number } | undefined {
  const d = dictionaryOf(fields, []);
  const norm = normaliseLabel(label);
  if (norm === '') return undefined;
  let best: { key: string; strength: number; len: number; end: number } | undefined;
  for (const { key, synonym } of d.normalised) {
    if (synonym === norm) return { key, strength: 3 };
    const at = norm.lastIndexOf(synonym);
    if (at >= 0) {
      const cand = { key, strength: 2, len: synonym.length, end: at + synonym.length };
      if (!best || cand.len > best.len || (cand.len === best.len && cand.end > best.end)) best = cand;
    }
  }
  if (best) return { key: best.key, strength: best.strength };
  // Typos such as 抽查比列 for 抽查比例: one edit on labels of four characters or more.
  if (norm.length >= 4) {
    for (const { key, synonym } of d.normalised) {
      if (synonym.length >= 4 && Math.abs(synonym.length - norm.length) <= 1 && distance(synonym, norm) <= 1)
        return { key, strength: 1 };
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
  const perRow = rows.map((r) => rowLabels(view, r));
  const columns = new Map<string, number>();
  const strengths = new Map<string, number>();
  const combined = new Map<number, CombinedColumnSpec>();
  const labels = new Map<number, string>();
  let score = 0;
  for (let c = view.firstColumn; c <= view.lastColumn; c++) {
    const parts = perRow.map((labelsOfRow) => labelsOfRow[c] ?? '');
    const bottom = parts[parts.length - 1];
    const joined = [...new Set(parts.filter((p) => p !== ''))].join('');
    if (joined === '') continue;
    labels.set(c, joined);
    // The lowest header row names the column; the group label above helps only when the lower one is blank
    // or unknown (合并表头: 抽查 over 比例 | 频次).
    const candidates = [...new Set([bottom, joined, parts[0]].filter((p) => p !== ''))];
    const groupField =
      rows.length > 1 && isGroupLabel(view, rows[0], c) ? matchLabel(parts[0], fields)?.key : undefined;
    let matched = false;
    for (const cand of candidates) {
      const norm = normaliseLabel(cand);
      const comb = combinedSpecs.find((s) => s.matches(norm));
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
        const prev = strengths.get(m.key) ?? 0;
        if (m.strength > prev) {
          columns.set(m.key, c);
          strengths.set(m.key, m.strength);
        }
        score += m.strength;
        matched = true;
        break;
      }
    }
    // Data-looking text in a header candidate (long sentences, numbers) counts against it.
    if (!matched && (joined.length > 24 || /^\d+(\.\d+)?%?$/.test(joined))) score -= 1;
  }
  // A separate ratio or frequency column wins over the combined one for its own field.
  return { firstRow: rows[0], lastRow: rows[rows.length - 1], columns, combined, labels, score };
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
function continuesHeaderAbove(view: GridView, row: number): boolean {
  let n = 0;
  for (const m of view.grid.merges) if (m.top === row - 1 && m.bottom >= row && m.left === m.right) n++;
  return n >= 2;
}

/** True when every cell under some group label of `row` (a one-row horizontal merge) holds text. */
function hasSubLabels(view: GridView, row: number): boolean {
  return view.grid.merges.some((m) => {
    if (m.top !== row || m.bottom !== row || m.right === m.left) return false;
    for (let c = m.left; c <= m.right; c++)
      if (typeof view.raw(row + 1, c) !== 'string' || cellText(view.raw(row + 1, c)) === '') return false;
    return true;
  });
}

function rowHasHorizontalMerge(view: GridView, row: number): boolean {
  for (const m of view.grid.merges)
    if (m.top <= row && m.bottom >= row && m.right > m.left && m.bottom - m.top < 3) return true;
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
  const better = (m: HeaderMatch) =>
    !best ||
    m.columns.size > best.columns.size ||
    (m.columns.size === best.columns.size && m.score > best.score);
  for (let r = view.firstRow; r <= last; r++) {
    const single = mapColumns(view, [r], fields, combined);
    // The lower row of a two-row header (labels merged down into it) is not a header on its own.
    if (single.columns.size > 0 && !continuesHeaderAbove(view, r) && better(single)) best = single;
    // The upper row of a two-row header names fields itself (序号, 检查事项 span both rows); a title or a
    // stamp line above the header does not.
    if (
      r < view.lastRow &&
      single.columns.size > 0 &&
      (rowHasHorizontalMerge(view, r) || (single.columns.size >= 2 && isSubHeader(view, r + 1, fields)))
    ) {
      const double = mapColumns(view, [r, r + 1], fields, combined);
      // Sub-labels under a group label make the two rows one header even when they add no field.
      const wins =
        double.columns.size > single.columns.size ||
        (double.columns.size === single.columns.size && hasSubLabels(view, r));
      if (wins && double.columns.size > 0 && (better(double) || best === single)) best = double;
    }
  }
  return best;
}
