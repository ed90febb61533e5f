import type { Grid } from '../../../src/core/grid';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import type {
  CellMark,
  HostCapabilities,
  PaneWorkbookPort,
  RowsChanged,
} from '../../../src/core/workbook-port';
import type { KeyValueStore } from '../../../src/app/file-session';

/** A pane port in memory: grids, marks per cell, state, and a log of the calls, for the pane's flow tests. */
export class MemoryPort implements PaneWorkbookPort {
  readonly marks = new Map<string, CellMark>();
  readonly state = new Map<string, string>();
  readonly calls: string[] = [];
  /** Generated sheets written, in the order they were written. */
  readonly written: SheetSpec[] = [];
  selection?: { sheet: string; address: string };
  private listener?: (change: RowsChanged) => void;

  constructor(
    public grids: Grid[],
    public active = grids[0]?.name ?? '',
  ) {}

  capabilities(): HostCapabilities {
    return {
      host: 'excel',
      notes: true,
      comments: true,
      rangeAreas: true,
      mergedAreas: true,
      charts: false,
      events: true,
    };
  }
  async activeSheet(): Promise<string> {
    return this.active;
  }
  async readSheets(): Promise<Grid[]> {
    return this.grids;
  }
  async readSheet(name: string): Promise<Grid> {
    this.calls.push(`readSheet ${name}`);
    const g = this.grids.find((x) => x.name === name);
    if (!g) throw new Error(`no sheet ${name}`);
    return g;
  }
  async selectCell(sheet: string, address: string): Promise<void> {
    this.selection = { sheet, address };
  }
  async writeSheet(spec: SheetSpec): Promise<void> {
    this.calls.push('writeSheet');
    this.written.push(spec);
  }
  async applyMarks(marks: CellMark[]): Promise<void> {
    this.calls.push(`applyMarks ${marks.length}`);
    for (const m of marks) this.marks.set(`${m.sheet}!${m.row}:${m.column}`, m);
  }
  async remarkRows(sheet: string, rows: readonly number[], marks: CellMark[]): Promise<void> {
    this.calls.push(`remarkRows ${rows.length} ${marks.length}`);
    const set = new Set(rows);
    for (const [k, m] of this.marks) if (m.sheet === sheet && set.has(m.row)) this.marks.delete(k);
    for (const m of marks) this.marks.set(`${m.sheet}!${m.row}:${m.column}`, m);
  }
  async clearMarks(): Promise<void> {
    this.calls.push('clearMarks');
    this.marks.clear();
  }
  async onRowsChanged(listener: (change: RowsChanged) => void): Promise<() => void> {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  /** Simulates an edit reported by the host. */
  edit(change: RowsChanged): void {
    this.listener?.(change);
  }
  async loadState(key: string): Promise<string | undefined> {
    return this.state.get(key);
  }
  async saveState(key: string, value: string): Promise<void> {
    this.state.set(key, value);
  }
  /** The marked cells as `sheet!row:column` keys, sorted. */
  markedCells(): string[] {
    return [...this.marks.keys()].sort();
  }
}

/** The browser's storage in memory. */
export class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}
