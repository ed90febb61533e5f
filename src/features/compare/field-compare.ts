import { normaliseText, replaceChineseNumbers, toHalfWidth } from '../../core/normalise';
import type { Locale } from '../../core/locale';
import { splitMethods } from '../../rules/method/method.rule';
import {
  frequencyReading,
  ratioReading,
  readFrequency,
  readRatio,
  sameFrequency,
  sameRatio,
} from '../../rules/quantity';
import type { ListItem } from './read-list';

/** The fields compared between two lists, in the order a report shows them (检查比例, 检查频次, 检查方式…). */
export const COMPARED_FIELDS = ['ratio', 'frequency', 'method', 'basis', 'object', 'agency'] as const;

/** One of the compared fields. */
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** A field whose meaning differs between two lists: its key and the two texts as read. */
export interface FieldChange {
  field: ComparedField | 'itemName';
  from: string;
  to: string;
  /**
   * For a ratio or frequency read on both sides whose texts do not show their meaning plainly (5%以上 → 5%):
   * what each means, per locale (不低于5% → 5%).
   */
  meaning?: Record<Locale, [string, string]>;
}

/** How two texts of a field compare: the same meaning or not, and the readings when both were read as values. */
interface Comparison {
  same: boolean;
  meaning?: Record<Locale, [string, string]>;
  /** The kinds of the two values read (atLeast against exact). */
  kinds?: [string, string];
}

/** An item name reduced for matching: half-width, no spaces, quotes or punctuation, Latin letters upper-cased. */
export function nameKey(text: string): string {
  return normaliseText(text)
    .replace(/[\s“”"‘’'`,.;:!?、。，；：！？()（）[\]【】<>《》·\-—_]/g, '')
    .toUpperCase();
}

/**
 * Free text reduced for comparison: half-width, no spaces or punctuation (the 《》 of a citation kept), Chinese
 * numerals as digits (第一百一十条 = 第110条), Latin letters upper-cased.
 */
export function textKey(text: string): string {
  return replaceChineseNumbers(toHalfWidth(text))
    .replace(/[\s“”"‘’'`,.;:!?、。，；：！？()（）[\]【】·\-—_]/g, '')
    .toUpperCase();
}

/** The methods of a 检查方式 text as a sorted set of keys (双随机抽查、重点检查 = 重点检查,双随机抽查). */
function methodKey(text: string): string {
  return [
    ...new Set(
      splitMethods(normaliseText(text))
        .map(textKey)
        .filter((m) => m !== ''),
    ),
  ]
    .sort()
    .join('|');
}

/**
 * True when two texts of a field mean the same: ratio and frequency by their parsed meaning (5% = 0.05 with a %
 * format = 百分之五; 每年1次 = 1次/年 = =1), falling back to the text when either cannot be read; 检查方式 as a set
 * of methods; everything else after normalisation.
 */
export function sameValue(field: ComparedField, a: string, b: string): boolean {
  return compareValue(field, a, b).same;
}

/**
 * Compares two texts of a field by meaning (see `sameValue`). A ratio or frequency read on both sides also gives
 * the two readings (不低于5% against 5%: a lower bound is not an exact value, and the report says so).
 */
export function compareValue(field: ComparedField, a: string, b: string): Comparison {
  if (a === '' || b === '') return { same: a === b };
  if (field === 'ratio') {
    const x = readRatio(normaliseText(a));
    const y = readRatio(normaliseText(b));
    if (x.ok && y.ok && x.value.kind !== 'prose' && y.value.kind !== 'prose') {
      return byMeaning(x.value, y.value, sameRatio, ratioReading);
    }
  }
  if (field === 'frequency') {
    const x = readFrequency(normaliseText(a));
    const y = readFrequency(normaliseText(b));
    const numeric = (k: string) => k !== 'asNeeded' && k !== 'prose';
    if (x.ok && y.ok && numeric(x.value.kind) && numeric(y.value.kind)) {
      return byMeaning(x.value, y.value, sameFrequency, frequencyReading);
    }
  }
  if (field === 'method') return { same: methodKey(a) === methodKey(b) };
  return { same: textKey(a) === textKey(b) };
}

/** Two values read on both sides: whether they mean the same, their kinds, and what each means per locale. */
function byMeaning<V extends { kind: string }>(
  u: V,
  v: V,
  same: (u: V, v: V) => boolean,
  reading: (value: V, locale: Locale) => string,
): Comparison {
  const pair = (locale: Locale): [string, string] => [reading(u, locale), reading(v, locale)];
  return {
    same: same(u, v),
    kinds: [u.kind, v.kind],
    meaning: { 'zh-CN': pair('zh-CN'), 'en-US': pair('en-US') },
  };
}

/** True when a text does not say plainly what it was read as (5%以上 read as 不低于5%; 1次/季度 as 每年4次). */
const hidden = (text: string, reading: string) => textKey(text) !== textKey(reading);

/**
 * The compared fields whose meaning differs between two items, in report order. Only `fields` are compared:
 * those both lists have a column for (a column one list lacks is no change).
 */
export function fieldChanges(a: ListItem, b: ListItem, fields: readonly ComparedField[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    if (!fields.includes(field)) continue;
    const from = a.texts[field] ?? '';
    const to = b.texts[field] ?? '';
    const c = compareValue(field, from, to);
    if (c.same) continue;
    const [x, y] = c.meaning?.['zh-CN'] ?? ['', ''];
    // The readings are shown where the texts do not say them plainly, or where the kind of value changed (不低于5%
    // against 5%: a lower bound is not an exact value).
    const show = c.meaning && (hidden(from, x) || hidden(to, y) || c.kinds?.[0] !== c.kinds?.[1]);
    out.push(show ? { field, from, to, meaning: c.meaning } : { field, from, to });
  }
  return out;
}

/** The compared fields both lists have a column for. */
export function sharedFields(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): ComparedField[] {
  return COMPARED_FIELDS.filter((f) => a.has(f) && b.has(f));
}
