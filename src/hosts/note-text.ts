/**
 * The text of a marked cell's note or comment, shared by the Excel and WPS adapters: ours is appended to the cell's
 * own note, kept under what a cell can hold, and taken out again on clearing without touching the person's words.
 */
import { textHash } from './mark-record';

/** A cell holds at most 32,767 characters (Excel, WPS); the notes we write stay this far under it. */
export const NOTE_LIMIT = 32_000;

/** `text` added to a note that already holds `used` characters, cut (with an ellipsis) to stay within `NOTE_LIMIT`. */
export function fitNote(used: number, text: string): string {
  const room = NOTE_LIMIT - used;
  if (text.length <= room) return text;
  return room > 1 ? `${text.slice(0, room - 1)}…` : '';
}

/**
 * The note a marked cell carries: the cell's own note, never cut, with ours appended on a new line. Ours is cut (with
 * an ellipsis) so that the whole stays within `NOTE_LIMIT`; with no room left, the cell keeps only its own note.
 */
export function joinNote(original: string | null | undefined, ours: string): string {
  const cut = fitNote(original ? original.length + 1 : 0, ours);
  if (!original) return cut;
  return cut ? `${original}\n${cut}` : original;
}

/**
 * Our part of a note as written (after `joinNote`), as a record keeps it when it cannot keep the text itself:
 * `<length>:<hash>` (the Excel record stores no note text).
 */
export function noteStamp(original: string | null | undefined, ours: string): string | undefined {
  if (!ours) return undefined;
  const written = joinNote(original, ours);
  const block = original ? written.slice(original.length + 1) : written;
  return block ? `${block.length}:${textHash(block)}` : undefined;
}

/** Where our part is in a note (the last place it is found), by its text or by its stamp; -1 when it is not. */
function findOurs(now: string, ours: string | { stamp: string }): { at: number; length: number } {
  if (typeof ours === 'string') return { at: ours ? now.lastIndexOf(ours) : -1, length: ours.length };
  const [length, hash] = [Number(ours.stamp.split(':')[0]), ours.stamp.split(':')[1]];
  for (let at = now.length - length; at >= 0; at--)
    if (textHash(now.slice(at, at + length)) === hash) return { at, length };
  return { at: -1, length };
}

/** What clearing leaves on a cell: the text to put back (null: no note), and whether the person's words were kept. */
export interface RestoredNote {
  text: string | null;
  kept: boolean;
}

/**
 * The note to put back when our mark goes. `now` is the cell's note as it is, `original` what it was before we
 * marked it, `ours` what we appended. Unchanged since: the original comes back. Edited by the person (a line added,
 * the original changed): only our part is taken out and everything else stays — and when our own words were edited
 * too, the note is left as the person has it. A note the person deleted is put back as it was before marking.
 */
export function restoredNote(
  now: string | null | undefined,
  original: string | null | undefined,
  ours: string | { stamp: string },
): RestoredNote {
  const before = original ?? null;
  if (now === null || now === undefined) return { text: before, kept: false };
  if (now === before) return { text: before, kept: false };
  // Our part as written: the text cut as joinNote cut it, or (from a stamp) found by its length and hash.
  const block =
    typeof ours === 'string' && ours ? joinNote(before, ours).slice(before ? before.length + 1 : 0) : ours;
  const { at, length } = findOurs(now, block);
  if (at < 0) return { text: now, kept: true };
  let head = now.slice(0, at);
  let tail = now.slice(at + length);
  if (head.endsWith('\n')) head = head.slice(0, -1);
  else if (tail.startsWith('\n')) tail = tail.slice(1);
  const text = head + tail;
  // Exactly what we wrote: the original comes back (also when the person had deleted it meanwhile).
  if (text === (before ?? '')) return { text: before, kept: false };
  return { text: text === '' ? null : text, kept: true };
}
