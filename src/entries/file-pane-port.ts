import type { Grid } from '../core/grid';
import type { CellMark, PaneWorkbookPort } from '../core/workbook-port';
import { STATE_KEYS } from '../app/check-flow';
import { ChosenFile, type KeyValueStore, type OpenedFile } from '../app/file-session';
import { readFileGrids } from '../hosts/xlsx/read-file-grids';
import { stemOf } from '../hosts/xlsx/sniff';

/** The browser's localStorage when it can be used. */
export function browserStore(): KeyValueStore | undefined {
  try {
    const s = globalThis.localStorage;
    const probe = '__drc_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return undefined;
  }
}

/** The name of the marked copy: the file's stem, a suffix, `.xlsx` (a CSV's copy is a workbook too). */
export function markedCopyName(fileName: string, suffix: string): string {
  return `${stemOf(fileName)}${suffix}.xlsx`;
}

/**
 * A chosen file as the pane's workbook, in memory: grids, marks kept as a list and written into a copy on download
 * (exceljs loaded only then). The standalone page keeps it in its Web Worker (`FileWork`).
 */
export class FilePanePort extends ChosenFile implements PaneWorkbookPort, OpenedFile {
  private marks = new Map<string, CellMark>();

  constructor(
    fileName: string,
    private readonly bytes: Uint8Array,
    readonly grids: readonly Grid[],
    store: KeyValueStore | undefined = browserStore(),
  ) {
    super(fileName, store);
    this.active = grids[0]?.name ?? '';
  }

  /** Reads a chosen file; throws a `WorkbookReadError` that says why it cannot be read. */
  static async open(bytes: Uint8Array, fileName: string, store?: KeyValueStore): Promise<FilePanePort> {
    return new FilePanePort(fileName, bytes, await readFileGrids(bytes, fileName), store ?? browserStore());
  }

  protected sheetList(): readonly string[] {
    return this.grids.map((g) => g.name);
  }

  async readSheets(): Promise<Grid[]> {
    return [...this.grids];
  }

  async readSheet(name: string): Promise<Grid> {
    const grid = this.grids.find((g) => g.name === name);
    if (!grid) throw new Error(`No sheet named "${name}"`);
    return grid;
  }

  async applyMarks(marks: CellMark[]): Promise<void> {
    for (const m of marks) this.marks.set(markKey(m), m);
  }

  async remarkRows(sheet: string, rows: readonly number[], marks: CellMark[]): Promise<void> {
    const set = new Set(rows);
    for (const [k, m] of this.marks) if (m.sheet === sheet && set.has(m.row)) this.marks.delete(k);
    await this.applyMarks(marks);
  }

  async clearMarks(): Promise<void> {
    this.marks.clear();
  }

  /** The marks that a download would write. */
  currentMarks(): CellMark[] {
    return [...this.marks.values()];
  }

  /** The file with the marks written in, as .xlsx bytes; exceljs is fetched only now. */
  async markedCopy(): Promise<Uint8Array> {
    const { openWorkbook } = await import(
      /* webpackChunkName: "xlsx-adapter" */ '../hosts/xlsx/open-workbook'
    );
    const workbook = await openWorkbook(this.bytes, this.fileName);
    await workbook.applyMarks(this.currentMarks());
    return workbook.toBuffer();
  }
}

function markKey(m: CellMark): string {
  return `${m.sheet}\u0001${m.row}\u0001${m.column}`;
}

/** Settings-only state for the page before a file is chosen (localStorage, or nothing). */
export function pageSettingsStore(store: KeyValueStore | undefined = browserStore()): {
  load(): string | undefined;
  save(value: string): void;
} {
  return {
    load: () => {
      try {
        return store?.getItem(STATE_KEYS.settings) ?? undefined;
      } catch {
        return undefined;
      }
    },
    save: (value) => {
      try {
        store?.setItem(STATE_KEYS.settings, value);
      } catch {
        // see saveState
      }
    },
  };
}
