// Notes (ExcelApi 1.18), threaded comments (1.10) and workbook settings (1.4) of the fake Excel.
// Plain TypeScript: no Node, no jest (the pane's browser tests bundle it too).
import type { FakeContext } from './fake-excel-api';
import { FakeObject, FakeOfficeError, type LoadResult, notLoaded } from './fake-excel-core';
import { type FakeBookModel, type FakeSheetModel, parseAddress } from './fake-excel-model';
import { FakeRange } from './fake-excel-range';

export interface NoteTarget {
  sheet: FakeSheetModel;
  row: number;
  column: number;
}

export function cellOf(
  sheet: FakeSheetModel,
  address: unknown,
  what: string,
): { row: number; column: number } {
  const rect = address instanceof FakeRange ? address.resolve()?.rect : parseAddress(String(address))?.rect;
  if (!rect || rect.top !== rect.bottom || rect.left !== rect.right)
    throw new FakeOfficeError('InvalidArgument', `${what}: not one cell (${String(address)})`, what);
  void sheet;
  return { row: rect.top, column: rect.left };
}

export class FakeNote extends FakeObject<NoteTarget> {
  protected scalars() {
    return { content: 18 };
  }

  protected read(t: NoteTarget): unknown {
    return t.sheet.cell(t.row, t.column)?.note ?? null;
  }

  get content(): string {
    return this.prop('content');
  }

  set content(v: string) {
    this.write('content', v, 18, (t) => {
      this.context.guardWrite(t.sheet, 'Note.content');
      t.sheet.ensure(t.row, t.column).note = v;
    });
  }

  delete(): void {
    this.call('delete', [], 18, (t) => {
      this.context.guardWrite(t.sheet, 'Note.delete');
      const cell = t.sheet.cell(t.row, t.column);
      if (cell) delete cell.note;
    });
  }
}

export class FakeNoteCollection extends FakeObject<FakeSheetModel> {
  constructor(
    context: FakeContext,
    private readonly sheet: () => FakeSheetModel | null,
  ) {
    super(context, sheet, 'notes', [], 18);
  }

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  private note(address: string, orNull: boolean, path: string): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        const sheet = this.target(path);
        const at = cellOf(sheet, address, path);
        if (sheet.cell(at.row, at.column)?.note === undefined) {
          if (orNull) return null;
          throw new FakeOfficeError('ItemNotFound', `No note at ${address}`, path);
        }
        return { sheet, ...at };
      },
      path,
      [address],
      18,
    );
  }

  getItem(address: string): FakeNote {
    return this.note(address, false, 'NoteCollection.getItem');
  }

  getItemOrNullObject(address: string): FakeNote {
    return this.note(address, true, 'NoteCollection.getItemOrNullObject');
  }

  add(address: unknown, content: string): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        const sheet = this.target('NoteCollection.add');
        this.context.guardWrite(sheet, 'NoteCollection.add');
        const at = cellOf(sheet, address, 'NoteCollection.add');
        const cell = sheet.ensure(at.row, at.column);
        if (cell.note !== undefined)
          throw new FakeOfficeError(
            'InvalidArgument',
            `A note exists at ${String(address)}`,
            'NoteCollection.add',
          );
        cell.note = String(content);
        return { sheet, ...at };
      },
      'add',
      [typeof address === 'string' ? address : 'range', content],
      18,
    );
  }
}

export interface CommentTarget {
  book: FakeBookModel;
  id: string;
}

export function findThread(book: FakeBookModel, id: string) {
  return book.findComment(id);
}

export class FakeCommentReply extends FakeObject<{ thread: string; id: string }> {
  protected scalars() {
    return { id: 10, content: 10 };
  }

  private reply(t: { thread: string; id: string }) {
    const th = findThread(this.context.book, t.thread);
    const r = th?.comment.replies.find((x) => x.id === t.id);
    if (!th || !r) throw new FakeOfficeError('ItemNotFound', 'Reply not found', 'CommentReply');
    return { th, r };
  }

  protected read(t: { thread: string; id: string }, name: string): unknown {
    return name === 'id' ? t.id : this.reply(t).r.content;
  }

  get id(): string {
    return this.prop('id');
  }

  get content(): string {
    return this.prop('content');
  }

  set content(v: string) {
    this.write('content', v, 10, (t) => {
      const { th, r } = this.reply(t);
      this.context.guardWrite(th.sheet, 'CommentReply.content');
      r.content = v;
    });
  }

  delete(): void {
    this.call('delete', [], 10, (t) => {
      const { th } = this.reply(t);
      this.context.guardWrite(th.sheet, 'CommentReply.delete');
      th.comment.replies = th.comment.replies.filter((x) => x.id !== t.id);
    });
  }
}

export class FakeCommentReplyCollection extends FakeObject<CommentTarget> {
  private list: FakeCommentReply[] | null = null;

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): FakeCommentReply[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }

  override runLoad(paths: string[]): LoadResult {
    const t = this.target('replies');
    const th = findThread(t.book, t.id);
    const itemPaths = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    const proxies = (th?.comment.replies ?? []).map(
      (r) => new FakeCommentReply(this.context, () => ({ thread: t.id, id: r.id }), '', [], 10, false),
    );
    const subs = proxies.map((p) => p.runLoad(itemPaths));
    return {
      data: { items: subs.map((s) => s.data) },
      commit: () => {
        this.list = proxies;
        subs.forEach((s) => s.commit());
      },
    };
  }

  add(content: string): FakeCommentReply {
    return new FakeCommentReply(
      this.context,
      () => {
        const t = this.target('replies.add');
        const th = findThread(t.book, t.id);
        if (!th) throw new FakeOfficeError('ItemNotFound', 'Comment not found', 'CommentReplyCollection.add');
        this.context.guardWrite(th.sheet, 'CommentReplyCollection.add');
        const id = t.book.newId('reply');
        th.comment.replies.push({ id, content: String(content) });
        return { thread: t.id, id };
      },
      'replies.add',
      [content],
      10,
    );
  }
}

export class FakeComment extends FakeObject<CommentTarget> {
  private repliesProxy?: FakeCommentReplyCollection;

  protected scalars() {
    return { id: 10, content: 10 };
  }

  private thread(t: CommentTarget) {
    const th = findThread(t.book, t.id);
    if (!th) throw new FakeOfficeError('ItemNotFound', 'Comment not found', 'Comment');
    return th;
  }

  protected read(t: CommentTarget, name: string): unknown {
    return name === 'id' ? t.id : this.thread(t).comment.content;
  }

  protected override child(name: string): FakeObject<unknown> | undefined {
    return name === 'replies' ? this.replies : undefined;
  }

  get id(): string {
    return this.prop('id');
  }

  get content(): string {
    return this.prop('content');
  }

  set content(v: string) {
    this.write('content', v, 10, (t) => {
      const th = this.thread(t);
      this.context.guardWrite(th.sheet, 'Comment.content');
      th.comment.content = v;
    });
  }

  get replies(): FakeCommentReplyCollection {
    if (!this.repliesProxy)
      this.repliesProxy = new FakeCommentReplyCollection(
        this.context,
        () => this.resolve(),
        'replies',
        [],
        10,
      );
    return this.repliesProxy;
  }

  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const th = this.thread(this.target('getLocation'));
        const [row, column] = th.sheet.positionOf(th.cell)!;
        return { sheet: th.sheet, rect: { top: row, left: column, bottom: row, right: column } };
      },
      'getLocation',
      [],
      10,
    );
  }

  delete(): void {
    this.call('delete', [], 10, (t) => {
      const th = this.thread(t);
      this.context.guardWrite(th.sheet, 'Comment.delete');
      delete th.cell.comment;
    });
  }
}

export class FakeCommentCollection extends FakeObject<{ book: FakeBookModel; sheet?: FakeSheetModel }> {
  private list: FakeComment[] | null = null;

  constructor(context: FakeContext, sheet: (() => FakeSheetModel | null) | undefined, path: string) {
    super(context, () => ({ book: context.book, sheet: sheet?.() ?? undefined }), path, [], 10);
  }

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): FakeComment[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }

  override runLoad(paths: string[]): LoadResult {
    const t = this.target('comments');
    const itemPaths = paths.map((p) => p.replace(/^items\//, '')).filter((p) => p !== 'items');
    const proxies = t.book
      .comments(t.sheet)
      .map(
        (c) => new FakeComment(this.context, () => ({ book: t.book, id: c.comment.id }), '', [], 10, false),
      );
    const subs = proxies.map((p) => p.runLoad(itemPaths));
    return {
      data: { items: subs.map((s) => s.data) },
      commit: () => {
        this.list = proxies;
        subs.forEach((s) => s.commit());
      },
    };
  }

  getItem(id: string): FakeComment {
    return new FakeComment(
      this.context,
      () => {
        if (!findThread(this.context.book, id))
          throw new FakeOfficeError('ItemNotFound', `No comment ${id}`, 'CommentCollection.getItem');
        return { book: this.context.book, id };
      },
      'getItem',
      [id],
      10,
    );
  }

  add(address: unknown, content: string): FakeComment {
    return new FakeComment(
      this.context,
      () => {
        const t = this.target('CommentCollection.add');
        let sheet = t.sheet;
        if (typeof address === 'string') {
          const p = parseAddress(address);
          if (p?.sheet !== undefined) sheet = t.book.byName(p.sheet);
        } else if (address instanceof FakeRange) sheet = address.resolve()?.sheet;
        if (!sheet)
          throw new FakeOfficeError(
            'InvalidArgument',
            `No sheet in "${String(address)}"`,
            'CommentCollection.add',
          );
        this.context.guardWrite(sheet, 'CommentCollection.add');
        const at = cellOf(sheet, address, 'CommentCollection.add');
        const cell = sheet.ensure(at.row, at.column);
        if (cell.comment)
          throw new FakeOfficeError(
            'InvalidArgument',
            `A comment exists at ${String(address)}`,
            'CommentCollection.add',
          );
        const id = t.book.newId('comment');
        cell.comment = { id, content: String(content), replies: [] };
        t.book.indexComment(sheet, cell);
        return { book: t.book, id };
      },
      'add',
      [typeof address === 'string' ? address : 'range', content],
      10,
    );
  }
}

export class FakeSetting extends FakeObject<{ key: string; value: unknown }> {
  protected scalars() {
    return { key: 4, value: 4 };
  }

  protected read(t: { key: string; value: unknown }, name: string): unknown {
    return name === 'key' ? t.key : t.value;
  }

  get value(): unknown {
    return this.prop('value');
  }
}

export class FakeSettingCollection extends FakeObject<FakeBookModel> {
  constructor(context: FakeContext) {
    super(context, () => context.book, 'settings', [], 4);
  }

  protected scalars() {
    return {};
  }

  protected read(): unknown {
    return undefined;
  }

  add(key: string, value: unknown): FakeSetting {
    return new FakeSetting(
      this.context,
      () => {
        this.context.guardWrite(undefined, 'SettingCollection.add');
        // Settings travel as JSON, as in Excel.
        this.context.book.settings[key] = JSON.parse(JSON.stringify(value));
        return { key, value };
      },
      'add',
      [key, value],
      4,
    );
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(
      this.context,
      () => (key in this.context.book.settings ? { key, value: this.context.book.settings[key] } : null),
      'getItemOrNullObject',
      [key],
      4,
    );
  }
}
