import { distance } from 'fastest-levenshtein';
import { itemAt } from '../../core/item-at';
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

/** The normalised texts matching looks at, computed once per item (keys are costly: Chinese numerals, NFKC). */
interface ItemKeys {
  name: string;
  /** Undefined when the cell is blank (a blank is not compared). */
  basis?: string;
  object?: string;
  code: string;
}

function keysOf(item: ListItem): ItemKeys {
  return {
    name: nameKey(item.itemName),
    basis: item.texts.basis ? textKey(item.texts.basis) : undefined,
    object: item.texts.object ? textKey(item.texts.object) : undefined,
    code: item.itemCode.replace(/\s/g, '').toUpperCase(),
  };
}

function scoreKeys(a: ItemKeys, b: ItemKeys): number {
  const longer = Math.max(a.name.length, b.name.length);
  const name = longer === 0 ? 0 : 1 - distance(a.name, b.name) / longer;
  let agreeing = 0;
  let compared = 0;
  if (a.basis !== undefined && b.basis !== undefined) {
    compared++;
    if (a.basis === b.basis) agreeing++;
  }
  if (a.object !== undefined && b.object !== undefined) {
    compared++;
    if (a.object === b.object) agreeing++;
  }
  const support = compared ? agreeing / compared : name;
  return round2(0.75 * name + 0.25 * support);
}

/**
 * How alike two items are, 0–1: 0.75 × name similarity (1 − edit distance ÷ longer name) + 0.25 × the share of
 * 检查依据 and 检查对象 that agree (a renamed item usually keeps its basis and objects).
 */
export function similarity(a: ListItem, b: ListItem): number {
  return scoreKeys(keysOf(a), keysOf(b));
}

/** Up to this many unpaired pairs are all scored; above it, only pairs that share a blocking key. */
const EXHAUSTIVE_PAIRS = 250_000;
/** A blocking key shared by more items than this says nothing about a pair (检查, 企业): it is skipped. */
const MAX_POSTING = 128;
/** How many of a name's rarest bigrams are followed up to `MAX_RARE_POSTING` items. */
const RAREST_ALWAYS = 3;
const MAX_RARE_POSTING = 4096;
/** Candidates scored per item in blocked matching: those sharing the most name bigrams, then basis or object. */
const MAX_CANDIDATES = 48;

/** Character bigrams of a name key (a one-character name is its own key), without repeats. */
function bigrams(name: string): string[] {
  if (name.length < 2) return name === '' ? [] : [name];
  const out = new Set<string>();
  for (let i = 0; i + 1 < name.length; i++) out.add(name.slice(i, i + 2));
  return [...out];
}

/**
 * Pairs worth scoring, as index pairs into `prev` × `cur`. Small lists: every pair, as a person would compare them.
 * Large lists: only pairs that share a rare name bigram, the same 检查依据 or the same 检查对象 — linear in the
 * list size instead of quadratic; a renamed item that shares none of them is left unpaired (reported as deleted
 * and added), which a person can still pair in the confirmation file.
 */
function candidatePairs(prev: readonly ItemKeys[], cur: readonly ItemKeys[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (prev.length * cur.length <= EXHAUSTIVE_PAIRS) {
    for (let i = 0; i < prev.length; i++) for (let j = 0; j < cur.length; j++) out.push([i, j]);
    return out;
  }
  const postings = new Map<string, number[]>();
  const post = (key: string, j: number) => {
    const list = postings.get(key);
    if (list) list.push(j);
    else postings.set(key, [j]);
  };
  cur.forEach((k, j) => {
    for (const g of bigrams(k.name)) post(`n${g}`, j);
    if (k.basis) post(`b${k.basis}`, j);
    if (k.object) post(`o${k.object}`, j);
  });
  const shared = new Int32Array(cur.length);
  for (const [i, k] of prev.entries()) {
    const touched: number[] = [];
    const add = (key: string, weight: number, cap = MAX_POSTING) => {
      const list = postings.get(key);
      if (!list || list.length > cap) return;
      for (const j of list) {
        const before = itemAt(shared, j);
        if (before === 0) touched.push(j);
        shared[j] = before + weight;
      }
    };
    // The rarest bigrams of the name are always followed, however common: they are what a renamed item keeps.
    const grams = bigrams(k.name).sort(
      (x, y) => (postings.get(`n${x}`)?.length ?? 0) - (postings.get(`n${y}`)?.length ?? 0),
    );
    grams.forEach((g, n) => add(`n${g}`, 1, n < RAREST_ALWAYS ? MAX_RARE_POSTING : MAX_POSTING));
    if (k.basis) add(`b${k.basis}`, 2);
    if (k.object) add(`o${k.object}`, 2);
    touched.sort((x, y) => itemAt(shared, y) - itemAt(shared, x) || x - y);
    for (const j of touched.slice(0, MAX_CANDIDATES)) out.push([i, j]);
    for (const j of touched) shared[j] = 0;
  }
  return out;
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
  const keys = new Map<ListItem, ItemKeys>();
  for (const i of prev) keys.set(i, keysOf(i));
  for (const i of cur) keys.set(i, keysOf(i));
  const key = (i: ListItem) => keys.get(i)!;
  const byName = (items: ListItem[], name: string) => {
    const k = nameKey(name);
    return items.find((i) => !taken.has(i) && key(i).name === k);
  };

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
    const k = nameKey(a.name);
    const items = (a.side === 'previous' ? prev : cur).filter((i) => key(i).name === k);
    if (items.length === 0) unknown.push({ name: a.name, side: a.side, line: a.line });
    for (const i of items) alone.add(i);
  }

  pairs.push(...pairBy(prev, cur, taken, (i) => key(i).code, 'code'));
  pairs.push(...pairBy(prev, cur, taken, (i) => `${key(i).name}\u0001${key(i).object ?? ''}`, 'name'));
  pairs.push(...pairBy(prev, cur, taken, (i) => key(i).name, 'name'));

  const free = (i: ListItem) => !taken.has(i) && !alone.has(i);
  const freePrev = prev.filter(free);
  const freeCur = cur.filter(free);
  const candidates: UncertainPair[] = [];
  for (const [i, j] of candidatePairs(freePrev.map(key), freeCur.map(key))) {
    const previous = itemAt(freePrev, i);
    const current = itemAt(freeCur, j);
    const score = scoreKeys(key(previous), key(current));
    if (score >= CANDIDATE_SCORE) candidates.push({ previous, current, score });
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
