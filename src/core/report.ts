import type { Issue } from './issue';

/** What kind of sheet was recognised; `unknown` sheets are still reported, with the best header guess. */
export type SheetKind = 'checklist' | 'unknown' | (string & {});

/** The result of validating one sheet. */
export interface SheetReport {
  name: string;
  kind: SheetKind;
  /** 1-based sheet row of the last header row (the best guess for unknown sheets), or null. */
  headerRow: number | null;
  dataRows: number;
  /** Field key → column letter. */
  columns: Record<string, string>;
  issues: Issue[];
}

/** A file-level failure: the file could not be read at all. */
export interface FileError {
  code: string;
  message: string;
}

/** The result of checking one file. */
export interface FileReport {
  file: string;
  error: FileError | null;
  sheets: SheetReport[];
}
