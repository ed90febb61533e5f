/** Ratio and frequency cells read as quantities: the tokenizer, the grammar, the values and their notation. */
export {
  type CellParts,
  type FrequencyRead,
  givesBoth,
  isCapHeader,
  type NoValue,
  type RatioRead,
  type ReadOptions,
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
export { cellMeaning, type MeaningColumn, partText } from './meaning';
