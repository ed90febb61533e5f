import type { Grid } from '../../core/grid';
import type { SheetSpec } from '../../core/sheet-spec';
import { WorkbookReadError } from '../../hosts/xlsx/errors';
import { readXlsxGrids } from '../../hosts/xlsx/fast-reader';
import { readError } from '../../hosts/xlsx/read-error';
import { extensionOf, hasEncryptionInfo, sniff, stemOf } from '../../hosts/xlsx/sniff';
import type { CellMark, HostCapabilities, PaneWorkbookPort } from '../../core/workbook-port';
import { STATE_KEYS } from '../../app/check-flow';

/** Extensions read as .xlsx packages (macro-enabled and templates are the same package). */
const ZIP_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
/** Extensions that open-workbook turns into precise messages (old binary formats, text). */
const OTHER_EXTENSIONS = new Set(['.xls', '.xlt', '.et', '.ett', '.csv', '.tsv', '.txt']);

/** Where the browser keeps small state; absent (or throwing) in some sandboxed frames. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

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

/**
 * Reads a chosen file into grids. An .xlsx goes through the small fflate reader (no exceljs); CSV, TSV and the
 * formats that only get an explanation (.xls, encrypted files) load the exceljs-based adapter on demand.
 */
export async function readFileGrids(bytes: Uint8Array, fileName: string): Promise<Grid[]> {
  const ext = extensionOf(fileName);
  if (!ZIP_EXTENSIONS.has(ext) && !OTHER_EXTENSIONS.has(ext)) {
    throw new WorkbookReadError('file/unsupported', fileName, { ext: ext || '?' });
  }
  const kind = sniff(bytes);
  if (kind === 'empty') throw new WorkbookReadError('file/empty', fileName);
  if (kind === 'cfb')
    throw new WorkbookReadError(hasEncryptionInfo(bytes) ? 'file/encrypted' : 'file/legacy-xls', fileName);
  if (kind === 'zip') {
    try {
      const grids = readXlsxGrids(bytes);
      if (grids.length === 0) throw new WorkbookReadError('file/corrupt', fileName);
      return grids;
    } catch (cause) {
      throw cause instanceof WorkbookReadError ? cause : readError(cause, fileName);
    }
  }
  const { openWorkbook } = await import(
    /* webpackChunkName: "xlsx-adapter" */ '../../hosts/xlsx/open-workbook'
  );
  const workbook = await openWorkbook(bytes, fileName);
  return workbook.readSheets();
}

/** The name of the marked copy: the file's stem, a suffix, `.xlsx` (a CSV's copy is a workbook too). */
export function markedCopyName(fileName: string, suffix: string): string {
  return `${stemOf(fileName)}${suffix}.xlsx`;
}

/**
 * A chosen file as the pane's workbook, in the browser: grids in memory, marks kept as a list and written into a
 * copy on download (exceljs loaded only then), state in localStorage. Selecting a cell shows it in the pane.
 */
export class FilePanePort implements PaneWorkbookPort {
  private marks = new Map<string, CellMark>();
  private active: string;
  private readonly selectionListeners = new Set<(sheet: string, address: string) => void>();

  constructor(
    readonly fileName: string,
    private readonly bytes: Uint8Array,
    readonly grids: readonly Grid[],
    private readonly store: KeyValueStore | undefined = browserStore(),
  ) {
    this.active = grids[0]?.name ?? '';
  }

  /** Reads a chosen file; throws a `WorkbookReadError` that says why it cannot be read. */
  static async open(bytes: Uint8Array, fileName: string, store?: KeyValueStore): Promise<FilePanePort> {
    return new FilePanePort(fileName, bytes, await readFileGrids(bytes, fileName), store ?? browserStore());
  }

  capabilities(): HostCapabilities {
    return {
      host: 'file',
      notes: true,
      comments: false,
      rangeAreas: false,
      mergedAreas: true,
      charts: false,
      events: false,
    };
  }

  /** The sheet the pane shows. */
  async activeSheet(): Promise<string> {
    return this.active;
  }

  /** Chooses the sheet the pane shows. */
  setActiveSheet(name: string): void {
    if (this.grids.some((g) => g.name === name)) this.active = name;
  }

  async readSheets(): Promise<Grid[]> {
    return [...this.grids];
  }

  async readSheet(name: string): Promise<Grid> {
    const grid = this.grids.find((g) => g.name === name);
    if (!grid) throw new Error(`No sheet named "${name}"`);
    return grid;
  }

  /** There is no grid on screen: the pane shows the cell's value instead. */
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

  // Files have no change events (no onRowsChanged): the person chooses the file again after editing it.

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

  /** The file with the marks written in, as .xlsx bytes; exceljs is fetched only now. */
  async markedCopy(): Promise<Uint8Array> {
    const { openWorkbook } = await import(
      /* webpackChunkName: "xlsx-adapter" */ '../../hosts/xlsx/open-workbook'
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
