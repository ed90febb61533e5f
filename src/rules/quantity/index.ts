/** Ratio and frequency cells read as quantities: the tokenizer, the grammar, the values and their notation. */
export {
  type CellParts,
  type FrequencyRead,
  type NoValue,
  type RatioRead,
  readFrequency,
  readRatio,
  splitParts,
} from './read-cell';
export { type Quantity, type Reading, readQuantities } from './read-quantities';
export { type Token, tokenize } from './tokenize';
export {
  type FrequencyValue,
  type RatioValue,
  type Tier,
  frequencyNotation,
  frequencyReading,
  ratioNotation,
  ratioReading,
  sameFrequency,
  sameRatio,
  shortNumber,
} from './values';
export { cellMeaning, type MeaningColumn } from './meaning';
