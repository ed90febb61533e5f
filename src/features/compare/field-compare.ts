import { normaliseText, replaceChineseNumbers, toHalfWidth } from '../../core/normalise';
import { parseFrequencyText, sameFrequency } from '../../rules/frequency/frequency.rule';
import { splitMethods } from '../../rules/method/method.rule';
import { parseRatioText, sameRatio } from '../../rules/ratio/ratio.rule';
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
  if (a === '' || b === '') return a === b;
  if (field === 'ratio') {
    const x = parseRatioText(a);
    const y = parseRatioText(b);
    if (x.ok && y.ok && x.value.kind !== 'prose' && y.value.kind !== 'prose')
      return sameRatio(x.value, y.value);
  }
  if (field === 'frequency') {
    const x = parseFrequencyText(a);
    const y = parseFrequencyText(b);
    if (x.ok && y.ok && x.value.kind !== 'asNeeded' && y.value.kind !== 'asNeeded')
      return sameFrequency(x.value, y.value);
  }
  if (field === 'method') return methodKey(a) === methodKey(b);
  return textKey(a) === textKey(b);
}

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
    if (!sameValue(field, from, to)) out.push({ field, from, to });
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
