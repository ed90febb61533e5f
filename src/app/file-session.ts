import { type Grid, parseRange } from '../core/grid';
import { LOCALES, type Locale } from '../core/locale';
import { cellText } from '../core/normalise';
import type { SheetReport } from '../core/report';
import type { SheetSpec } from '../core/sheet-spec';
import type { SheetHint } from '../core/validate';
import type { CellMark, HostCapabilities, PaneWorkbookPort } from '../core/workbook-port';
import { checkGrid, STATE_KEYS } from './check-flow';
import type { PaneSettings } from './pane-settings';

// A chosen file's work (reading, checking, writing the marked copy) runs away from the page, in a Web Worker:
// `FileWork` on the worker's side, `FileSession` on the page's, messages between them (`FileRequest` in;
// `FileReply` out). Where no worker can start, the same messages go to a `FileWork` in the page (`inThreadLink`).

/** How far a long step is: reading the file, checking sheet `done` of `total`, writing the copy. */
export interface FileProgress {
  phase: 'read' | 'check' | 'write';
  done?: number;
  total?: number;
}

/** What the page asks of the file's worker. */
export type FileRequest =
  | { op: 'open'; bytes: Uint8Array; name: string }
  | { op: 'check'; settings: PaneSettings; hints: Record<string, SheetHint> }
  | { op: 'cell'; sheet: string; address: string }
  | { op: 'sheet'; name: string; rows?: number }
  | { op: 'sheets' }
  | { op: 'copy' }
  | { op: 'clear' };

/** A failure as plain data (errors cross to the page as copies): its sentence in every locale where it has one. */
export interface FileFailure {
  name: string;
  message: string;
  code?: string;
  messages?: Partial<Record<Locale, string>>;
}

/** What the worker sends for request `id`: progress (any number of times), then a result or a failure. */
export type FileReply = { id: number } & (
  { progress: FileProgress } | { result: unknown } | { error: FileFailure }
);

/** A request as it travels to the worker. */
export interface FileMessage {
  id: number;
  req: FileRequest;
}

/** A file read into memory on the worker's side: its grids, its marks, the copy with the marks written in. */
export interface OpenedFile {
  readonly grids: readonly Grid[];
  applyMarks(marks: CellMark[]): Promise<void>;
  clearMarks(): Promise<void>;
  markedCopy(): Promise<Uint8Array>;
}

/** A sheet cut to its first rows (the header correction needs the header, not 50,000 data rows). */
export function headOf(grid: Grid, rows: number): Grid {
  const last = (grid.startRow ?? 1) + rows - 1;
  return {
    ...grid,
    values: grid.values.slice(0, rows),
    numberFormats: grid.numberFormats?.slice(0, rows),
    merges: grid.merges.filter((m) => m.top <= last),
  };
}

/**
 * The worker's side: holds the chosen file (grids and marks) and answers the page's requests. Its answers are
 * what the page needs to draw (reports, one cell's text, a sheet's head, the copy's bytes), never the whole file
 * unless asked (`sheets`, for the report sections).
 */
export class FileWork {
  private file?: OpenedFile;

  constructor(private readonly read: (bytes: Uint8Array, name: string) => Promise<OpenedFile>) {}

  private opened(): OpenedFile {
    if (!this.file) throw new Error('No file is open');
    return this.file;
  }

  private sheet(name: string): Grid {
    const grid = this.opened().grids.find((g) => g.name === name);
    if (!grid) throw new Error(`No sheet named "${name}"`);
    return grid;
  }

  /** Answers one request; `progress` is told how far a long one is. */
  async handle(req: FileRequest, progress: (p: FileProgress) => void): Promise<unknown> {
    switch (req.op) {
      case 'open':
        progress({ phase: 'read' });
        this.file = await this.read(req.bytes, req.name);
        return this.file.grids.map((g) => g.name);
      case 'check': {
        const file = this.opened();
        await file.clearMarks();
        const reports: SheetReport[] = [];
        const total = file.grids.length;
        for (const [i, grid] of file.grids.entries()) {
          progress({ phase: 'check', done: i, total });
          const check = checkGrid(grid, req.settings, req.hints[grid.name]);
          await file.applyMarks(check.marks);
          reports.push(check.report);
        }
        progress({ phase: 'check', done: total, total });
        return reports;
      }
      case 'cell': {
        const grid = this.sheet(req.sheet);
        const { top, left } = parseRange(req.address);
        const r = top - (grid.startRow ?? 1);
        const c = left - (grid.startColumn ?? 1);
        return cellText(grid.values[r]?.[c] ?? null, grid.numberFormats?.[r]?.[c] ?? undefined);
      }
      case 'sheet':
        return req.rows === undefined ? this.sheet(req.name) : headOf(this.sheet(req.name), req.rows);
      case 'sheets':
        return this.opened().grids;
      case 'copy':
        progress({ phase: 'write' });
        return this.opened().markedCopy();
      case 'clear':
        await this.opened().clearMarks();
        return undefined;
    }
  }
}

/** A failure as data, with the sentences of an error that has them (file errors: `messageIn`). */
export function failureOf(e: unknown): FileFailure {
  const error = e instanceof Error ? e : new Error(String(e));
  const failure: FileFailure = { name: error.name, message: error.message };
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') failure.code = code;
  const localised = e as { messageIn?: (l: Locale) => string } | null;
  if (typeof localised?.messageIn === 'function') {
    const messages: Partial<Record<Locale, string>> = {};
    for (const l of LOCALES) messages[l] = localised.messageIn(l);
    failure.messages = messages;
  }
  return failure;
}

/** The worker's global scope, as far as the file's work uses it. */
export interface WorkerScope {
  onmessage: ((e: { data: FileMessage }) => void) | null;
  postMessage(message: FileReply, transfer: ArrayBuffer[]): void;
}

/** The buffer of bytes that own it whole (moved, not copied); a view into a larger buffer is copied. */
function movable(result: unknown): ArrayBuffer[] {
  if (!(result instanceof Uint8Array)) return [];
  const whole = result.byteOffset === 0 && result.byteLength === result.buffer.byteLength;
  return whole ? [result.buffer as ArrayBuffer] : [];
}

/** Serves the page's requests from a worker's scope, one after another; the copy's bytes are moved, not copied. */
export function serveFileWork(scope: WorkerScope, work: FileWork): void {
  let queue: Promise<unknown> = Promise.resolve();
  scope.onmessage = ({ data: { id, req } }) => {
    queue = queue.then(() =>
      work
        .handle(req, (progress) => scope.postMessage({ id, progress }, []))
        .then(
          (result) => scope.postMessage({ id, result }, movable(result)),
          (e: unknown) => scope.postMessage({ id, error: failureOf(e) }, []),
        ),
    );
  };
}

/** Thrown to a request that the person cancelled (its worker was ended). */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

/** A failure the worker reported, shown in the pane's language where it came with its sentences. */
export class FileWorkError extends Error {
  readonly code?: string;
  private readonly messages?: Partial<Record<Locale, string>>;

  constructor(failure: FileFailure) {
    super(failure.messages?.['zh-CN'] ?? failure.message);
    this.name = failure.name;
    this.code = failure.code;
    this.messages = failure.messages;
  }

  messageIn(locale: Locale): string {
    return this.messages?.[locale] ?? this.message;
  }
}

/** The worker itself died (it could not load, ran out of memory, or threw outside a request): `detail` says how. */
export class WorkerFailedError extends Error {
  override readonly name = 'WorkerFailedError';

  constructor(readonly detail: string) {
    super(`The file's worker failed: ${detail}`);
  }
}

/** The page's end of a worker: send, end, and hear its replies and its failures. */
export interface WorkerLink {
  post(message: FileMessage, transfer: ArrayBuffer[]): void;
  terminate(): void;
  listen(onReply: (reply: FileReply) => void, onFailure: (detail: string) => void): void;
}

/** Carries requests to the file's work and their answers back. */
export interface FileChannel {
  request(req: FileRequest, progress: (p: FileProgress) => void): Promise<unknown>;
  /** Ends the work at once: pending requests fail with `CancelledError`. */
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  progress(p: FileProgress): void;
}

/** Requests over a worker link, matched to their replies by id; a dead worker fails every pending request. */
export function workerChannel(link: WorkerLink): FileChannel {
  const pending = new Map<number, Pending>();
  let next = 1;
  let failed: WorkerFailedError | undefined;
  const failAll = (error: unknown) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  link.listen(
    (reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      if ('progress' in reply) p.progress(reply.progress);
      else {
        pending.delete(reply.id);
        if ('error' in reply) p.reject(new FileWorkError(reply.error));
        else p.resolve(reply.result);
      }
    },
    (detail) => {
      // A worker that failed once is not trusted with the next request either: it is ended.
      failed = new WorkerFailedError(detail);
      link.terminate();
      failAll(failed);
    },
  );
  return {
    request(req, progress) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, progress });
        try {
          link.post({ id, req }, req.op === 'open' ? [req.bytes.buffer as ArrayBuffer] : []);
        } catch (e) {
          pending.delete(id);
          reject(e);
        }
      });
    },
    close() {
      link.terminate();
      failAll(new CancelledError('cancelled'));
    },
  };
}

/**
 * The file's work in this thread, where no worker can start (a page opened from disk, an engine without workers):
 * the same messages, answered after the current task; it holds the page while it runs.
 */
export function inThreadLink(work: FileWork): WorkerLink {
  let ended = false;
  let onReply: ((reply: FileReply) => void) | undefined;
  const scope: WorkerScope = {
    onmessage: null,
    postMessage: (reply) => {
      if (!ended) onReply?.(reply);
    },
  };
  serveFileWork(scope, work);
  return {
    post: (message) => {
      void Promise.resolve().then(() => {
        if (!ended) scope.onmessage?.({ data: message });
      });
    },
    terminate: () => {
      ended = true;
    },
    listen: (reply) => {
      onReply = reply;
    },
  };
}

/** Where the page keeps small state (localStorage); absent, or throwing, in some sandboxed frames. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What a chosen file can do as the pane's workbook, wherever its grids are. */
export const FILE_CAPABILITIES: HostCapabilities = {
  host: 'file',
  notes: true,
  comments: false,
  rangeAreas: false,
  mergedAreas: true,
  charts: false,
  events: false,
};

/**
 * What every chosen file shares as the pane's workbook: the sheet shown, cell selections (shown as the cell's
 * text, there being no sheet on screen), state kept in the page's store by file name, no generated sheets, no
 * change events (the person chooses the file again after editing it).
 */
export abstract class ChosenFile {
  protected active = '';
  private readonly selectionListeners = new Set<(sheet: string, address: string) => void>();

  protected constructor(
    readonly fileName: string,
    private readonly store: KeyValueStore | undefined,
  ) {}

  /** The file's sheet names. */
  protected abstract sheetList(): readonly string[];

  capabilities(): HostCapabilities {
    return FILE_CAPABILITIES;
  }

  /** The sheet the pane shows. */
  async activeSheet(): Promise<string> {
    return this.active;
  }

  /** Chooses the sheet the pane shows. */
  setActiveSheet(name: string): void {
    if (this.sheetList().includes(name)) this.active = name;
  }

  /** There is no sheet on screen: the pane shows the cell's text instead. */
  async selectCell(sheet: string, address: string): Promise<void> {
    this.active = sheet;
    for (const l of this.selectionListeners) l(sheet, address);
  }

  /** Listens to cell selections (the standalone pane's cell preview). */
  onSelect(listener: (sheet: string, address: string) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  async writeSheet(_spec: SheetSpec): Promise<void> {
    throw new Error(
      'Generated sheets are written by the command line or in Excel, not in the standalone page',
    );
  }

  /** Settings are the person's (shared by every file); other state belongs to the file, by name. */
  private storageKey(key: string): string {
    return key === STATE_KEYS.settings ? key : `drc.file:${this.fileName}:${key}`;
  }

  async loadState(key: string): Promise<string | undefined> {
    try {
      return this.store?.getItem(this.storageKey(key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async saveState(key: string, value: string): Promise<void> {
    try {
      this.store?.setItem(this.storageKey(key), value);
    } catch {
      // A full or blocked storage only costs the remembered state; validation goes on.
    }
  }
}

/** How a long request reports its progress, and how the person stops it. */
export interface FileWorkOptions {
  progress?: (p: FileProgress) => void;
  /** Aborting ends the file's worker: the request fails with `CancelledError`; the next request starts a new one. */
  signal?: AbortSignal;
}

/** A chosen file behind the pane's port (the standalone page): its sheets are read and checked away from the page. */
export interface FilePort extends PaneWorkbookPort {
  readonly fileName: string;
  /** Checks every sheet; the marks stay with the file for the download. */
  check(
    settings: PaneSettings,
    hints: Record<string, SheetHint>,
    options?: FileWorkOptions,
  ): Promise<SheetReport[]>;
  /** The text of a cell as the sheet shows it. */
  cellText(sheet: string, address: string): Promise<string>;
  /** The first rows of a sheet (enough to find and correct its header). */
  head(sheet: string, rows?: number): Promise<Grid>;
  /** The file with the marks, as bytes to download. */
  markedCopy(options?: FileWorkOptions): Promise<Uint8Array>;
  setActiveSheet(name: string): void;
  /** Calls back when a cell is selected (there is no sheet on screen to show it). */
  onSelect(listener: (sheet: string, address: string) => void): () => void;
  /** Ends its work for good (another file is chosen). */
  close(): void;
}

/** Resolves in a later task of the event loop (after what is queued: input, drawing). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Rows of a sheet's head: the header correction looks for the header in them. */
const HEAD_ROWS = 60;

/**
 * A chosen file as the standalone pane's workbook. Its work runs in a worker (`connect` starts one); the page keeps
 * the bytes as they were chosen (the worker gets a copy: the file itself is never changed), the reports, and
 * asks for a cell's text or a sheet's head when it needs one. A cancelled request ends the worker; the next
 * request starts another, which reads the file again and repeats the last finished check, so the download still
 * carries the marks of the results on screen.
 */
export class FileSession extends ChosenFile implements FilePort {
  private names: string[] = [];
  private channel?: FileChannel;
  private ready?: Promise<FileChannel>;
  /** The last check that finished: a new worker repeats it. */
  private checked?: { settings: PaneSettings; hints: Record<string, SheetHint> };

  private constructor(
    fileName: string,
    private readonly bytes: Uint8Array,
    private readonly connect: () => WorkerLink,
    store: KeyValueStore | undefined,
  ) {
    super(fileName, store);
  }

  /** Reads a chosen file in a new worker; fails with the file's error (a `FileWorkError` with its sentences). */
  static async open(
    bytes: Uint8Array,
    fileName: string,
    connect: () => WorkerLink,
    store: KeyValueStore | undefined,
    options: FileWorkOptions = {},
  ): Promise<FileSession> {
    const session = new FileSession(fileName, bytes, connect, store);
    await session.worker(options);
    return session;
  }

  protected sheetList(): readonly string[] {
    return this.names;
  }

  /** The running worker, or a new one that has read the file (and checked it again, after a cancel). */
  private worker(options: FileWorkOptions): Promise<FileChannel> {
    if (!this.ready) {
      const channel = workerChannel(this.connect());
      this.channel = channel;
      this.ready = (async () => {
        // A copy moves to the worker: the chosen bytes stay as they were.
        const bytes = this.bytes.slice();
        this.names = (await this.send(
          channel,
          { op: 'open', bytes, name: this.fileName },
          options,
        )) as string[];
        if (!this.names.includes(this.active)) this.active = this.names[0] ?? '';
        if (this.checked) await this.send(channel, { op: 'check', ...this.checked }, options);
        return channel;
      })();
      this.ready.catch(() => this.end(channel));
    }
    return this.ready;
  }

  /** Ends a worker; the next request starts a new one. */
  private end(channel: FileChannel): void {
    channel.close();
    if (this.channel !== channel) return;
    this.channel = undefined;
    this.ready = undefined;
  }

  private send(
    channel: FileChannel,
    req: FileRequest,
    { progress, signal }: FileWorkOptions,
  ): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(new CancelledError('cancelled'));
    const abort = () => this.end(channel);
    signal?.addEventListener('abort', abort, { once: true });
    return channel
      .request(req, progress ?? (() => undefined))
      .catch((e: unknown) => {
        // A dead worker is replaced by the next request.
        if (e instanceof WorkerFailedError) this.end(channel);
        throw e;
      })
      .finally(() => signal?.removeEventListener('abort', abort));
  }

  private async ask(req: FileRequest, options: FileWorkOptions = {}): Promise<unknown> {
    if (options.signal?.aborted) throw new CancelledError('cancelled');
    return this.send(await this.worker(options), req, options);
  }

  async check(
    settings: PaneSettings,
    hints: Record<string, SheetHint>,
    options?: FileWorkOptions,
  ): Promise<SheetReport[]> {
    const reports = (await this.ask({ op: 'check', settings, hints }, options)) as SheetReport[];
    this.checked = { settings, hints };
    // Unpacking thousands of issues is one task of the page; drawing them starts the next, so neither is long.
    await nextTask();
    return reports;
  }

  async cellText(sheet: string, address: string): Promise<string> {
    return (await this.ask({ op: 'cell', sheet, address })) as string;
  }

  async head(sheet: string, rows = HEAD_ROWS): Promise<Grid> {
    return (await this.ask({ op: 'sheet', name: sheet, rows })) as Grid;
  }

  async markedCopy(options?: FileWorkOptions): Promise<Uint8Array> {
    return (await this.ask({ op: 'copy' }, options)) as Uint8Array;
  }

  /** Every sheet's grid, copied to the page (the report sections reading the chosen file as a workbook). */
  async readSheets(): Promise<Grid[]> {
    return (await this.ask({ op: 'sheets' })) as Grid[];
  }

  async readSheet(name: string): Promise<Grid> {
    return (await this.ask({ op: 'sheet', name })) as Grid;
  }

  /** Marks come from `check`, made beside the grids. */
  async applyMarks(_marks: CellMark[]): Promise<void> {
    throw new Error('A chosen file is marked by its check');
  }

  async remarkRows(_sheet: string, _rows: readonly number[], _marks: CellMark[]): Promise<void> {
    throw new Error('A chosen file has no change events');
  }

  /** The download's marks go; the chosen file was never changed. */
  async clearMarks(): Promise<void> {
    this.checked = undefined;
    await this.ask({ op: 'clear' });
  }

  /** Ends the worker for good (the page chose another file, or goes). */
  close(): void {
    if (this.channel) this.end(this.channel);
  }
}
