import { normaliseText } from '../../core/normalise';
import { type CellParts, splitParts } from '../quantity';

/** The parts of a combined 抽查比例及频次 cell; a part is absent when the cell does not hold it. */
export type RatioFrequencyParts = CellParts;

/**
 * Splits a combined 抽查比例及频次 cell (25%,不少于1次/年 · 3%;2次/年 · 1次/年 100% · 不低于5%/每年1次 ·
 * 企业抽查比例为15%,检查1次) into its ratio and frequency texts, by the quantities read in it (see `splitParts`).
 * Never throws.
 */
export function splitRatioFrequency(text: string): RatioFrequencyParts {
  return splitParts(normaliseText(String(text ?? '')));
}
