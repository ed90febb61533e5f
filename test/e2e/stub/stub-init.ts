import type { FakeExcelInit } from '../../hosts/excel/fake-excel';

/** What the test puts on the page before the office.js stand-in runs (page.addInitScript). */
export interface StubInit {
  workbook: FakeExcelInit;
  language: string;
}

/** Where a "saved" workbook waits across a reload (the test's stand-in for closing and reopening the file). */
export const SAVED_KEY = 'drc-e2e-saved-workbook';
