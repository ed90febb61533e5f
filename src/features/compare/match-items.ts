import { distance } from 'fastest-levenshtein';
import { nameKey, textKey } from './field-compare';
import type { ListItem } from './read-list';

/** How two items were paired: same 事项编码, same name, similar name (renamed), or confirmed by a person. */
export type MatchKind = 'code' | 'name' | 'similar' | 'confirmed';

/** Two items taken to be the same inspection item. `score` is 1 for code, name and confirmed pairs. */
export interface ItemPair {
  previous: ListItem;
  current: ListItem;
  how: MatchKind;
  score: number;
}

/** Two items that may be the same (renamed) but are too unlike to pair without a person's word. */
export interface UncertainPair {
  previous: ListItem;
  current: ListItem;
  score: number;
}

/** A person's decisions: pairs to take as one item, and names that stand alone (never paired by similarity). */
export interface ConfirmMap {
  /** The sheet the decisions were read from (issues point there). */
  sheet: string;
  pairs: Array<{ previous: string; current: string; line: number }>;
  alone: Array<{ name: string; side: 'previous' | 'current'; line: number }>;
}

/** A name in a confirmation that is in neither list's side it was given for. */
export interface UnknownConfirmName {
  name: string;
  side: 'previous' | 'current';
  line: number;
}

/** The outcome of matching two lists. */
export interface MatchResult {
  pairs: ItemPair[];
  onlyPrevious: ListItem[];
  onlyCurrent: ListItem[];
  uncertain: UncertainPair[];
  unknown: UnknownConfirmName[];
}

/** Similarity at or above which a renamed item is paired without asking. */
export const CONFIDENT_SCORE = 0.75;
/** Similarity at or above which a pair is listed for a person to confirm. */
export const CANDIDATE_SCORE = 0.45;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * How alike two items are, 0–1: 0.75 × name similarity (1 − edit distance ÷ longer name) + 0.25 × the share of
 * 检查依据 and 检查对象 that agree (a renamed item usually keeps its basis and objects).
 */
export function similarity(a: ListItem, b: ListItem): number {
  const x = nameKey(a.itemName);
  const y = nameKey(b.itemName);
  const longer = Math.max(x.length, y.length);
  const name = longer === 0 ? 0 : 1 - distance(x, y) / longer;
  const agree: number[] = [];
  for (const f of ['basis', 'object']) {
    const p = a.texts[f] ?? '';
    const q = b.texts[f] ?? '';
    if (p !== '' && q !== '') agree.push(textKey(p) === textKey(q) ? 1 : 0);
  }
  const support = agree.length ? agree.reduce((s, v) => s + v, 0) / agree.length : name;
  return round2(0.75 * name + 0.25 * support);
}

/** Pairs items of two lists that share a key, first come first served; returns the pairs made. */
function pairBy(
  previous: ListItem[],
  current: ListItem[],
  taken: Set<ListItem>,
  key: (i: ListItem) => string,
  how: MatchKind,
): ItemPair[] {
  const pool = new Map<string, ListItem[]>();
  for (const c of current) {
    if (taken.has(c)) continue;
    const k = key(c);
    if (k === '') continue;
    const list = pool.get(k) ?? [];
    list.push(c);
    pool.set(k, list);
  }
  const out: ItemPair[] = [];
  for (const p of previous) {
    if (taken.has(p)) continue;
    const k = key(p);
    const c = k === '' ? undefined : pool.get(k)?.shift();
    if (!c) continue;
    taken.add(p).add(c);
    out.push({ previous: p, current: c, how, score: 1 });
  }
  return out;
}

/**
 * Matches the items of two lists: pairs a person confirmed first; then by 事项编码 where both have one; then by
 * normalised name (with the same 检查对象 first, then the name alone); then renamed items by `similarity` —
 * paired when at least `CONFIDENT_SCORE`, listed as uncertain when at least `CANDIDATE_SCORE`. Names a person
 * marked as standing alone are never paired by similarity.
 */
export function matchItems(
  previous: readonly ListItem[],
  current: readonly ListItem[],
  confirm?: ConfirmMap,
): MatchResult {
  const prev = [...previous];
  const cur = [...current];
  const taken = new Set<ListItem>();
  const pairs: ItemPair[] = [];
  const unknown: UnknownConfirmName[] = [];
  const byName = (items: ListItem[], name: string) =>
    items.find((i) => !taken.has(i) && nameKey(i.itemName) === nameKey(name));

  for (const c of confirm?.pairs ?? []) {
    const p = byName(prev, c.previous);
    const q = byName(cur, c.current);
    if (!p) unknown.push({ name: c.previous, side: 'previous', line: c.line });
    if (!q) unknown.push({ name: c.current, side: 'current', line: c.line });
    if (!p || !q) continue;
    taken.add(p).add(q);
    pairs.push({ previous: p, current: q, how: 'confirmed', score: 1 });
  }
  const alone = new Set<ListItem>();
  for (const a of confirm?.alone ?? []) {
    const items = (a.side === 'previous' ? prev : cur).filter((i) => nameKey(i.itemName) === nameKey(a.name));
    if (items.length === 0) unknown.push({ name: a.name, side: a.side, line: a.line });
    for (const i of items) alone.add(i);
  }

  pairs.push(...pairBy(prev, cur, taken, (i) => i.itemCode.replace(/\s/g, '').toUpperCase(), 'code'));
  pairs.push(
    ...pairBy(
      prev,
      cur,
      taken,
      (i) => `${nameKey(i.itemName)}\u0001${textKey(i.texts.object ?? '')}`,
      'name',
    ),
  );
  pairs.push(...pairBy(prev, cur, taken, (i) => nameKey(i.itemName), 'name'));

  const candidates: UncertainPair[] = [];
  for (const p of prev) {
    if (taken.has(p) || alone.has(p)) continue;
    for (const c of cur) {
      if (taken.has(c) || alone.has(c)) continue;
      const score = similarity(p, c);
      if (score >= CANDIDATE_SCORE) candidates.push({ previous: p, current: c, score });
    }
  }
  // Best first; on a tie, the earlier rows (lists keep related items together).
  candidates.sort(
    (x, y) => y.score - x.score || x.previous.row - y.previous.row || x.current.row - y.current.row,
  );
  const uncertain: UncertainPair[] = [];
  const listed = new Set<ListItem>();
  for (const cand of candidates) {
    if (listed.has(cand.previous) || listed.has(cand.current)) continue;
    listed.add(cand.previous).add(cand.current);
    if (cand.score >= CONFIDENT_SCORE) {
      taken.add(cand.previous).add(cand.current);
      pairs.push({ ...cand, how: 'similar' });
    } else uncertain.push(cand);
  }
  return {
    pairs: pairs.sort((x, y) => x.current.row - y.current.row),
    onlyPrevious: prev.filter((i) => !taken.has(i)),
    onlyCurrent: cur.filter((i) => !taken.has(i)),
    uncertain: uncertain.sort((x, y) => x.current.row - y.current.row),
    unknown,
  };
}
