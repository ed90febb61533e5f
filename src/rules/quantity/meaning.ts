import { normaliseText } from '../../core/normalise';
import { isCapHeader, type ReadOptions, readFrequency, readRatio, splitParts } from './read-cell';
import { frequencyNotation, frequencyReading, ratioNotation, ratioReading } from './values';

/** The kind of column a cell was published under. */
export type MeaningColumn = 'ratio' | 'frequency' | 'combined';

const ratioPart = (text: string | undefined) => {
  if (text === undefined) return '-';
  const r = readRatio(text);
  return r.ok ? ratioNotation(r.value) : 'invalid';
};
const frequencyPart = (text: string | undefined, options: ReadOptions) => {
  if (text === undefined) return '-';
  const r = readFrequency(text, options);
  return r.ok ? frequencyNotation(r.value) : 'invalid';
};

/**
 * What a cell means, in the notation of the real-spelling corpus (test/fixtures/real-spellings/README.md): a ratio
 * (`>=5%`), a frequency (`=4/y`), or both (`ratio: =25% | frequency: >=1/y`) for a combined column and for a
 * ratio or frequency cell that also gives the other part. `invalid` when the cell gives nothing readable. The
 * header, when given, may state a cap (频次上限): a count under it is the most allowed.
 */
export function cellMeaning(text: string, column: MeaningColumn, header?: string): string {
  const t = normaliseText(text);
  const options: ReadOptions = { cap: isCapHeader(header) };
  const parts = splitParts(t);
  const ratio = ratioPart(parts.ratio);
  const frequency = frequencyPart(parts.frequency, options);
  const combined =
    ratio === 'invalid' && frequency === '-' ? 'invalid' : `ratio: ${ratio} | frequency: ${frequency}`;
  if (column === 'combined') return combined;
  // A ratio or frequency cell that also gives the other part reads as both; prose alone is not both.
  const both = ratio !== '-' && frequency !== '-' && ratio !== 'prose';
  if (column === 'ratio') {
    const r = readRatio(t);
    if (both || (!r.ok && r.why === 'other-part')) return combined;
    return r.ok ? ratioNotation(r.value) : 'invalid';
  }
  const f = readFrequency(t, options);
  if (both || (!f.ok && f.why === 'other-part')) return combined;
  return f.ok ? frequencyNotation(f.value) : 'invalid';
}

/**
 * What one part of a combined cell says, for reports that show each field apart: the part's reading (`5%`,
 * `每年不少于1次`), which is itself a spelling of the same meaning; the cell's text when the part is prose or
 * unreadable.
 */
export function partText(text: string, part: 'ratio' | 'frequency'): string {
  if (part === 'ratio') {
    const r = readRatio(text);
    return r.ok && r.value.kind !== 'prose' ? ratioReading(r.value, 'zh-CN') : text;
  }
  const f = readFrequency(text);
  return f.ok && f.value.kind !== 'prose' ? frequencyReading(f.value, 'zh-CN') : text;
}
