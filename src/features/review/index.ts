/** The office's review desk: every file the units sent, classified, attributed, checked and summed up. */
export { activeItems, type Deliverable, type DeliverableIssue, reportCounts } from './cross-check';
export { isDoubleRandom, type ListStats, listStats } from './list-stats';
export {
  isNoChangeSentence,
  type NoChangeStatement,
  type ReportEntry,
  type ReportRead,
  readReportSheet,
  reportedValues,
} from './read-report';
export {
  type FileFindings,
  type FileKind,
  type InboxFile,
  type ReviewIssue,
  reviewFile,
  type SheetFinding,
} from './review-file';
export {
  type CountyItem,
  type DeliverableStatus,
  type ReportSummary,
  type ReviewedFile,
  type ReviewOptions,
  type ReviewResult,
  reviewInbox,
  type UnassignedFile,
  type UnitReview,
  type UnitStatus,
} from './review-inbox';
export {
  buildCountyListSheet,
  buildListSummarySheet,
  buildReturnSheet,
  buildReviewWorkbook,
  buildSubmissionSheet,
  DELIVERABLES,
  deliverableText,
  issuePlace,
  returnIssues,
  REVIEW_SHEETS,
  type ReviewSheetOptions,
  unitStatusText,
} from './review-sheets';
export { buildReturnNote, type NoteOptions, noteFileName } from './return-note';
export { readUnitRegister, RegisterMatcher, registerFromQuota, type UnitRegister } from './unit-register';
