import { CHUNK_CHARS, CHUNK_TAG } from '../../src/hosts/record-chunks';
import { type RecordCells, type RecordColumn, RecordSheet } from '../../src/hosts/record-store';

/** A record sheet in memory, as a host's cells: every call logged; values read come back only after `sync`. */
class MemoryCells implements RecordCells {
  readonly cells = new Map<string, unknown>();
  readonly log: string[] = [];
  private pending: Array<() => void> = [];

  constructor(private readonly prefix = '') {}

  read(column: RecordColumn, first: number, last: number): () => readonly unknown[][] {
    this.log.push(`read ${column}${first}:${column}${last}`);
    let rows: unknown[][] | undefined;
    this.pending.push(() => {
      rows = [];
      for (let r = first; r <= last; r++) rows.push([this.cells.get(`${column}${r}`) ?? null]);
    });
    return () => {
      if (!rows) throw new Error('read before the sync');
      return rows;
    };
  }

  write(column: RecordColumn, first: number, texts: readonly string[]): void {
    this.log.push(`write ${column}${first}:${column}${first + texts.length - 1}`);
    texts.forEach((t, i) => this.cells.set(`${column}${first + i}`, this.prefix + t));
  }

  clear(column: RecordColumn, first: number, last: number): void {
    this.log.push(`clear ${column}${first}:${column}${last}`);
    for (let r = first; r <= last; r++) this.cells.delete(`${column}${r}`);
  }

  sync(): void {
    for (const f of this.pending.splice(0)) f();
  }
}

interface Rec {
  r: number;
  note: string;
}

const ABOUT = 'test record';

/** Reads the whole record back as a host does: the meta, a sync, the marks, a sync. */
function readBack(cells: MemoryCells): { chunks: number; marks: Rec[] } {
  const sheet = new RecordSheet<Rec>(cells, ABOUT);
  const meta = sheet.meta();
  cells.sync();
  const store = sheet.marks(meta());
  cells.sync();
  const { meta: m, marks } = store();
  return { chunks: m.chunks, marks };
}

describe('the record sheet, the same for every host', () => {
  // A record of n marks whose notes are long enough to need several chunk cells.
  const marks = (n: number, noteChars = 20_000): Rec[] =>
    Array.from({ length: n }, (_, i) => ({ r: i + 2, note: '缺'.repeat(noteChars) }));

  test.each<[string, Rec[], number]>([
    ['one small mark: one chunk', [{ r: 5, note: '应填写' }], 1],
    ['marks longer than a cell holds: several chunks', marks(4), Math.ceil((4 * 20_030) / CHUNK_CHARS)],
    ['no mark: no chunk', [], 0],
  ])('%s, read back the same', (_, recs, chunks) => {
    const cells = new MemoryCells();
    const sheet = new RecordSheet<Rec>(cells, ABOUT);
    const store = { ...sheet.empty(), marks: recs };
    sheet.writeMarks(store, 0);
    expect(store.meta.chunks).toBe(chunks);
    // The meta cell is written last, and every chunk cell starts with the tag (never a number or a formula).
    expect(cells.log[cells.log.length - 1]).toBe('write B1:B1');
    for (const v of cells.cells.values()) expect(String(v).startsWith(CHUNK_TAG)).toBe(true);
    expect(readBack(cells)).toEqual({ chunks, marks: recs });
  });

  test('a shorter record empties the chunk cells the old one used past it', () => {
    const cells = new MemoryCells();
    const sheet = new RecordSheet<Rec>(cells, ABOUT);
    const big = { ...sheet.empty(), marks: marks(6) };
    sheet.writeMarks(big, 0);
    const before = big.meta.chunks;
    expect(before).toBeGreaterThan(2);
    cells.log.length = 0;
    const small = { ...sheet.empty(), marks: [{ r: 9, note: '日期格式' }] };
    sheet.writeMarks(small, before);
    expect(cells.log).toEqual([`clear A2:A${before}`, 'write A1:A1', 'write B1:B1']);
    expect(readBack(cells)).toEqual({ chunks: 1, marks: small.marks });
    // No mark left: every chunk cell emptied, nothing written to column A.
    cells.log.length = 0;
    sheet.writeMarks({ ...sheet.empty(), marks: [] }, 1);
    expect(cells.log).toEqual(['clear A1:A1', 'write B1:B1']);
    expect(readBack(cells)).toEqual({ chunks: 0, marks: [] });
  });

  test('a record with no chunk is read without asking for column A', () => {
    const cells = new MemoryCells();
    const sheet = new RecordSheet<Rec>(cells, ABOUT);
    sheet.writeMarks({ ...sheet.empty(), marks: [] }, 0);
    cells.log.length = 0;
    expect(readBack(cells).marks).toEqual([]);
    expect(cells.log).toEqual(['read B1:B1']);
  });

  test.each<[string, unknown]>([
    ['an empty meta cell', null],
    ['a number', 42],
    ['text without the tag', '{"chunks":3}'],
    ['a cut-off meta', `${CHUNK_TAG}{"chunks":`],
  ])('%s reads as an empty record, not as an error', (_, value) => {
    const cells = new MemoryCells();
    cells.cells.set('B1', value);
    cells.cells.set('A1', `${CHUNK_TAG}[{"r":1,"note":"x"}]`);
    const sheet = new RecordSheet<Rec>(cells, ABOUT);
    const meta = sheet.meta();
    cells.sync();
    expect(meta()).toEqual(sheet.empty().meta);
    expect(readBack(cells)).toEqual({ chunks: 0, marks: [] });
  });

  test('cells a host hands back with its text prefix (an apostrophe) read the same', () => {
    const cells = new MemoryCells("'");
    const sheet = new RecordSheet<Rec>(cells, ABOUT);
    const recs = marks(3);
    sheet.writeMarks({ ...sheet.empty(), marks: recs }, 0);
    expect(readBack(cells).marks).toEqual(recs);
  });

  test('the pane state has its own column and count, and leaves the marks as they are', () => {
    const cells = new MemoryCells();
    const sheet = new RecordSheet<Rec>(cells, ABOUT);
    const recs = [{ r: 3, note: '必填' }];
    sheet.writeMarks({ ...sheet.empty(), marks: recs }, 0);
    const read = () => {
      const meta = sheet.meta();
      cells.sync();
      const state = sheet.state(meta());
      cells.sync();
      return { meta: meta(), state: state() };
    };
    const { meta } = read();
    sheet.writeState(meta, { 'drc.result': '{"n":1}', big: '况'.repeat(40_000) });
    expect(meta.stateChunks).toBe(2);
    expect(read().state).toEqual({ 'drc.result': '{"n":1}', big: '况'.repeat(40_000) });
    expect(readBack(cells).marks).toEqual(recs);
    cells.log.length = 0;
    const now = read().meta;
    cells.log.length = 0;
    sheet.writeState(now, {});
    expect(cells.log).toEqual(['clear C1:C2', 'write B1:B1']);
    expect(read()).toEqual({ meta: { ...now, stateChunks: 0 }, state: {} });
    expect(readBack(cells).marks).toEqual(recs);
  });
});
