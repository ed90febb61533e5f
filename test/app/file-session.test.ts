import ExcelJS from 'exceljs';
import { MARK_COLOURS } from '../../src/core/workbook-port';
import {
  CancelledError,
  type FileMessage,
  type FileProgress,
  type FileReply,
  FileSession,
  FileWork,
  FileWorkError,
  headOf,
  serveFileWork,
  type WorkerLink,
  WorkerFailedError,
  type WorkerScope,
} from '../../src/app/file-session';
import { defaultPaneSettings } from '../../src/app/pane-settings';
import { FilePanePort } from '../../src/entries/file-pane-port';
import { exampleBytes, MARKET_LIST } from '../taskpane/helpers/examples';
import { MemoryStore } from '../taskpane/helpers/memory-port';

// The chosen file's work as the standalone page runs it: FileWork behind a stand-in for a Web Worker whose messages
// are structured clones that move their transferred buffers, as they do between threads.
const SHEET = '检查实施清单';
const ZH = defaultPaneSettings('zh-CN');

/** Workers started so far, each with the requests it received (by op) and a way to make it fail. */
interface FakeWorker {
  ops: string[];
  ended: boolean;
  crash(detail: string): void;
}

function workers() {
  const started: FakeWorker[] = [];
  const connect = (): WorkerLink => {
    const work = new FileWork((bytes, name) => FilePanePort.open(bytes, name, new MemoryStore()));
    const w: FakeWorker = { ops: [], ended: false, crash: () => undefined };
    let onReply: ((r: FileReply) => void) | undefined;
    const scope: WorkerScope = {
      onmessage: null,
      postMessage: (reply, transfer) => {
        const copy = structuredClone(reply, { transfer });
        setImmediate(() => !w.ended && onReply?.(copy));
      },
    };
    serveFileWork(scope, work);
    started.push(w);
    return {
      post: (message: FileMessage, transfer) => {
        const copy = structuredClone(message, { transfer });
        w.ops.push(copy.req.op);
        setImmediate(() => !w.ended && scope.onmessage?.({ data: copy }));
      },
      terminate: () => {
        w.ended = true;
      },
      listen: (reply, failure) => {
        onReply = reply;
        w.crash = failure;
      },
    };
  };
  return { started, connect };
}

async function fillOf(copy: Uint8Array, address: string): Promise<string | undefined> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(copy as unknown as ArrayBuffer);
  return (workbook.getWorksheet(SHEET)!.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor
    ?.argb;
}

describe('the chosen file, worked on in a worker', () => {
  it('reads, checks every sheet with progress, answers a cell and a head, and writes the marked copy', async () => {
    const { started, connect } = workers();
    const bytes = exampleBytes(MARKET_LIST);
    const original = bytes.slice();
    const steps: FileProgress[] = [];
    const session = await FileSession.open(bytes, MARKET_LIST, connect, new MemoryStore(), {
      progress: (p) => steps.push(p),
    });
    expect(steps).toEqual([{ phase: 'read' }]);
    const reports = await session.check(ZH, {}, { progress: (p) => steps.push(p) });
    expect(reports.map((r) => r.name)).toEqual([SHEET, '填表说明']);
    expect(steps.slice(1)).toEqual([
      { phase: 'check', done: 0, total: 2 },
      { phase: 'check', done: 1, total: 2 },
      { phase: 'check', done: 2, total: 2 },
    ]);
    expect(reports[0]!.issues.map((i) => `${i.row}:${i.column}`)).toContain('7:9');
    expect(await session.cellText(SHEET, 'I7')).toBe('150%');
    const head = await session.head(SHEET, 5);
    expect(head.values).toHaveLength(5);
    expect(await session.activeSheet()).toBe(SHEET);

    const write: FileProgress[] = [];
    const copy = await session.markedCopy({ progress: (p) => write.push(p) });
    expect(write).toEqual([{ phase: 'write' }]);
    expect(await fillOf(copy, 'I7')).toBe(MARK_COLOURS.error);
    // The file as chosen: its bytes are still the page's and unchanged (the worker was sent a copy).
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(original))).toBe(0);

    // 清空结果: the download has no marks any more.
    await session.clearMarks();
    expect(await fillOf(await session.markedCopy(), 'I7')).not.toBe(MARK_COLOURS.error);
    expect(started).toHaveLength(1);
    expect(started[0]!.ops).toEqual(['open', 'check', 'cell', 'sheet', 'copy', 'clear', 'copy']);
  });

  it('a file error crosses with its sentences in both locales', async () => {
    const { connect, started } = workers();
    const error = await FileSession.open(new Uint8Array(), '空.xlsx', connect, undefined).catch((e) => e);
    expect(error).toBeInstanceOf(FileWorkError);
    expect(error.code).toBe('file/empty');
    expect(error.messageIn('zh-CN')).toMatch(/空/);
    expect(error.messageIn('en-US')).toMatch(/empty/i);
    // The failed worker is ended.
    expect(started[0]!.ended).toBe(true);
  });

  it('cancel ends the worker at once; the next request reads the file again and repeats the last check', async () => {
    const { started, connect } = workers();
    const bytes = exampleBytes(MARKET_LIST);
    const original = bytes.slice();
    const session = await FileSession.open(bytes, MARKET_LIST, connect, undefined);
    await session.check(ZH, {});

    // 取消 while the copy is written (at its first progress).
    const abort = new AbortController();
    const cancelled = session.markedCopy({ signal: abort.signal, progress: () => abort.abort() });
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
    expect(started[0]!.ended).toBe(true);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(original))).toBe(0);

    // A check cancelled before it starts changes nothing: the marks of the last finished one come back.
    const before = new AbortController();
    before.abort();
    await expect(
      session.check({ ...ZH, maxPerYear: 1 }, {}, { signal: before.signal }),
    ).rejects.toBeInstanceOf(CancelledError);
    const copy = await session.markedCopy();
    expect(await fillOf(copy, 'I7')).toBe(MARK_COLOURS.error);
    expect(started).toHaveLength(2);
    expect(started[1]!.ops).toEqual(['open', 'check', 'copy']);
  });

  it('a worker that dies fails the request with what happened, and the next request starts another', async () => {
    const { started, connect } = workers();
    const session = await FileSession.open(exampleBytes(MARKET_LIST), MARKET_LIST, connect, undefined);
    const pending = session.check(ZH, {});
    started[0]!.crash('Uncaught RangeError: Array buffer allocation failed');
    const error = await pending.catch((e) => e);
    expect(error).toBeInstanceOf(WorkerFailedError);
    expect(error.detail).toBe('Uncaught RangeError: Array buffer allocation failed');
    expect(started[0]!.ended).toBe(true);
    expect((await session.check(ZH, {}))[0]!.name).toBe(SHEET);
    expect(started).toHaveLength(2);
  });

  it('the head of a sheet keeps its first rows and the merges that start in them', () => {
    const grid = {
      name: 's',
      startRow: 3,
      values: [['a'], ['b'], ['c'], ['d']],
      merges: [
        { top: 3, left: 1, bottom: 3, right: 2 },
        { top: 6, left: 1, bottom: 6, right: 2 },
      ],
    };
    expect(headOf(grid, 2)).toMatchObject({ values: [['a'], ['b']], merges: [grid.merges[0]] });
  });
});
