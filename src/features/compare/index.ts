/** Two lists of one unit read, matched item by item and compared field by field (two years, or two platforms). */
export {
  type AgencyCodeCheck,
  type CompareDifference,
  type CompareResult,
  compareLists,
  listsAgree,
} from './compare-lists';
export {
  buildCompareSheet,
  type CompareSheetOptions,
  DIFFERENCE_SHEET,
  differenceRows,
} from './compare-sheet';
export { COMPARED_FIELDS, type ComparedField, type FieldChange, sameValue } from './field-compare';
export {
  type ConfirmMap,
  type ItemPair,
  type MatchResult,
  matchItems,
  similarity,
  type UncertainPair,
} from './match-items';
export { type ListItem, type ListMeta, type ListRead, listUnit, readList, readListSheet } from './read-list';
