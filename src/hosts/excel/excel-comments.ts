/// <reference types="office-js" />
import { jsonBytes, type SyncBatcher } from './excel-api';
import { cellKey } from '../../core/cell-key';
import { quoteSheet, rectAddress } from './excel-address';
import type { SheetInfo } from './excel-book';
import type { MarkRecord } from './excel-mark-store';

/** A comment thread (ExcelApi 1.10) with its replies and, when asked, its cell. */
export interface Thread {
  id: string;
  proxy: Excel.Comment;
  replies: Array<{ id: string; content: string; proxy: Excel.CommentReply }>;
  /** Cell key (row × 16,384 + column) of the thread's cell, when locations were loaded. */
  at?: number;
}

/**
 * Loads the comment threads of sheets: ids, reply ids and texts in one sync, then (when asked) their cells in a second.
 * Why not per cell: ExcelApi has no null-safe "comment of this cell" call before 1.14, and `getItemByCell` fails
 * the whole batch on a cell without one.
 */
export async function loadThreads(
  context: Excel.RequestContext,
  sheets: readonly SheetInfo[],
  withCells: boolean,
): Promise<Map<string, Thread[]>> {
  const collections = sheets.map((s) => {
    const c = s.proxy.comments;
    c.load('items/id,items/replies/items/id,items/replies/items/content');
    return [s, c] as const;
  });
  await context.sync();
  const out = new Map<string, Thread[]>();
  const locations: Array<[Thread, Excel.Range]> = [];
  for (const [sheet, collection] of collections) {
    const threads = collection.items.map((item) => {
      const t: Thread = {
        id: item.id,
        proxy: item,
        replies: item.replies.items.map((r) => ({ id: r.id, content: r.content, proxy: r })),
      };
      if (withCells) {
        const loc = item.getLocation();
        loc.load('rowIndex,columnIndex');
        locations.push([t, loc]);
      }
      return t;
    });
    out.set(sheet.id, threads);
  }
  if (locations.length > 0) {
    await context.sync();
    for (const [t, loc] of locations) t.at = cellKey(loc.rowIndex + 1, loc.columnIndex + 1);
  }
  return out;
}

/** A comment change to queue: a new thread, a reply to someone's thread, a new text for ours, or a removal. */
export type CommentOp =
  | {
      kind: 'thread';
      sheet: SheetInfo;
      row: number;
      column: number;
      text: string;
      done: (id: () => string) => void;
    }
  | { kind: 'reply'; thread: Thread; text: string; done: (id: () => string) => void }
  | { kind: 'edit'; target: Excel.Comment | Excel.CommentReply; text: string }
  | { kind: 'delete'; target: Excel.Comment | Excel.CommentReply };

/** Queues comment changes; new ids are handed to `done` as readers, valid after the next sync. */
export async function queueComments(
  context: Excel.RequestContext,
  batcher: SyncBatcher,
  ops: readonly CommentOp[],
): Promise<void> {
  for (const op of ops) {
    switch (op.kind) {
      case 'thread': {
        await batcher.reserve(jsonBytes(op.text) + 60, 80);
        const address = `${quoteSheet(op.sheet.name)}!${rectAddress({ top: op.row, left: op.column, bottom: op.row, right: op.column })}`;
        const c = context.workbook.comments.add(address, op.text);
        c.load('id');
        op.done(() => c.id);
        break;
      }
      case 'reply': {
        await batcher.reserve(jsonBytes(op.text), 80);
        const r = op.thread.proxy.replies.add(op.text);
        r.load('id');
        op.done(() => r.id);
        break;
      }
      case 'edit':
        await batcher.reserve(jsonBytes(op.text));
        op.target.content = op.text;
        break;
      case 'delete':
        await batcher.reserve(50);
        op.target.delete();
        break;
    }
  }
}

/** Ops that put our comment on a cell (comments mode), keeping what we added before. */
export function commentOps(
  rec: MarkRecord,
  target: { sheet: SheetInfo; row: number; column: number },
  text: string,
  threadsAt: Map<number, Thread>,
  threadsById: Map<string, Thread>,
): CommentOp[] {
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

/**
 * Ops that take our comment off (comments mode): our thread, or our reply in someone's thread. Replies the person
 * wrote under our thread are kept (an `edit` op among them says so).
 */
export function uncommentOps(rec: MarkRecord, threadsById: Map<string, Thread>): CommentOp[] {
  if (rec.ci) {
    const ours = threadsById.get(rec.ci);
    // Replies the person wrote under our comment stay: the first takes our comment's place, the others follow it
    // (a thread cannot lose its first comment and keep its replies).
    const [first] = ours?.replies ?? [];
    if (ours && first)
      return [
        { kind: 'edit', target: ours.proxy, text: first.content },
        { kind: 'delete', target: first.proxy },
      ];
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

/** A sheet's comment threads by cell and by id. */
export function indexThreads(
  threads: Map<string, Thread[]>,
  sheetId: string,
): { at: Map<number, Thread>; byId: Map<string, Thread> } {
  const list = threads.get(sheetId) ?? [];
  const at = new Map<number, Thread>();
  for (const t of list) if (t.at !== undefined) at.set(t.at, t);
  return { at, byId: new Map(list.map((t) => [t.id, t])) };
}

/**
 * Records ids handed back by queued comment ops; ops' `done` callbacks receive readers valid after the sync.
 */
export function collectIds(ops: CommentOp[]): { ops: CommentOp[]; finish: () => void } {
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
