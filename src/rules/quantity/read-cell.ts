import { roundNoise } from '../../core/normalise';
import { type Quantity, type Reading, type WordClause, readQuantities } from './read-quantities';
import type { FrequencyValue, RatioValue, Tier } from './values';

/** Why a cell gives no value for the column: garbage, only the other part, or a placeholder (/, 无). */
export type NoValue = 'invalid' | 'other-part' | 'placeholder';

/** A ratio read from a cell, or why there is none. `bare`: no % sign (0.05, 2-5). */
export type RatioRead =
  { ok: true; value: RatioValue; bare: boolean } | { ok: false; why: NoValue; other?: FrequencyValue };

/** A frequency read from a cell, or why there is none. */
export type FrequencyRead =
  { ok: true; value: FrequencyValue } | { ok: false; why: NoValue; other?: RatioValue };

/** The texts of the parts of a combined cell; a part is absent when the cell does not give it. */
export interface CellParts {
  ratio?: string;
  frequency?: string;
  /** Text that is neither, or that could be either when both parts are taken. */
  rest?: string;
}

// Words that give a schedule as the need arises.
const AS_NEEDED = /需要|按需|需求|随时|必要时|视情/;
// Words of a deliberate answer that fixes no number (as opposed to a typo or a placeholder).
const DELIBERATE =
  /根据|依据|按照|参照|结合|视|酌情|情况|实际|确定|而定|另行|部署|安排|计划|要求|规定|统筹|动态|上级|一并|同步|随机|覆盖|全面|定期|日常|专项|联合|纳入|适当|合理|相应|按|由|风险|信用|分类|分级|具体|原则|确保|每年|每季|每月|年度/;
// What a clerk writes for "not applicable".
const PLACEHOLDER = /^(?:[/\\\-—–~_.。、]+|无|暂无|不涉及|不适用|空|未定|\/)$/;

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
  if (qs.length === 1) return one(qs[0]);
  const values = qs.map(one);
  if (
    qs.length === 2 &&
    qs[0].scope === qs[1].scope &&
    ((values[0].kind === 'atLeast' && values[1].kind === 'atMost') ||
      (values[0].kind === 'atMost' && values[1].kind === 'atLeast'))
  ) {
    const [lo, hi] = values[0].kind === 'atLeast' ? values : [values[1], values[0]];
    return range(lo, hi);
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

const ofUnit = (r: Reading, ...units: Array<Quantity['unit']>) =>
  r.quantities.filter((q) => units.indexOf(q.unit) >= 0);

function ratioFrom(r: Reading): RatioRead | undefined {
  const ratios = ofUnit(r, 'ratio');
  if (ratios.length) {
    const value = combine(ratios, ratioOf, ratioRange);
    const counts = ofUnit(r, 'count');
    if (counts.length === 1 && counts[0].bound === 'exact' && value.kind !== 'tiered') {
      value.count = counts[0].low;
      value.countUnit = counts[0].countUnit;
    }
    return { ok: true, value, bare: false };
  }
  const officers = ofUnit(r, 'officer');
  if (officers.length) return { ok: true, value: ratioOf(officers[0]), bare: false };
  const counts = ofUnit(r, 'count');
  if (counts.length) return { ok: true, value: combine(counts, ratioOf, ratioRange), bare: false };
  return undefined;
}

function frequencyFrom(r: Reading): FrequencyRead | undefined {
  const times = ofUnit(r, 'times');
  if (times.length) return { ok: true, value: combine(times, frequencyOf, frequencyRange) };
  return undefined;
}

/** The value of words alone: 不定期, 根据监管需要确定, deliberate prose; undefined for anything else. */
function wordsFrequency(r: Reading): FrequencyValue | undefined {
  if (r.words.some((w) => w.irregular)) return { kind: 'irregular' };
  if (r.words.some(isAsNeeded)) return { kind: 'asNeeded' };
  if (r.words.some(isDeliberate)) return { kind: 'prose' };
  return undefined;
}

function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.replace(/\s/g, ''));
}

/**
 * Reads a 检查比例 cell: the ratios in it (a range of two bounds, one tier per scope), else an officer ratio, a
 * count, a bare number (0.05, 2-5) or deliberate prose. A frequency in the cell is the other part, not the
 * ratio. Latin letters or symbols, shapes that fix nothing (不低于5%-10%) and unreadable words are invalid.
 */
export function readRatio(text: string): RatioRead {
  if (isPlaceholder(text)) return { ok: false, why: 'placeholder' };
  const r = readQuantities(text);
  if (r.garbage || r.quantities.some((q) => q.conflict)) return { ok: false, why: 'invalid' };
  const found = ratioFrom(r);
  if (found) return found;
  const bares = ofUnit(r, 'bare');
  const times = frequencyFrom(r);
  if (bares.length && !times)
    return { ok: true, value: combine(barePercent(bares), ratioOf, ratioRange), bare: true };
  if (times?.ok) return { ok: false, why: 'other-part', other: times.value };
  if (r.quantities.length === 0 && r.words.some(isDeliberate))
    return { ok: true, value: { kind: 'prose' }, bare: false };
  return { ok: false, why: 'invalid' };
}

/**
 * Reads a 检查频次 cell: the inspections in it per year (or over a licence's validity), one tier per scope; else
 * the platform's bare numbers (=1, >=1, 2-3: times per year), 不定期, 根据监管需要确定 or deliberate prose. A ratio
 * in the cell is the other part. Latin letters, symbols and unreadable words are invalid.
 */
export function readFrequency(text: string): FrequencyRead {
  if (isPlaceholder(text)) return { ok: false, why: 'placeholder' };
  const r = readQuantities(text);
  if (r.garbage || r.quantities.some((q) => q.conflict)) return { ok: false, why: 'invalid' };
  const found = frequencyFrom(r);
  if (found) return found;
  const ratio = ratioFrom(r);
  const bares = ofUnit(r, 'bare');
  if (bares.length && !ratio) return { ok: true, value: combine(bares, frequencyOf, frequencyRange) };
  if (ratio?.ok) return { ok: false, why: 'other-part', other: ratio.value };
  const words = wordsFrequency(r);
  if (words && r.quantities.length === 0) return { ok: true, value: words };
  return { ok: false, why: 'invalid' };
}

/**
 * Splits a combined 抽查比例及频次 cell (25%,不少于1次/年 · 3%;2次/年 · 1次/年 100% · 矿山企业抽查比例为30%,每年抽查1次)
 * into the text of its ratio and of its frequency: each quantity with the words before it. A bare number (=1,
 * 0.05) or prose fills the part that is still empty; prose alone is both parts. Garbage, or a cell that gives
 * neither part, comes back whole as the ratio part, so that one finding says it is unreadable. Never throws.
 */
export function splitParts(text: string): CellParts {
  const t = String(text ?? '').trim();
  if (t === '') return {};
  const r = readQuantities(t);
  if (r.garbage || r.quantities.some((q) => q.conflict)) return { ratio: t };
  const piece = ([start, end]: [number, number]) =>
    t.slice(start, end).replace(/^[\s,;/]+|[\s,;/。、.]+$/g, '');
  // Spans of each part; a quantity right after another of its part (10%(20户), 市级3% 县级8%) joins its span.
  const spans: Record<'ratio' | 'frequency' | 'either', Array<[number, number]>> = {
    ratio: [],
    frequency: [],
    either: [],
  };
  for (const q of r.quantities) {
    const list = spans[q.unit === 'times' ? 'frequency' : q.unit === 'bare' ? 'either' : 'ratio'];
    const prev = list[list.length - 1];
    if (prev && t.slice(prev[1], q.start).trim() === '') prev[1] = q.end;
    else list.push([q.start, q.end]);
  }
  const ratio = spans.ratio.map(piece);
  const frequency = spans.frequency.map(piece);
  const either = spans.either.map(piece);
  const rest: string[] = [];
  const proseOnly: string[] = [];
  for (const w of r.words) {
    const p = piece([w.start, w.end]);
    if (p === '' || /^[/\-~:.]*$/.test(p)) continue;
    if (w.irregular) frequency.push(p);
    else if (isAsNeeded(w) || isDeliberate(w)) proseOnly.push(p);
    else rest.push(p);
  }
  if (ratio.length === 0 && frequency.length === 0 && either.length > 0) {
    // Two bare numbers: ratio then frequency; one: the platform's =1 is a frequency, anything else a ratio.
    const first = either.shift() as string;
    if (either.length === 0 && /^[=<>≥≤]/.test(first)) frequency.push(first);
    else ratio.push(first);
  }
  for (const p of either) {
    if (ratio.length && !frequency.length) frequency.push(p);
    else if (frequency.length && !ratio.length) ratio.push(p);
    else rest.push(p);
  }
  if (ratio.length === 0 && frequency.length === 0 && proseOnly.length > 0) {
    ratio.push(...proseOnly);
    frequency.push(...proseOnly);
  } else
    for (const p of proseOnly) {
      if (ratio.length && !frequency.length) frequency.push(p);
      else if (frequency.length && !ratio.length) ratio.push(p);
      else rest.push(p);
    }
  if (ratio.length === 0 && frequency.length === 0) return { ratio: t };
  const parts: CellParts = {};
  if (ratio.length) parts.ratio = ratio.join(',');
  if (frequency.length) parts.frequency = frequency.join(',');
  if (rest.length) parts.rest = rest.join(' ');
  return parts;
}
