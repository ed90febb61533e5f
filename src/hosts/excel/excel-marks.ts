/// <reference types="office-js" />
import { cellAddress, type MergeRange } from '../../core/grid';
import { SEVERITY_RANK, type Severity } from '../../core/issue';
import { type CellMark, MARK_COLOURS } from '../workbook-port';
import { argbToHex, type ApiLevel, SyncBatcher } from './excel-api';
import { cellKey, type CellRef, MAX_COLUMNS, MAX_ROWS } from './excel-address';
import { assertWritable, type BookInfo, loadBook, sheetNamed, type SheetInfo } from './excel-book';
import {
  type CellEnv,
  groupByFill,
  isMarkFill,
  masterLookup,
  type NoteOp,
  probeFills,
  probeNotes,
  probeRowKeys,
  queueFills,
  queueNotes,
  rowKey,
} from './excel-cells';
import { type CommentOp, loadThreads, queueComments, type Thread } from './excel-comments';
import { ExcelHostError } from './excel-errors';
import { emptyStore, type FillState, type MarkRecord, type MarkStore, MarkStoreSheet, type StoreMeta } from './excel-mark-store';
import { readAll, SheetReader, usedRangeOf } from './excel-read';

/** How problems are shown on cells: notes (ExcelApi 1.18), threaded comments (1.10), or a result sheet. */
export type MarkMode = 'notes' | 'comments' | 'sheet';

/** The mark mode of a host: notes where present, else comments, else a 校验结果 sheet. */
export function markModeOf(api: ApiLevel): MarkMode {
  if (api.has(18)) return 'notes';
  // Why not on 1.10–1.17 hosts too: notes are missing from Office 2021/2024 LTSC, comments are not.
  return api.has(10) ? 'comments' : 'sheet';
}

/** What the mark flows need besides the cell helpers. */
export interface MarkEnv extends CellEnv {
  mode: MarkMode;
  /** Merged areas of a sheet from its last read, to put a mark on the merge's top-left cell. */
  merges: (sheet: string) => readonly MergeRange[] | undefined;
  /** Sheet mode: writes the result sheet for these records (or removes it when there are none); its id. */
  resultSheet: (records: readonly MarkRecord[], book: BookInfo, oldId: string | undefined) => Promise<string | undefined>;
  /** Called at the start of every write batch (screen updating suspended there). */
  beforeWrite: () => void;
}

/** A recorded mark that clearing left alone, and why. */
export interface SkippedMark {
  sheet: string;
  address: string;
  /** The sheet is gone; the cell moved and its row was not found again; or its fill was changed since. */
  reason: 'sheet-deleted' | 'moved' | 'changed';
}

/** What `clearMarks` did. */
export interface ClearMarksResult {
  restored: number;
  /** Of the restored: marks found again at another row (rows inserted, deleted or sorted since marking). */
  relocated: number;
  skipped: SkippedMark[];
}

interface Target {
  sheet: SheetInfo;
  row: number;
  column: number;
  severity: Severity;
  notes: string[];
}

const recordKey = (sheetId: string, row: number, column: number) => `${sheetId}\u0001${row}\u0001${column}`;
const joinNote = (original: string | null | undefined, ours: string) => (original ? `${original}\n${ours}` : ours);

/**
 * Checks marks and groups them by target cell before anything is written: an unknown sheet or an impossible cell
 * throws. A mark on a merged follower goes to the merge's top-left cell. Several marks on one cell: the most
 * severe colour, every distinct note in order.
 */
function planTargets(env: MarkEnv, book: BookInfo, marks: readonly CellMark[], only?: SheetInfo): Target[] {
  const byCell = new Map<string, Target>();
  const lookups = new Map<string, ReturnType<typeof masterLookup>>();
  for (const mark of marks) {
    const sheet = only ? (mark.sheet === only.name ? only : undefined) : sheetNamed(book, mark.sheet);
    if (!sheet) continue;
    const ok = Number.isInteger(mark.row) && Number.isInteger(mark.column) && mark.row >= 1 && mark.column >= 1;
    if (!ok || mark.row > MAX_ROWS || mark.column > MAX_COLUMNS)
      throw new ExcelHostError('excel/outside-sheet', { sheet: sheet.name, cell: ok ? cellAddress(mark.row, mark.column) : `R${mark.row}C${mark.column}` });
    let lookup = lookups.get(sheet.id);
    if (!lookup) lookups.set(sheet.id, (lookup = masterLookup(env.merges(sheet.name))));
    const at = lookup(mark.row, mark.column);
    const key = recordKey(sheet.id, at.row, at.column);
    const t = byCell.get(key);
    if (!t) {
      byCell.set(key, { sheet, ...at, severity: mark.severity, notes: mark.note ? [mark.note] : [] });
      continue;
    }
    if (SEVERITY_RANK[mark.severity] < SEVERITY_RANK[t.severity]) t.severity = mark.severity;
    if (mark.note && !t.notes.includes(mark.note)) t.notes.push(mark.note);
  }
  return [...byCell.values()];
}

function groupBySheet<T extends { sheet: SheetInfo }>(items: readonly T[]): Map<SheetInfo, T[]> {
  const out = new Map<SheetInfo, T[]>();
  for (const it of items) {
    let list = out.get(it.sheet);
    if (!list) out.set(it.sheet, (list = []));
    list.push(it);
  }
  return out;
}

/** The store of a workbook, read inside the current run. */
interface OpenStore {
  io: MarkStoreSheet;
  store: MarkStore;
  sheet?: Excel.Worksheet;
  oldChunks: number;
}

/** Queues the meta cell read (first sync of a flow); the rest is read by `readStore`. */
function queueStoreMeta(env: MarkEnv, book: BookInfo): { io: MarkStoreSheet; meta?: () => StoreMeta } {
  const io = new MarkStoreSheet(env.context, env.api, env.limits);
  return { io, meta: book.store ? io.queueMeta(book.store.proxy) : undefined };
}

async function queueStoreRead(env: MarkEnv, book: BookInfo, io: MarkStoreSheet, meta: StoreMeta | undefined, batcher: SyncBatcher): Promise<() => OpenStore> {
  if (!book.store || !meta) return () => ({ io, store: emptyStore(), oldChunks: 0 });
  const sheet = book.store.proxy;
  const read = await io.queueRead(sheet, meta, batcher);
  return () => ({ io, store: read(), sheet, oldChunks: meta.chunks });
}

/** Writes the store (creating its sheet when needed), in its own batches. */
async function saveStore(env: MarkEnv, open: OpenStore): Promise<void> {
  const batcher = new SyncBatcher(env.context, env.limits);
  await batcher.reserve(200);
  if (!open.sheet) open.sheet = open.io.create();
  await open.io.write(open.sheet, open.store, open.oldChunks, batcher);
  await batcher.flush();
  open.oldChunks = open.store.meta.chunks;
}

/** The column span fingerprints of a sheet use: the one recorded, else the used range's columns now. */
function spanOf(meta: StoreMeta, sheet: SheetInfo, used: Excel.Range | undefined, fallback: number): [number, number] {
  const known = meta.spans[sheet.id];
  if (known) return known;
  if (used && !used.isNullObject && used.columnCount > 0) return [used.columnIndex + 1, used.columnIndex + used.columnCount];
  return [1, Math.max(1, fallback)];
}

/** The mark colour of a severity as Excel reports colours (#RRGGBB). */
function colourOf(severity: Severity): string {
  return argbToHex(MARK_COLOURS[severity]);
}

/** Ops that put our comment on a cell (comments mode), keeping what we added before. */
function commentOps(rec: MarkRecord, target: Target, text: string, threadsAt: Map<number, Thread>, threadsById: Map<string, Thread>): CommentOp[] {
  if (rec.ci) {
    const ours = threadsById.get(rec.ci);
    if (ours) return [{ kind: 'edit', target: ours.proxy, text }];
  }
  if (rec.ri) {
    for (const t of threadsById.values()) {
      const reply = t.replies.find((r) => r.id === rec.ri);
      if (reply) return [{ kind: 'edit', target: reply.proxy, text }];
    }
  }
  rec.ci = undefined;
  rec.ri = undefined;
  const existing = threadsAt.get(cellKey(target.row, target.column));
  if (existing)
    return [
      {
        kind: 'reply',
        thread: existing,
        text,
        done: (id) => {
          rec.ri = id();
        },
      },
    ];
  const done = (id: () => string) => {
    rec.ci = id();
  };
  return [{ kind: 'thread', sheet: target.sheet, row: target.row, column: target.column, text, done }];
}

/** Ops that take our comment off (comments mode): our thread, or our reply in someone's thread. */
function uncommentOps(rec: MarkRecord, threadsById: Map<string, Thread>): CommentOp[] {
  if (rec.ci) {
    const ours = threadsById.get(rec.ci);
    if (ours) return [{ kind: 'delete', target: ours.proxy }];
  }
  if (rec.ri) {
    for (const t of threadsById.values()) {
      const reply = t.replies.find((r) => r.id === rec.ri);
      if (reply) return [{ kind: 'delete', target: reply.proxy }];
    }
  }
  return [];
}

function indexThreads(threads: Map<string, Thread[]>, sheetId: string): { at: Map<number, Thread>; byId: Map<string, Thread> } {
  const list = threads.get(sheetId) ?? [];
  const at = new Map<number, Thread>();
  for (const t of list) if (t.at !== undefined) at.set(t.at, t);
  return { at, byId: new Map(list.map((t) => [t.id, t])) };
}

/**
 * Records ids handed back by queued comment ops; ops' `done` callbacks receive readers valid after the sync.
 */
function collectIds(ops: CommentOp[]): { ops: CommentOp[]; finish: () => void } {
  const pending: Array<() => void> = [];
  const wrapped = ops.map((op): CommentOp => {
    if (op.kind === 'thread' || op.kind === 'reply') {
      const done = op.done;
      return { ...op, done: (id) => pending.push(() => done(id)) };
    }
    return op;
  });
  return { ops: wrapped, finish: () => pending.forEach((f) => f()) };
}

/**
 * Marks cells: reads the workbook's state first (sheets, protection, the record, each cell's fill and note, the
 * rows' fingerprints), refuses before any change when something is protected or read-only, saves the record of
 * originals, and only then fills and annotates. Marking a cell again keeps its first recorded original.
 */
export async function applyMarksIn(env: MarkEnv, marks: readonly CellMark[]): Promise<void> {
  const { context } = env;
  const book = await loadBook(context, env.api);
  const targets = planTargets(env, book, marks);
  if (targets.length === 0) return;
  const bySheet = groupBySheet(targets);
  assertWritable(book, bySheet.keys(), !book.store || env.mode === 'sheet');

  // Sync 2: the meta of the record, used ranges (fingerprint spans), comment threads.
  const { io, meta } = queueStoreMeta(env, book);
  const used = new Map<SheetInfo, Excel.Range>();
  for (const sheet of bySheet.keys()) {
    const u = usedRangeOf(sheet.proxy, env.api);
    u.load('columnIndex,columnCount');
    used.set(sheet, u);
  }
  await context.sync();
  const threads = env.mode === 'comments' ? await loadThreads(context, [...bySheet.keys()], true) : new Map<string, Thread[]>();
  const storeMeta = meta?.();

  // Sync 3 (or a few, by payload): the record itself, original fills and notes, row fingerprints.
  const batcher = new SyncBatcher(context, env.limits);
  const readStore = await queueStoreRead(env, book, io, storeMeta, batcher);
  const probes: Array<{ sheet: SheetInfo; span: [number, number]; fills: () => Map<number, FillState | null>; notes?: () => Map<number, string | null>; keys: () => Map<number, string> }> = [];
  for (const [sheet, list] of bySheet) {
    const cells = list.map((t) => ({ row: t.row, column: t.column }));
    const span = spanOf(storeMeta ?? emptyStore().meta, sheet, used.get(sheet), Math.max(...cells.map((c) => c.column)));
    probes.push({
      sheet,
      span,
      fills: await probeFills(env, batcher, sheet, cells),
      notes: env.mode === 'notes' ? await probeNotes(batcher, sheet, cells) : undefined,
      keys: await probeRowKeys(env, batcher, sheet, cells.map((c) => c.row), span),
    });
  }
  await batcher.flush();
  const open = readStore();
  const index = new Map(open.store.marks.map((m) => [recordKey(m.s, m.r, m.c), m]));

  // Records first (originals kept from an earlier marking), saved before any cell is touched.
  const writes: Array<{ sheet: SheetInfo; target: Target; rec: MarkRecord; noteNow?: string | null }> = [];
  for (const p of probes) {
    open.store.meta.spans[p.sheet.id] = p.span;
    const fills = p.fills();
    const notes = p.notes?.();
    const keys = p.keys();
    for (const target of bySheet.get(p.sheet) ?? []) {
      const k = cellKey(target.row, target.column);
      const key = recordKey(p.sheet.id, target.row, target.column);
      let rec = index.get(key);
      if (!rec) {
        rec = { s: p.sheet.id, n: p.sheet.name, r: target.row, c: target.column, f: fills.get(k) ?? null, m: '', v: target.severity, k: '' };
        if (notes) rec.o = notes.get(k) ?? null;
        index.set(key, rec);
        open.store.marks.push(rec);
      }
      rec.n = p.sheet.name;
      rec.m = colourOf(target.severity);
      rec.v = target.severity;
      rec.k = keys.get(target.row) ?? '';
      if (env.mode === 'sheet') rec.t = target.notes.join('\n');
      writes.push({ sheet: p.sheet, target, rec, noteNow: notes?.get(k) });
    }
  }
  await saveStore(env, open);

  // The marks: fills grouped by colour, then notes or comments, one sync per batch.
  const out = new SyncBatcher(context, env.limits, env.beforeWrite);
  const commentQueue: CommentOp[] = [];
  for (const [sheet, list] of groupBySheet(writes)) {
    await queueFills(env, out, sheet, groupByFill(list.map((w) => ({ cell: w.target, fill: { color: w.rec.m } }))));
    if (env.mode === 'notes') {
      const ops: NoteOp[] = list
        .filter((w) => w.target.notes.length > 0)
        .map((w) => ({ cell: w.target, exists: w.noteNow !== null && w.noteNow !== undefined, content: joinNote(w.rec.o, w.target.notes.join('\n')) }));
      await queueNotes(out, sheet, ops);
    } else if (env.mode === 'comments') {
      const { at, byId } = indexThreads(threads, sheet.id);
      for (const w of list) if (w.target.notes.length > 0) commentQueue.push(...commentOps(w.rec, w.target, w.target.notes.join('\n'), at, byId));
    }
  }
  const ids = collectIds(commentQueue);
  await queueComments(context, out, ids.ops);
  await out.flush();
  ids.finish();

  if (env.mode === 'comments' && commentQueue.some((op) => op.kind === 'thread' || op.kind === 'reply')) await saveStore(env, open);
  if (env.mode === 'sheet') await refreshResultSheet(env, open, book);
}

/** Sheet mode: rewrites the result sheet from every record (removes it when none is left). */
async function refreshResultSheet(env: MarkEnv, open: OpenStore, book: BookInfo): Promise<void> {
  const id = await env.resultSheet(open.store.marks, book, open.store.meta.resultSheetId);
  if (id !== open.store.meta.resultSheetId) {
    open.store.meta.resultSheetId = id;
    if (open.sheet) {
      const batcher = new SyncBatcher(env.context, env.limits);
      await open.io.writeMeta(open.sheet, open.store.meta, batcher);
      await batcher.flush();
    }
  }
}

/** Restore ops for one record at a cell: its original fill (when our mark is still there) and note. */
function restoreOps(
  env: MarkEnv,
  rec: MarkRecord,
  at: CellRef,
  fillNow: FillState | null | undefined,
  noteNow: string | null | undefined,
  fills: Array<{ cell: CellRef; fill: FillState | null }>,
  notes: NoteOp[],
): boolean {
  const ours = isMarkFill(fillNow, rec.m);
  if (ours) fills.push({ cell: at, fill: rec.f });
  if (env.mode === 'notes' && rec.o !== undefined) {
    const exists = noteNow !== null && noteNow !== undefined;
    if (rec.o === null) {
      if (exists) notes.push({ cell: at, exists, content: null });
    } else if (noteNow !== rec.o) notes.push({ cell: at, exists, content: rec.o });
  }
  return ours;
}

/**
 * Re-marks rows after an edit: the rows' old marks are restored (fill only where our colour is still there) and
 * the new ones applied, keeping the originals recorded the first time. Marks of other sheets are ignored.
 */
export async function remarkRowsIn(env: MarkEnv, sheetName: string, rows: readonly number[], marks: readonly CellMark[]): Promise<void> {
  const { context } = env;
  const book = await loadBook(context, env.api);
  const sheet = sheetNamed(book, sheetName);
  assertWritable(book, [sheet], !book.store || env.mode === 'sheet');
  const rowSet = new Set(rows);
  const targets = planTargets(env, book, marks, sheet);

  const { io, meta } = queueStoreMeta(env, book);
  const used = usedRangeOf(sheet.proxy, env.api);
  used.load('columnIndex,columnCount');
  await context.sync();
  const threads = env.mode === 'comments' ? await loadThreads(context, [sheet], true) : new Map<string, Thread[]>();
  const storeMeta = meta?.();

  // First the record, to know the old marks of these rows (their cells are probed with the new ones).
  const first = new SyncBatcher(context, env.limits);
  const readStore = await queueStoreRead(env, book, io, storeMeta, first);
  await first.flush();
  const open = readStore();
  const old = open.store.marks.filter((m) => m.s === sheet.id && rowSet.has(m.r));
  const span = spanOf(open.store.meta, sheet, used, Math.max(1, ...targets.map((t) => t.column)));
  open.store.meta.spans[sheet.id] = span;

  const cells = new Map<number, CellRef>();
  for (const c of [...old.map((m) => ({ row: m.r, column: m.c })), ...targets]) cells.set(cellKey(c.row, c.column), { row: c.row, column: c.column });
  const batcher = new SyncBatcher(context, env.limits);
  const fillsAt = await probeFills(env, batcher, sheet, [...cells.values()]);
  const notesAt = env.mode === 'notes' ? await probeNotes(batcher, sheet, [...cells.values()]) : undefined;
  const keysAt = await probeRowKeys(env, batcher, sheet, targets.map((t) => t.row), span);
  await batcher.flush();
  const fills = fillsAt();
  const notes = notesAt?.();
  const keys = keysAt();

  const oldByCell = new Map(old.map((m) => [cellKey(m.r, m.c), m]));
  const newByCell = new Map(targets.map((t) => [cellKey(t.row, t.column), t]));
  const fillOps: Array<{ cell: CellRef; fill: FillState | null }> = [];
  const noteOps: NoteOp[] = [];
  const commentQueue: CommentOp[] = [];
  const { at, byId } = indexThreads(threads, sheet.id);
  const dropped = new Set<MarkRecord>();
  const index = new Map(open.store.marks.filter((m) => m.s === sheet.id).map((m) => [cellKey(m.r, m.c), m]));
  for (const [k, rec] of oldByCell) {
    if (newByCell.has(k)) continue;
    restoreOps(env, rec, { row: rec.r, column: rec.c }, fills.get(k), notes?.get(k), fillOps, noteOps);
    if (env.mode === 'comments') commentQueue.push(...uncommentOps(rec, byId));
    dropped.add(rec);
  }
  for (const [k, target] of newByCell) {
    let rec = oldByCell.get(k) ?? index.get(k);
    if (!rec) {
      rec = { s: sheet.id, n: sheet.name, r: target.row, c: target.column, f: fills.get(k) ?? null, m: '', v: target.severity, k: '' };
      if (notes) rec.o = notes.get(k) ?? null;
      open.store.marks.push(rec);
    }
    rec.n = sheet.name;
    rec.m = colourOf(target.severity);
    rec.v = target.severity;
    rec.k = keys.get(target.row) ?? '';
    if (env.mode === 'sheet') rec.t = target.notes.join('\n');
    fillOps.push({ cell: target, fill: { color: rec.m } });
    const text = target.notes.join('\n');
    if (env.mode === 'notes') {
      const now = notes?.get(k);
      const content = text ? joinNote(rec.o, text) : (rec.o ?? null);
      const exists = now !== null && now !== undefined;
      if (content !== now && (content !== null || exists)) noteOps.push({ cell: target, exists, content });
    } else if (env.mode === 'comments') {
      commentQueue.push(...(text ? commentOps(rec, target, text, at, byId) : uncommentOps(rec, byId)));
    }
  }
  open.store.marks = open.store.marks.filter((m) => !dropped.has(m));
  await saveStore(env, open);

  const out = new SyncBatcher(context, env.limits, env.beforeWrite);
  await queueFills(env, out, sheet, groupByFill(fillOps));
  await queueNotes(out, sheet, noteOps);
  const ids = collectIds(commentQueue);
  await queueComments(context, out, ids.ops);
  await out.flush();
  ids.finish();
  if (env.mode === 'comments' && commentQueue.some((op) => op.kind === 'thread' || op.kind === 'reply')) await saveStore(env, open);
  if (env.mode === 'sheet') await refreshResultSheet(env, open, book);
}

/**
 * Finds rows again after rows were inserted, deleted or sorted: reads the sheet's values over the fingerprint
 * span (in blocks, values only) and maps each wanted fingerprint to the nearest row that has it, each row used once.
 */
async function relocateRows(env: MarkEnv, sheet: SheetInfo, span: [number, number], wanted: Map<number, string>): Promise<Map<number, number>> {
  const reader = new SheetReader(sheet.proxy, sheet.name, env.api, { limits: env.limits, firstBlockRows: 0, formats: false, merges: false, columns: span });
  await readAll(env.context, [reader], env.limits);
  const rowsByKey = new Map<string, number[]>();
  const start = reader.area ? reader.area.row0 + 1 : 1;
  reader.values.forEach((row, i) => {
    // Grid rows hold null for blanks and drop trailing ones; the fingerprint ignores both, as at marking time.
    const k = rowKey(row);
    let list = rowsByKey.get(k);
    if (!list) rowsByKey.set(k, (list = []));
    list.push(start + i);
  });
  const taken = new Set<number>();
  const out = new Map<number, number>();
  for (const [row, key] of [...wanted].sort((a, b) => a[0] - b[0])) {
    let best: number | undefined;
    for (const r of rowsByKey.get(key) ?? []) if (!taken.has(r) && (best === undefined || Math.abs(r - row) < Math.abs(best - row))) best = r;
    if (best !== undefined) {
      taken.add(best);
      out.set(row, best);
    }
  }
  return out;
}

/**
 * Restores what was there before every recorded mark: fills (only where our colour is still on the cell),
 * notes, our comments; deletes the result sheet and the record. Records of deleted sheets are dropped; sheets
 * are found by id, so renames do not matter; a mark whose row fingerprint no longer matches is looked for in the
 * sheet (rows inserted, deleted, sorted) and restored where its row is now, or skipped and reported.
 */
export async function clearMarksIn(env: MarkEnv): Promise<ClearMarksResult> {
  const { context } = env;
  const result: ClearMarksResult = { restored: 0, relocated: 0, skipped: [] };
  const book = await loadBook(context, env.api);
  if (!book.store) return result;
  const { io, meta } = queueStoreMeta(env, book);
  await context.sync();
  const storeMeta = meta?.();
  const first = new SyncBatcher(context, env.limits);
  const readStore = await queueStoreRead(env, book, io, storeMeta, first);
  await first.flush();
  const open = readStore();
  const byId = new Map(book.sheets.map((s) => [s.id, s]));
  const live = open.store.marks.filter((m) => byId.has(m.s));
  for (const m of open.store.marks) if (!byId.has(m.s)) result.skipped.push({ sheet: m.n, address: cellAddress(m.r, m.c), reason: 'sheet-deleted' });
  const sheets = [...new Set(live.map((m) => byId.get(m.s)!))];
  assertWritable(book, sheets, true);

  const threads = env.mode === 'comments' ? await loadThreads(context, sheets, false) : new Map<string, Thread[]>();

  // Verification: fills, notes and row fingerprints where each mark was put.
  const batcher = new SyncBatcher(context, env.limits);
  const checks: Array<{ sheet: SheetInfo; recs: MarkRecord[]; fills: () => Map<number, FillState | null>; notes?: () => Map<number, string | null>; keys: () => Map<number, string> }> = [];
  for (const sheet of sheets) {
    const recs = live.filter((m) => m.s === sheet.id);
    const cells = recs.map((m) => ({ row: m.r, column: m.c }));
    const span = open.store.meta.spans[sheet.id] ?? [1, Math.max(...recs.map((m) => m.c))];
    checks.push({
      sheet,
      recs,
      fills: await probeFills(env, batcher, sheet, cells),
      notes: env.mode === 'notes' ? await probeNotes(batcher, sheet, cells) : undefined,
      keys: await probeRowKeys(env, batcher, sheet, recs.map((m) => m.r), span),
    });
  }
  await batcher.flush();

  const out = new SyncBatcher(context, env.limits, env.beforeWrite);
  const commentQueue: CommentOp[] = [];
  for (const check of checks) {
    const { sheet, recs } = check;
    const fills = check.fills();
    const notes = check.notes?.();
    const keys = check.keys();
    const fillOps: Array<{ cell: CellRef; fill: FillState | null }> = [];
    const noteOps: NoteOp[] = [];
    const claimed = new Set<number>();
    const moved: MarkRecord[] = [];
    for (const rec of recs) {
      if (keys.get(rec.r) === rec.k) {
        const k = cellKey(rec.r, rec.c);
        claimed.add(k);
        if (restoreOps(env, rec, { row: rec.r, column: rec.c }, fills.get(k), notes?.get(k), fillOps, noteOps)) result.restored++;
        else result.skipped.push({ sheet: sheet.name, address: cellAddress(rec.r, rec.c), reason: 'changed' });
      } else moved.push(rec);
    }
    if (moved.length > 0) {
      const span = open.store.meta.spans[sheet.id] ?? [1, Math.max(...moved.map((m) => m.c))];
      const rows = await relocateRows(env, sheet, span, new Map(moved.map((m) => [m.r, m.k])));
      const cells = moved.map((m) => ({ row: rows.get(m.r) ?? m.r, column: m.c }));
      const probe = new SyncBatcher(context, env.limits);
      const fillsAt = await probeFills(env, probe, sheet, cells);
      const notesAt = env.mode === 'notes' ? await probeNotes(probe, sheet, cells) : undefined;
      await probe.flush();
      const fillsNow = fillsAt();
      const notesNow = notesAt?.();
      for (const rec of moved) {
        const row = rows.get(rec.r);
        if (row !== undefined) {
          const k = cellKey(row, rec.c);
          claimed.add(k);
          if (restoreOps(env, rec, { row, column: rec.c }, fillsNow.get(k), notesNow?.get(k), fillOps, noteOps)) {
            result.restored++;
            if (row !== rec.r) result.relocated++;
          } else result.skipped.push({ sheet: sheet.name, address: cellAddress(row, rec.c), reason: 'changed' });
        }
      }
      // Not found again: the row was edited in place (our colour still on the cell, nobody else's claim), or gone.
      for (const rec of moved) {
        if (rows.has(rec.r)) continue;
        const k = cellKey(rec.r, rec.c);
        if (!claimed.has(k) && isMarkFill(fillsNow.get(k), rec.m)) {
          claimed.add(k);
          restoreOps(env, rec, { row: rec.r, column: rec.c }, fillsNow.get(k), notesNow?.get(k), fillOps, noteOps);
          result.restored++;
        } else result.skipped.push({ sheet: sheet.name, address: cellAddress(rec.r, rec.c), reason: 'moved' });
      }
    }
    await queueFills(env, out, sheet, groupByFill(fillOps));
    await queueNotes(out, sheet, noteOps);
    if (env.mode === 'comments') {
      const { byId: threadsById } = indexThreads(threads, sheet.id);
      for (const rec of recs) commentQueue.push(...uncommentOps(rec, threadsById));
    }
  }
  await queueComments(context, out, commentQueue);
  await out.flush();

  // The record goes last: if anything above failed, the next clear still knows every original.
  open.store.marks = [];
  if (env.mode === 'sheet' || open.store.meta.resultSheetId) await env.resultSheet([], book, open.store.meta.resultSheetId);
  open.store.meta.resultSheetId = undefined;
  open.store.meta.spans = {};
  const done = new SyncBatcher(context, env.limits);
  await done.reserve(100);
  if (open.store.meta.stateChunks > 0 && open.sheet) await open.io.write(open.sheet, open.store, open.oldChunks, done);
  else open.sheet?.delete();
  await done.flush();
  return result;
}
