// The report sections' code in one lazily loaded chunk (the tally, the adjustment, the comparison and the sheets
// they build): the pane's first load stays small, and 校验 never waits for it.
export * from './adjust-flow';
export * from './compare-flow';
export * from './list-read';
export * from './review-flow';
export * from './tally-flow';
