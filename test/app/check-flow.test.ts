import { MARK_COLOURS } from '../../src/core/workbook-port';
import {
  changedMarkRows,
  checkGrid,
  clearAllMarks,
  loadPaneState,
  MAX_STORED_ISSUES,
  parseHints,
  parseStoredResult,
  recheck,
  STATE_KEYS,
  validateActiveSheet,
  withSheet,
} from '../../src/app/check-flow';
import { defaultPaneSettings } from '../../src/app/pane-settings';
import { cloneGrid, exampleGrids } from '../taskpane/helpers/examples';
import { MemoryPort } from '../taskpane/helpers/memory-port';

const ZH = defaultPaneSettings('zh-CN');

describe('checkGrid', () => {
  it('validates a sheet and gives one mark per flagged cell', () => {
    const [grid] = exampleGrids();
    const { report, marks } = checkGrid(grid!, ZH);
    expect(report.kind).toBe('checklist');
    expect(report.headerRow).toBe(4);
    const cells = marks.map((m) => `${m.row}:${m.column}:${m.severity}`).sort();
    expect(cells).toEqual([
      '10:9:warning',
      '11:2:error',
      '13:9:error',
      '5:5:error',
      '7:9:error',
      '8:12:error',
      '8:3:error',
      '9:10:warning',
      '9:14:error',
      '9:9:warning',
    ]);
    expect(marks.find((m) => m.row === 7)?.note).toMatch(/^\[错误\] /);
    expect(MARK_COLOURS[marks[0]!.severity]).toMatch(/^FF/);
  });

  it('applies the thresholds of the settings', () => {
    const [grid] = exampleGrids();
    const strict = checkGrid(grid!, { ...ZH, maxPerYear: 2 }).report.issues.filter(
      (i) => i.code === 'frequency/too-frequent',
    );
    const loose = checkGrid(grid!, { ...ZH, maxPerYear: 100 }).report.issues.filter(
      (i) => i.code === 'frequency/too-frequent',
    );
    expect(strict.length).toBeGreaterThan(loose.length);
    expect(loose.map((i) => i.row)).toEqual([]);
  });

  it('writes notes in the pane language', () => {
    const [grid] = exampleGrids();
    const { marks } = checkGrid(grid!, { ...ZH, locale: 'en-US' });
    expect(marks.find((m) => m.row === 7)?.note).toMatch(/^\[Error\] Ratio out of range/);
  });
});

describe('the ribbon commands and the pane share one flow', () => {
  it('validates the active sheet, marks it and keeps the result', async () => {
    const port = new MemoryPort(exampleGrids());
    const report = await validateActiveSheet(port, ZH);
    expect(report.issues).toHaveLength(10);
    expect(port.markedCells()).toHaveLength(10);
    expect(port.calls).toContain('remarkRows 16 10');
    const stored = parseStoredResult(port.state.get(STATE_KEYS.result));
    expect(stored?.last).toBe('检查实施清单');
    expect(stored?.sheets['检查实施清单']!.marked).toBe(true);
  });

  it('re-marks the whole sheet on a second validation, so fixed cells lose their marks', async () => {
    const grids = exampleGrids().map(cloneGrid);
    const port = new MemoryPort(grids);
    await validateActiveSheet(port, ZH);
    grids[0]!.values[6]![8] = '15%'; // I7 fixed
    await validateActiveSheet(port, ZH);
    expect(port.calls.filter((c) => c.startsWith('remarkRows'))).toHaveLength(2);
    expect(port.markedCells()).not.toContain('检查实施清单!7:9');
    expect(port.markedCells()).toHaveLength(9);
  });

  it('uses the saved settings and header corrections', async () => {
    const port = new MemoryPort(exampleGrids());
    await port.saveState(STATE_KEYS.settings, JSON.stringify({ ...ZH, maxPerYear: 100 }));
    // The person maps 检查频次 to column K (是否属于市场监管领域): 是 is no frequency.
    await port.saveState(STATE_KEYS.hints, JSON.stringify({ 检查实施清单: { columns: { frequency: 11 } } }));
    const report = await validateActiveSheet(port, ZH);
    expect(report.columns.frequency).toBe('K');
    expect(report.issues.some((i) => i.code === 'frequency/too-frequent')).toBe(false);
    expect(report.issues.some((i) => i.field === 'frequency' && i.column === 11)).toBe(true);
  });

  it('clears every mark and remembers that nothing is marked', async () => {
    const port = new MemoryPort(exampleGrids());
    await validateActiveSheet(port, ZH);
    const { stored } = await clearAllMarks(port);
    expect(port.markedCells()).toEqual([]);
    expect(stored?.sheets['检查实施清单']!.marked).toBe(false);
    expect(stored?.sheets['检查实施清单']!.report.issues).toHaveLength(10);
    await validateActiveSheet(port, ZH);
    expect(port.markedCells()).toHaveLength(10);
  });

  it('leaves a sheet without problems untouched when nothing was marked before', async () => {
    const grids = exampleGrids();
    const port = new MemoryPort(grids, '填表说明');
    await validateActiveSheet(port, ZH);
    expect(port.calls.filter((c) => /^(remarkRows|applyMarks)/.test(c))).toEqual([]);
  });

  it('loads defaults when nothing or garbage was saved', async () => {
    const port = new MemoryPort(exampleGrids());
    port.state.set(STATE_KEYS.result, '{not json');
    port.state.set(STATE_KEYS.hints, '[1,2]');
    const state = await loadPaneState(port, ZH);
    expect(state.result).toBeUndefined();
    expect(state.hints).toEqual({});
    expect(state.settings).toEqual(ZH);
  });
});

describe('live re-validation', () => {
  it('re-marks the edited rows and the rows whose marks change elsewhere', () => {
    const grid = cloneGrid(exampleGrids()[0]!);
    const before = checkGrid(grid, ZH);
    // Row 12 becomes a copy of row 6 (a duplicate item); row 7's ratio is fixed.
    grid.values[11] = [8, ...grid.values[5]!.slice(1)];
    grid.values[6]![8] = '10%';
    const result = recheck(grid, ZH, undefined, before.report, [7, 12]);
    expect(result.rows).toEqual([7, 12]);
    expect(result.marks.map((m) => `${m.row}:${m.column}`)).toEqual(['12:2']);
    expect(result.check.report.issues.some((i) => i.row === 7 && i.column === 9)).toBe(false);
  });

  it('finds marks that change on rows nobody edited', () => {
    const grid = cloneGrid(exampleGrids()[0]!);
    const before = checkGrid(grid, ZH);
    // Renaming row 5's item removes the duplicate reported on row 11.
    grid.values[4]![1] = '食品生产企业日常检查';
    const result = recheck(grid, ZH, undefined, before.report, [5]);
    expect(result.rows).toEqual([5, 11]);
  });

  it('compares markings cell by cell', () => {
    const m = (row: number, column: number, note = 'x') => ({
      sheet: 's',
      row,
      column,
      severity: 'error' as const,
      note,
    });
    expect(changedMarkRows([m(1, 1), m(2, 2)], [m(1, 1), m(3, 3)])).toEqual([2, 3]);
    expect(changedMarkRows([m(1, 1)], [m(1, 1, 'y')])).toEqual([1]);
    expect(changedMarkRows([], [])).toEqual([]);
  });
});

describe('stored state', () => {
  it('keeps at most the cap of issues per sheet and says how many were left out', () => {
    const [grid] = exampleGrids();
    const { report } = checkGrid(grid!, ZH);
    const many = {
      ...report,
      issues: Array.from({ length: MAX_STORED_ISSUES + 5 }, () => report.issues[0]!),
    };
    const stored = withSheet(undefined, many, true);
    expect(stored.sheets[report.name]!.report.issues).toHaveLength(MAX_STORED_ISSUES);
    expect(stored.sheets[report.name]!.truncated).toBe(5);
    expect(parseStoredResult(JSON.stringify(stored))?.sheets[report.name]!.truncated).toBe(5);
  });

  it('drops broken hints and keeps good ones', () => {
    expect(
      parseHints(
        JSON.stringify({
          a: { headerRows: { first: 3, last: 4 }, columns: { ratio: 9, bad: -1, worse: 'x' } },
          b: { headerRows: { first: 0, last: 1 } },
          c: null,
        }),
      ),
    ).toEqual({ a: { headerRows: { first: 3, last: 4 }, columns: { ratio: 9 } } });
  });
});
