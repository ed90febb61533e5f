import type { Severity } from '../core/issue';
import { CHUNK_TAG, untagChunk } from './record-chunks';

// The record of our marks, the same for every host that marks a live workbook (Excel, WPS): which cell was
// marked, what it held before, and a fingerprint of its row to find it again after rows moved. Each host keeps it
// in a very hidden sheet of the workbook, in chunks (record-chunks.ts); what differs per host is only the shape
// of a fill and of a colour, and where a note or comment went. What 清除标记 does with the record: mark-clear.ts.

/**
 * One marked cell. The sheet is kept by id (it survives renames) and by its name when marked; `k` is a
 * fingerprint of the row's values when marked (`rowKey`), to find the row again after rows were inserted,
 * deleted or sorted. `F` is the host's fill as read before marking, `C` the host's colour.
 */
export interface MarkRecordOf<F, C> {
  /** Sheet id. */
  s: string;
  /** Sheet name when marked. */
  n: string;
  r: number;
  c: number;
  /** Original fill (null: none). */
  f: F | null;
  /** Mark colour applied. */
  m: C;
  v: Severity;
  /** Row fingerprint when marked. */
  k: string;
}

/** The very hidden sheet that holds the record: B1 the meta, column A the marks, column C the pane state. */
export const STORE_SHEET = '_drc_marks';

/** The small first cell of the record: counts, the result sheet, and the fingerprint column span per sheet id. */
export interface StoreMeta {
  v: 1;
  /** What the record sheet is, for a person who finds it. */
  about: string;
  /** Chunks of the mark record (column A). */
  chunks: number;
  /** Chunks of pane state (column C), where the host has no other place for it. */
  stateChunks: number;
  /** The sheet that lists marks where the host can show neither notes nor comments (Excel on ExcelApi < 1.10). */
  resultSheetId?: string;
  /** Per sheet id, the columns the row fingerprints span. */
  spans: Record<string, [number, number]>;
}

/** The mark record of a workbook. */
export interface MarkStore<R> {
  meta: StoreMeta;
  marks: R[];
}

/** An empty record; `about` says what the sheet is. */
export function emptyStore<R>(about: string): MarkStore<R> {
  return { meta: { v: 1, about, chunks: 0, stateChunks: 0, spans: {} }, marks: [] };
}

/** The meta cell's value read back; anything unreadable is an empty record's meta. */
export function parseMeta(value: unknown, about: string): StoreMeta {
  const base = emptyStore(about).meta;
  const text = untagChunk(value);
  if (text === undefined) return base;
  try {
    const m = JSON.parse(text) as Partial<StoreMeta>;
    return { ...base, ...m, spans: m.spans ?? {} };
  } catch {
    return base;
  }
}

/** The meta cell's text: written last, so that a cut-off write is never trusted. */
export function metaText(meta: StoreMeta): string {
  return CHUNK_TAG + JSON.stringify(meta);
}

/** The text of the marks column for a record ('' when no mark is left). */
export function marksText<R>(store: MarkStore<R>): string {
  return store.marks.length ? JSON.stringify(store.marks) : '';
}

/** The records read back from the marks column's joined chunks; none when the text is not a list. */
export function parseMarks<R>(text: string): R[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as R[]) : [];
  } catch {
    return [];
  }
}

/** The pane state read back from its column's joined chunks (key → value); empty when unreadable. */
export function parseState(text: string): Record<string, string> {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, string>)
      : {};
  } catch {
    return {};
  }
}

/**
 * Two 32-bit string hashes (FNV-1a and djb2), 16 hex digits: row fingerprints and the stamps of our note text.
 * Multiplications are written as shifts (× 16777619 and × 33 modulo 2^32), so that the oldest engines WPS embeds
 * give the same keys as Excel's.
 */
export function textHash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 5381;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 ^= c;
    h1 = (h1 + (h1 << 1) + (h1 << 4) + (h1 << 7) + (h1 << 8) + (h1 << 24)) | 0;
    h2 = ((h2 << 5) + h2 + c) | 0;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Fingerprint of a row's values (trailing blanks ignored, '' and null alike): `textHash` of its JSON. */
export function rowKey(row: readonly unknown[]): string {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined || row[end - 1] === '')) end--;
  return textHash(JSON.stringify(row.slice(0, end).map((v) => (v === '' || v === undefined ? null : v))));
}

/**
 * Relocation: the row a record moved to. Of the rows that now have the record's fingerprint, the nearest to where
 * it was that is still free; undefined when none is. Callers go through records in row order and take each row
 * (or cell) they place, so that two records never land on one place.
 */
export function nearestRow(
  was: number,
  candidates: readonly number[],
  free: (row: number) => boolean,
): number | undefined {
  let best: number | undefined;
  for (const r of candidates)
    if (free(r) && (best === undefined || Math.abs(r - was) < Math.abs(best - was))) best = r;
  return best;
}
