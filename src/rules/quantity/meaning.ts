import { normaliseText } from '../../core/normalise';
import { readFrequency, readRatio, splitParts } from './read-cell';
import { frequencyNotation, ratioNotation } from './values';

/** The kind of column a cell was published under. */
export type MeaningColumn = 'ratio' | 'frequency' | 'combined';

const ratioPart = (text: string | undefined) => {
  if (text === undefined) return '-';
  const r = readRatio(text);
  return r.ok ? ratioNotation(r.value) : 'invalid';
};
const frequencyPart = (text: string | undefined) => {
  if (text === undefined) return '-';
  const r = readFrequency(text);
  return r.ok ? frequencyNotation(r.value) : 'invalid';
};

/**
 * What a cell means, in the notation of the real-spelling corpus (test/fixtures/real-spellings/README.md): a ratio
 * (`>=5%`), a frequency (`=4/y`), or both (`ratio: =25% | frequency: >=1/y`) for a combined column and for a
 * ratio or frequency cell that also gives the other part. `invalid` when the cell gives nothing readable.
 */
export function cellMeaning(text: string, column: MeaningColumn): string {
  const t = normaliseText(text);
  const parts = splitParts(t);
  const combined = () => {
    const ratio = ratioPart(parts.ratio);
    const frequency = frequencyPart(parts.frequency);
    return ratio === 'invalid' && frequency === '-' ? 'invalid' : `ratio: ${ratio} | frequency: ${frequency}`;
  };
  if (column === 'combined') return combined();
  const both = parts.ratio !== undefined && parts.frequency !== undefined && parts.ratio !== parts.frequency;
  if (column === 'ratio') {
    const r = readRatio(t);
    if (both || (!r.ok && r.why === 'other-part')) return combined();
    return r.ok ? ratioNotation(r.value) : 'invalid';
  }
  const f = readFrequency(t);
  if (both || (!f.ok && f.why === 'other-part')) return combined();
  return f.ok ? frequencyNotation(f.value) : 'invalid';
}
