import { roundNoise } from '../../core/normalise';
import {
  LIST_MARKER,
  PUNCTUATION,
  type Quantity,
  type Reading,
  type WordClause,
  readQuantities,
} from './read-quantities';
import { type FrequencyValue, type RatioValue, sameFrequency, type Tier } from './values';

/** Why a cell gives no value for the column: garbage, only the other part, or a placeholder (/, 无). */
export type NoValue = 'invalid' | 'other-part' | 'placeholder';

/** A ratio read from a cell, or why there is none. `bare`: no % sign (0.05, 2-5). */
export type RatioRead =
  { ok: true; value: RatioValue; bare: boolean } | { ok: false; why: NoValue; other?: FrequencyValue };

/** A frequency read from a cell, or why there is none. */
export type FrequencyRead =
  { ok: true; value: FrequencyValue } | { ok: false; why: NoValue; other?: RatioValue };

/** The parts a combined cell gives, each the cell's text; a part is absent when the cell does not give it. */
export interface CellParts {
  ratio?: string;
  frequency?: string;
}

// Words that give a schedule as the need arises.
const AS_NEEDED = /需要|按需|需求|随时|必要时|视情/;
// Words of a deliberate answer that fixes no number (as opposed to a typo or a placeholder).
const DELIBERATE =
  /根据|依据|按照|参照|结合|视|酌情|情况|实际|确定|而定|另行|部署|安排|计划|要求|规定|统筹|动态|上级|一并|同步|随机|覆盖|全面|定期|日常|专项|联合|纳入|适当|合理|相应|按|由|风险|信用|分类|分级|具体|原则|确保|每年|每季|每月|年度|前|后|制|期间|开工|竣工|完工|验收|检查|抽查|巡查|核查|检测|监测|详见|参见|见|待定|附表|另附/;
// What a clerk writes for "not applicable".
const PLACEHOLDER = /^(?:[/\\\-—–~_.。、]+|无|暂无|不涉及|不适用|空|\/)$/;

const isDeliberate = (w: WordClause) =>
  !w.garbage && /[\u4e00-\u9fff]/.test(w.text) && DELIBERATE.test(w.text);
const isAsNeeded = (w: WordClause) => !w.garbage && AS_NEEDED.test(w.text);

/** Bare numbers are percent above 1 and fractions at or below (0.05 → 5%, 5 → 5%, 2-5 → 2%–5%). */
function barePercent(qs: Quantity[]): Quantity[] {
  const all = qs.every((q) => q.low >= 0 && q.low <= 1 && q.high >= 0 && q.high <= 1);
  return all ? qs.map((q) => ({ ...q, low: roundNoise(q.low * 100), high: roundNoise(q.high * 100) })) : qs;
}

function ratioOf(q: Quantity): RatioValue {
  let v: RatioValue;
  if (q.unit === 'officer') v = { kind: 'officerRatio', officers: q.officers, objects: q.objects };
  else if (q.unit === 'count') {
    v = { kind: 'count', countUnit: q.countUnit };
    if (q.bound !== 'atMost') v.low = q.low;
    if (q.bound !== 'atLeast') v.high = q.high;
  } else {
    v = { kind: q.bound };
    if (q.bound !== 'atMost') v.low = q.low;
    if (q.bound !== 'atLeast') v.high = q.high;
  }
  if (q.hedged) v.hedged = true;
  return v;
}

function frequencyOf(q: Quantity): FrequencyValue {
  const v: FrequencyValue = { kind: q.bound };
  const f = q.validity ? 1 : q.perYear;
  const low = q.bound === 'atMost' ? undefined : roundNoise(q.low * f);
  const high = q.bound === 'atLeast' ? undefined : roundNoise(q.high * f);
  if (q.validity) {
    v.validity = {};
    if (low !== undefined) v.validity.low = low;
    if (high !== undefined) v.validity.high = high;
  } else {
    if (low !== undefined) v.perYearLow = low;
    if (high !== undefined) v.perYearHigh = high;
  }
  if (q.hedged) v.hedged = true;
  return v;
}

/**
 * One value from the quantities of one kind: a single one; a lower and an upper bound of the same scope as a
 * range (全年合计不低于5%,不高于20%); otherwise one tier per quantity with its scope words.
 */
function combine<T extends { kind: string; hedged?: boolean; tiers?: Array<Tier<T>> }>(
  qs: Quantity[],
  one: (q: Quantity) => T,
  range: (low: T, high: T) => T,
): T {
  const [q0, q1] = qs;
  if (q0 && qs.length === 1) return one(q0);
  const values = qs.map(one);
  const [v0, v1] = values;
  if (
    q0 &&
    q1 &&
    v0 &&
    v1 &&
    qs.length === 2 &&
    q0.scope === q1.scope &&
    ((v0.kind === 'atLeast' && v1.kind === 'atMost') || (v0.kind === 'atMost' && v1.kind === 'atLeast'))
  ) {
    return v0.kind === 'atLeast' ? range(v0, v1) : range(v1, v0);
  }
  const tiered = { kind: 'tiered', tiers: qs.map((q, i) => ({ scope: q.scope, value: values[i] })) } as T;
  if (values.some((v) => v.hedged)) tiered.hedged = true;
  return tiered;
}

const ratioRange = (lo: RatioValue, hi: RatioValue): RatioValue => {
  const v: RatioValue = { kind: 'range', low: lo.low, high: hi.high };
  if (lo.hedged || hi.hedged) v.hedged = true;
  return v;
};
const frequencyRange = (lo: FrequencyValue, hi: FrequencyValue): FrequencyValue => {
  const v: FrequencyValue = { kind: 'range' };
  if (lo.validity || hi.validity) v.validity = { low: lo.validity?.low, high: hi.validity?.high };
  else {
    v.perYearLow = lo.perYearLow;
    v.perYearHigh = hi.perYearHigh;
  }
  if (lo.hedged || hi.hedged) v.hedged = true;
  return v;
};

/** Options of a reading: the column's header states a cap (频次上限), so a plain count is the most allowed. */
export interface ReadOptions {
  cap?: boolean;
}

/** True when a header names a cap on the frequency (频次上限, 最高频次): a count under it is a most. */
export function isCapHeader(header: string | undefined): boolean {
  return !!header && /上限|最高|最多|不超过/.test(header);
}

/** A cell's quantities sorted into what the ratio and the frequency are made of. */
interface Sorted {
  r: Reading;
  /** Ratios, officer ratios and bare numbers labelled 比例 (percent), without the parts of another (其中…). */
  ratios: Quantity[];
  counts: Quantity[];
  /** Inspections, and bare numbers labelled 频次. */
  times: Quantity[];
  /** Bare numbers without a label: the column decides. */
  bares: Quantity[];
  /** A frequency implied by the ratios' own periods (每季度抽查5%: 4 a year), when one is not yearly. */
  implied: Quantity[];
  /** The cell writes its own cap (上限:2次/年): a plain count beside it is the planned value, not a cap. */
  capped: boolean;
  /** Tiers of the ratio that fix no number. */
  prose: ProseTier[];
  /** Word clauses that are not part of a prose tier. */
  words: WordClause[];
}

// Words that split a ratio into rounds of unfixed number: 分次达到33% is at least once.
const ROUNDS = /分次|分批|分期/;
// 各 between a count of inspections and a ratio: the ratio is per inspection (每年2次各10%).
const EACH = /^[\s,]*(?:各|每次)(?:抽查|抽取|抽检|检查)?(?:比例)?(?:为|:)?$/;

/**
 * A ratio written per inspection right after an exact count of them (每年2次各10%) is the yearly ratio that many
 * times over (20%); any other quantity comes back as it is.
 */
function perTime(q: Quantity, times: Quantity[], text: string): Quantity {
  if (q.unit !== 'ratio') return q;
  const before = times.filter((t) => t.end <= q.at).pop();
  if (!before || before.bound !== 'exact' || before.validity || before.low !== before.high) return q;
  if (!EACH.test(text.slice(before.end, q.at))) return q;
  const factor = before.low * before.perYear;
  return { ...q, low: roundNoise(q.low * factor), high: roundNoise(q.high * factor), scope: '' };
}

function sortQuantities(r: Reading): Sorted {
  const ratios: Quantity[] = [];
  const labelled: Quantity[] = [];
  const counts: Quantity[] = [];
  const times: Quantity[] = [];
  let bares: Quantity[] = [];
  for (const q of r.quantities) {
    if (q.threshold) continue;
    if (q.unit === 'ratio' || q.unit === 'officer') ratios.push(q);
    else if (q.unit === 'count') counts.push(q);
    else if (q.unit === 'times') times.push(q);
    else if (q.label === 'ratio') labelled.push(q);
    else if (q.label === 'frequency') times.push(q);
    else bares.push(q);
  }
  // A bare number without a label fills the part still empty (5%,=1 · 0.05,每年1次); of two, the first is the
  // ratio (5,=1); one alone is for the column to decide.
  const hasRatio = ratios.length + labelled.length + counts.length > 0;
  if (hasRatio && !times.length) times.push(...bares);
  else if (times.length && !hasRatio) labelled.push(...bares);
  else if (!hasRatio && bares.length > 1) {
    const [first, ...rest] = bares;
    if (first) labelled.push(first);
    times.push(...rest);
  }
  if (hasRatio || times.length) bares = [];
  const all = ratios
    .concat(barePercent(labelled))
    .sort((a, b) => a.start - b.start)
    .map((q) => perTime(q, times, r.text));
  // 10%，其中重点检查单位不低于8%: the second is a part of the first, not a tier.
  const kept = all.filter((q, i) => i === 0 || !q.partOf);
  // 每年分次达到33%: the ratio is reached in one or more rounds of its period.
  const inRounds = (q: Quantity) => ROUNDS.test(r.text.slice(q.start, q.end));
  const periods = kept.filter((q) => q.period !== undefined || inRounds(q));
  const implied = periods.some((q) => q.period !== 1 || inRounds(q))
    ? periods.map((q) => ({
        ...q,
        unit: 'times' as const,
        bound: inRounds(q) ? ('atLeast' as const) : ('exact' as const),
        low: 1,
        high: 1,
        perYear: q.period ?? 1,
        hedged: false,
      }))
    : [];
  times.sort((a, b) => a.start - b.start);
  // 检查频次:1次/年 上限:2次/年: the second line caps the first; the value is the first.
  const capped = times.length > 1 && times.slice(1).some((q) => /上限$/.test(q.scope));
  const planned = capped ? times.filter((q, i) => i === 0 || !/上限$/.test(q.scope)) : times;
  const prose = proseTiers(r, kept);
  const inTiers = new Set<WordClause>();
  for (const p of prose) for (const w of p.words) inTiers.add(w);
  const words = r.words.filter((w) => !inTiers.has(w));
  return { r, ratios: kept, counts, times: planned, bares, implied, capped, prose, words };
}

/** A tier that fixes no number: its subject and where it stands (省级不超过2%，市、县质监部门结合当地实际制定检查计划). */
interface ProseTier {
  scope: string;
  at: number;
  words: WordClause[];
}

// Words that start a clause deferring to someone or something, not naming a tier's subject.
const NOT_A_SUBJECT = /^(?:由|根据|根據|按照|按|依据|参照|结合|可|并|且|如|另)/;
// Words of a clause that defers its ratio to a plan, a basis or a choice.
const DEFERS_RATIO = /按照|根据|根據|依据|结合|参照|视|确定|制定|实际|计划|方案|一定比例/;
// Where a prose tier's subject ends: the verb that defers (结合当地实际, 按照…).
const SUBJECT_END = /结合|根据|根據|按照|依据|参照|自行|视/;

/**
 * Clauses without a number beside tiered ratios that name a subject and defer its ratio (市、县质监部门结合当地
 * 实际制定检查计划; 抽取一定比例的一级及以下定点医疗机构…进行现场检查): tiers whose value is prose.
 */
function proseTiers(r: Reading, ratios: Quantity[]): ProseTier[] {
  if (!ratios.some((q) => q.scope !== '')) return [];
  // Runs of word clauses up to a sentence end or a quantity.
  const groups: WordClause[][] = [];
  for (const w of r.words) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const gap = prev ? r.text.slice(prev.end, w.start) : '';
    const between = prev && r.quantities.some((q) => q.at >= prev.end && q.at < w.start);
    if (prev && !/[;。]/.test(gap) && !between) last.push(w);
    else groups.push([w]);
  }
  const out: ProseTier[] = [];
  for (const g of groups) {
    const first = g[0];
    const last = g[g.length - 1];
    if (!first || !last) continue;
    const text = r.text.slice(first.start, last.end);
    if (g.some((w) => w.garbage || isAsNeeded(w)) || !DEFERS_RATIO.test(text)) continue;
    const some = /一定比例的(.+?)(?:进行|开展|实施)/.exec(text);
    let subject = (some ? some[1] : text.split(/[,:]/)[0]) ?? '';
    subject = subject.replace(/^[\s、.;。]+/, '').replace(LIST_MARKER, '');
    if (NOT_A_SUBJECT.test(subject) || /频次|频率|次数/.test(subject)) continue;
    const end = subject.search(SUBJECT_END);
    if (end >= 0) subject = subject.slice(0, end);
    const label = /(?:抽查|检查)?比例/.exec(subject);
    if (label) subject = subject.slice(0, label.index);
    subject = subject.replace(PUNCTUATION, '');
    if (subject !== '') out.push({ scope: subject, at: first.start, words: g });
  }
  return out;
}

/** Scopes for tiers: a tier without words of its own takes those of the quantity before it in its sentence. */
function withScopes(qs: Quantity[], r: Reading): Quantity[] {
  if (qs.length < 2) return qs;
  const sentence = (at: number) => r.text.slice(0, at).split(/[;。]/).length;
  return qs.map((q) => {
    if (q.scope !== '') return q;
    const before = r.quantities.filter(
      (o) => o.at < q.at && o.scope !== '' && sentence(o.at) === sentence(q.at),
    );
    const last = before[before.length - 1];
    return last ? { ...q, scope: last.scope } : q;
  });
}

/** Tiers whose values are all the same are one value (a frequency implied by each tier's 每月). */
function collapse<T extends { kind: string; tiers?: Array<Tier<T>> }>(
  v: T,
  same: (a: T, b: T) => boolean,
): T {
  const first = v.tiers?.[0]?.value;
  if (v.kind !== 'tiered' || !v.tiers || !first) return v;
  return v.tiers.every((t) => same(t.value, first)) ? first : v;
}

/** A count under a cap column is the most allowed: exact n becomes at most n. */
function capped(v: FrequencyValue): FrequencyValue {
  if (v.kind === 'tiered')
    return { ...v, tiers: (v.tiers ?? []).map((t) => ({ scope: t.scope, value: capped(t.value) })) };
  if (v.kind !== 'exact') return v;
  const out: FrequencyValue = { kind: 'atMost' };
  if (v.validity) out.validity = { high: v.validity.high };
  else out.perYearHigh = v.perYearHigh;
  if (v.hedged) out.hedged = true;
  return out;
}

function ratioFrom(s: Sorted): RatioValue | undefined {
  if (s.ratios.length && s.prose.length) {
    const tiers = withScopes(s.ratios, s.r)
      .map((q) => ({ scope: q.scope, value: ratioOf(q), at: q.at }))
      .concat(s.prose.map((p) => ({ scope: p.scope, value: { kind: 'prose' } as RatioValue, at: p.at })))
      .sort((a, b) => a.at - b.at)
      .map((t) => ({ scope: t.scope, value: t.value }));
    return { kind: 'tiered', tiers };
  }
  // 学校数10所及以下的市不少于2所, 超过10所的市不低于50%: each level has its own count or ratio.
  const levels = s.ratios.concat(s.counts);
  if (s.ratios.length && s.counts.length && levels.every((q) => q.scope !== '' && !q.inBrackets)) {
    const scopes = new Set(levels.map((q) => q.scope));
    if (scopes.size === levels.length) {
      const tiers = levels.sort((a, b) => a.at - b.at).map((q) => ({ scope: q.scope, value: ratioOf(q) }));
      return { kind: 'tiered', tiers };
    }
  }
  if (s.ratios.length) {
    const value = combine(withScopes(s.ratios, s.r), ratioOf, ratioRange);
    const [count] = s.counts;
    if (count && s.counts.length === 1 && count.bound === 'exact' && value.kind !== 'tiered') {
      value.count = count.low;
      value.countUnit = count.countUnit;
    }
    return value;
  }
  if (s.counts.length) return combine(withScopes(s.counts, s.r), ratioOf, ratioRange);
  return undefined;
}

function frequencyFrom(s: Sorted): FrequencyValue | undefined {
  if (!s.implied.length)
    return s.times.length ? combine(withScopes(s.times, s.r), frequencyOf, frequencyRange) : undefined;
  // Frequencies implied by quarterly or monthly ratios, with the counts written beside them: one value when
  // they all agree (每季度…5%;…1次/季度), else one tier each.
  const all = s.times.concat(s.implied).sort((a, b) => a.at - b.at);
  return collapse(combine(withScopes(all, s.r), frequencyOf, frequencyRange), sameFrequency);
}

/** The value of words alone: 不定期, 根据监管需要确定, deliberate prose; undefined for anything else. */
function wordsFrequency(words: WordClause[], prose: boolean): FrequencyValue | undefined {
  if (words.some((w) => w.irregular)) return { kind: 'irregular' };
  if (words.some(isAsNeeded)) return { kind: 'asNeeded' };
  if (prose && words.some(isDeliberate)) return { kind: 'prose' };
  return undefined;
}

/** The least and the most a bounded value allows (undefined: unbounded), or undefined for other kinds. */
function boundsOf(kind: string, low?: number, high?: number): { low?: number; high?: number } | undefined {
  if (kind === 'exact' || kind === 'range') return { low, high };
  if (kind === 'atLeast') return { low };
  if (kind === 'atMost') return { high };
  return undefined;
}

/** The kind of the value from its least and most: both equal exact, both a range, one a bound; none undefined. */
function kindOf(low?: number, high?: number): 'exact' | 'range' | 'atLeast' | 'atMost' | undefined {
  if (low !== undefined && high !== undefined)
    return roundNoise(low) === roundNoise(high) ? 'exact' : 'range';
  if (low !== undefined) return 'atLeast';
  if (high !== undefined) return 'atMost';
  return undefined;
}

/** The hull of bounds: the least of the lows and the most of the highs, unbounded when one is. */
function hullOf(all: Array<{ low?: number; high?: number }>): { low?: number; high?: number } {
  const lows = all.map((b) => b.low);
  const highs = all.map((b) => b.high);
  return {
    low: lows.every((x) => x !== undefined) ? Math.min(...(lows as number[])) : undefined,
    high: highs.every((x) => x !== undefined) ? Math.max(...(highs as number[])) : undefined,
  };
}

/** What alternative ratios allow together (每年1次20% or 每年2次各10%: 20%); undefined for tiers, counts, prose. */
function ratioHull(values: RatioValue[]): RatioValue | undefined {
  const bounds = values.map((v) => boundsOf(v.kind, v.low, v.high));
  if (bounds.some((b) => !b)) return undefined;
  const h = hullOf(bounds as Array<{ low?: number; high?: number }>);
  const kind = kindOf(h.low, h.high);
  if (!kind) return undefined;
  const v: RatioValue = { kind };
  if (h.low !== undefined) v.low = h.low;
  if (h.high !== undefined) v.high = h.high;
  if (values.some((x) => x.hedged)) v.hedged = true;
  return v;
}

/** What alternative frequencies allow together (每年1次 or 每年分次: at least once a year); undefined for tiers. */
function frequencyHull(values: FrequencyValue[]): FrequencyValue | undefined {
  const validity = values.every((v) => v.validity);
  if (!validity && values.some((v) => v.validity)) return undefined;
  const bounds = values.map((v) =>
    validity
      ? boundsOf(v.kind, v.validity?.low, v.validity?.high)
      : boundsOf(v.kind, v.perYearLow, v.perYearHigh),
  );
  if (bounds.some((b) => !b)) return undefined;
  const h = hullOf(bounds as Array<{ low?: number; high?: number }>);
  const kind = kindOf(h.low, h.high);
  if (!kind) return undefined;
  const v: FrequencyValue = { kind };
  const at: { low?: number; high?: number } = {};
  if (h.low !== undefined) at.low = h.low;
  if (h.high !== undefined) at.high = h.high;
  if (validity) v.validity = at;
  else {
    if (at.low !== undefined) v.perYearLow = at.low;
    if (at.high !== undefined) v.perYearHigh = at.high;
  }
  if (values.some((x) => x.hedged)) v.hedged = true;
  return v;
}

// Words of how or how much, not of whom, that a scope may hold: 分次达到, 分次抽查合计.
const HOW_WORDS = /分次|分批|分期|抽查|检查|抽取|抽检|达到|合计|累计|总计|全年|年度|共/g;
// A clause that offers another way of meeting the same requirement: ;或者每年2次各10%.
const ALTERNATIVE = /[,;。，；]\s*(?:或者|或是|或)/;

/**
 * A cell that offers alternatives (每年1次20%；或者每年2次各10%) means what any of them allows: the hull of their
 * ratios and of their frequencies, each part only where every alternative gives it as a bounded value that is
 * not tiered. Undefined unless the cell has two or more alternatives, each giving a value without a level of its
 * own (市级3%;或县级8% are tiers; the 或 of a condition inside a tier's scope is no alternative).
 */
function readAlternatives(
  text: string,
): { ratio?: RatioValue; bare: boolean; frequency?: FrequencyValue } | undefined {
  const pieces = text.split(ALTERNATIVE);
  if (pieces.length < 2) return undefined;
  const ratios: RatioValue[] = [];
  const frequencies: FrequencyValue[] = [];
  let bare = true;
  for (const piece of pieces) {
    const r = readQuantities(piece);
    if (r.garbage || r.quantities.some((q) => q.conflict)) return undefined;
    const s = sortQuantities(r);
    // 市级3%;或县级8%: values for named levels are tiers, not alternatives.
    if (s.ratios.concat(s.counts, s.times).some((q) => q.scope.replace(HOW_WORDS, '') !== ''))
      return undefined;
    const ratio = ratioFrom(s);
    const frequency = frequencyFrom(s);
    if (!ratio && !frequency) return undefined;
    if (ratio) ratios.push(ratio);
    if (!s.ratios.length || s.ratios.some((q) => q.unit !== 'bare')) bare = false;
    if (frequency) frequencies.push(frequency);
  }
  // A part is the hull only where every alternative gives it; else the cell is read as a whole for that part.
  return {
    ratio: ratios.length === pieces.length ? ratioHull(ratios) : undefined,
    bare,
    frequency: frequencies.length === pieces.length ? frequencyHull(frequencies) : undefined,
  };
}

function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.replace(/\s/g, ''));
}

/**
 * Reads a 检查比例 cell: the ratios in it (a range of two bounds, one tier per scope, officer ratios among them),
 * else a count, a bare number (0.05, 2-5) or deliberate prose. A frequency in the cell is the other part, not
 * the ratio. Latin letters or symbols, shapes that fix nothing (不低于5%-10%) and unreadable words are invalid.
 */
export function readRatio(text: string): RatioRead {
  if (isPlaceholder(text)) return { ok: false, why: 'placeholder' };
  const alternatives = readAlternatives(text);
  if (alternatives?.ratio) return { ok: true, value: alternatives.ratio, bare: alternatives.bare };
  const r = readQuantities(text);
  if (r.garbage || r.quantities.some((q) => q.conflict)) return { ok: false, why: 'invalid' };
  const s = sortQuantities(r);
  const found = ratioFrom(s);
  if (found)
    return { ok: true, value: found, bare: s.ratios.length > 0 && s.ratios.every((q) => q.unit === 'bare') };
  const frequency = frequencyFrom(s);
  if (s.bares.length && !frequency)
    return { ok: true, value: combine(barePercent(s.bares), ratioOf, ratioRange), bare: true };
  if (frequency) return { ok: false, why: 'other-part', other: frequency };
  if (r.quantities.length === 0 && r.words.some((w) => isDeliberate(w) || isAsNeeded(w)))
    return { ok: true, value: { kind: 'prose' }, bare: false };
  return { ok: false, why: 'invalid' };
}

/**
 * Reads a 检查频次 cell: the inspections in it per year (or over a licence's validity), one tier per scope, or
 * the frequency a ratio's own period implies (每季度抽查5%); else the platform's bare numbers (=1, >=1, 2-3:
 * times per year), 不定期, 根据监管需要确定 or deliberate prose. A ratio in the cell is the other part. Latin
 * letters, symbols and unreadable words are invalid.
 */
export function readFrequency(text: string, options: ReadOptions = {}): FrequencyRead {
  if (isPlaceholder(text)) return { ok: false, why: 'placeholder' };
  const alternatives = readAlternatives(text);
  if (alternatives?.frequency)
    return { ok: true, value: options.cap ? capped(alternatives.frequency) : alternatives.frequency };
  const r = readQuantities(text);
  if (r.garbage || r.quantities.some((q) => q.conflict)) return { ok: false, why: 'invalid' };
  const s = sortQuantities(r);
  const cap = (v: FrequencyValue) => (options.cap && !s.capped ? capped(v) : v);
  const found = frequencyFrom(s);
  if (found) return { ok: true, value: cap(found) };
  const ratio = ratioFrom(s);
  if (s.bares.length && !ratio)
    return { ok: true, value: cap(combine(s.bares, frequencyOf, frequencyRange)) };
  const words = wordsFrequency(s.words, r.quantities.length === 0);
  if (words) return { ok: true, value: words };
  if (ratio) return { ok: false, why: 'other-part', other: ratio };
  return { ok: false, why: 'invalid' };
}

/** True when a cell writes both a ratio and a count of inspections (100%,抽查1次), not one implied by the other. */
export function givesBoth(text: string): boolean {
  const r = readQuantities(text);
  if (r.garbage) return false;
  const s = sortQuantities(r);
  return s.ratios.length + s.counts.length > 0 && s.times.length > 0;
}

/**
 * Which parts a combined 抽查比例及频次 cell gives (25%,不少于1次/年 · 1次/年 100% · 企业抽查比例为15%,检查1次):
 * each present part is the whole text, for its own reader to take its quantities from (a tier's scope may stand
 * in the other part's words). A bare number alone is the platform's frequency when written =1 / >=1, else a
 * ratio; 不定期 and 根据监管需要 are the frequency; prose alone is both parts. Garbage, or a cell that gives
 * neither part, comes back as the ratio part, so that one finding says it is unreadable. Never throws.
 */
export function splitParts(text: string): CellParts {
  const t = String(text ?? '').trim();
  if (t === '') return {};
  const r = readQuantities(t);
  if (r.garbage || r.quantities.some((q) => q.conflict)) return { ratio: t };
  const s = sortQuantities(r);
  let ratio = s.ratios.length + s.counts.length > 0;
  let frequency = s.times.length + s.implied.length > 0 || s.words.some((w) => w.irregular);
  const [bare] = s.bares;
  if (bare) {
    if (/^[=<>≥≤]/.test(t.slice(bare.start).trim())) frequency = true;
    else ratio = true;
  }
  if (!frequency && ratio && s.words.some(isAsNeeded)) frequency = true;
  if (!ratio && !frequency && r.words.some((w) => isAsNeeded(w) || isDeliberate(w)))
    return { ratio: t, frequency: t };
  if (!ratio && !frequency) return { ratio: t };
  const parts: CellParts = {};
  if (ratio) parts.ratio = t;
  if (frequency) parts.frequency = t;
  return parts;
}
