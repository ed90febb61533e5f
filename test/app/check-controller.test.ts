import { CheckController, type CheckState } from '../../src/app/check-controller';
import { STATE_KEYS } from '../../src/app/check-flow';
import { SHOW_ALL } from '../../src/app/issue-groups';
import { defaultPaneSettings } from '../../src/app/pane-settings';
import { FileSession, FileWork, inThreadLink } from '../../src/app/file-session';
import { FilePanePort } from '../../src/entries/file-pane-port';
import { cloneGrid, exampleBytes, exampleGrids, MARKET_LIST } from '../taskpane/helpers/examples';
import { MemoryPort, MemoryStore } from '../taskpane/helpers/memory-port';

const ZH = defaultPaneSettings('zh-CN');
const SHEET = '检查实施清单';

/** A controller on an open workbook in memory, with every state it went through. */
function onWorkbook(port = new MemoryPort(exampleGrids().map(cloneGrid))) {
  const logged: unknown[] = [];
  const controller = new CheckController(ZH, { port, recheckDelay: 60_000, log: (e) => logged.push(e) });
  const states: CheckState[] = [];
  controller.subscribe((s) => states.push(s));
  return { port, controller, states, logged };
}

describe('the 校验 controller on an open workbook', () => {
  it('validates the active sheet: marks on the cells, the report shown, the result kept in the workbook', async () => {
    const { port, controller, states } = onWorkbook();
    await controller.validate();
    const s = controller.state;
    expect(s.sheet).toBe(SHEET);
    expect(s.reports.map((r) => r.kind)).toEqual(['checklist']);
    const issues = s.reports[0]!.issues;
    expect(issues.length).toBeGreaterThan(0);
    // Every issue on a cell is a mark on that cell.
    const cells = new Set(issues.filter((i) => i.column).map((i) => `${SHEET}!${i.row}:${i.column}`));
    expect(port.markedCells()).toEqual([...cells].sort());
    expect(JSON.parse(port.state.get(STATE_KEYS.result)!).last).toBe(SHEET);
    // Busy while it ran, free after; no notice for a recognised sheet.
    expect(states.some((x) => x.busy === 'validate')).toBe(true);
    expect(s.busy).toBeUndefined();
    expect(s.notice).toBeUndefined();
  });

  it('says so when the sheet is no list it knows', async () => {
    const { controller } = onWorkbook(new MemoryPort(exampleGrids().map(cloneGrid), '填表说明'));
    await controller.validate();
    expect(controller.state.reports[0]!.kind).toBe('unknown');
    expect(controller.state.notice).toEqual({ kind: 'info', message: 'unknownSheet' });
  });

  it('restores the saved settings, corrections and last result, and shows a ribbon command failure once', async () => {
    const first = onWorkbook();
    await first.controller.validate();
    await first.port.saveState(STATE_KEYS.settings, JSON.stringify({ ...ZH, maxPerYear: 3 }));
    await first.port.saveState(STATE_KEYS.commandError, '读取工作表失败');
    const again = onWorkbook(first.port);
    await again.controller.start();
    const s = again.controller.state;
    expect(s.settings.maxPerYear).toBe(3);
    expect(s.restored).toBe(true);
    expect(s.sheet).toBe(SHEET);
    expect(s.reports[0]!.issues).toEqual(first.controller.state.reports[0]!.issues);
    expect(s.notice).toEqual({ kind: 'error', text: '读取工作表失败' });
    expect(first.port.state.get(STATE_KEYS.commandError)).toBe('');
    expect(s.live).toBe(true);
    again.controller.stop();
  });

  it('re-checks edited rows: only their marks change, and the report follows', async () => {
    const { port, controller } = onWorkbook();
    await controller.start();
    await controller.validate();
    const grid = port.grids[0]!;
    const before = controller.state.reports[0]!.issues.filter((i) => i.row === 7);
    expect(before.map((i) => i.code)).toContain('ratio/out-of-range');
    grid.values[6]![8] = '10%';
    port.calls.length = 0;
    port.edit({ sheet: SHEET, rows: [7] });
    await controller.flushEdits();
    expect(port.calls.filter((c) => c.startsWith('remarkRows'))).toEqual(['remarkRows 1 0']);
    expect(port.marks.has(`${SHEET}!7:9`)).toBe(false);
    expect(controller.state.reports[0]!.issues.filter((i) => i.row === 7)).toEqual([]);
    controller.stop();
  });

  it('clears every mark and says what it restored', async () => {
    const { port, controller } = onWorkbook();
    await controller.validate();
    await controller.clear();
    expect(port.markedCells()).toEqual([]);
    expect(controller.state.notice?.kind).toBe('success');
    expect(controller.state.notice?.text).toMatch(/清除/);
    expect(controller.state.stored?.sheets[SHEET]!.marked).toBe(false);
  });

  it('shows a failure as the notice, logs it, and runs the next operation', async () => {
    const { port, controller, logged } = onWorkbook();
    port.active = '不存在的表';
    await controller.validate();
    expect(controller.state.notice?.kind).toBe('error');
    expect(controller.state.notice?.text).toBeTruthy();
    expect(logged).toHaveLength(1);
    expect(controller.state.busy).toBeUndefined();
    port.active = SHEET;
    await controller.validate();
    expect(controller.state.notice).toBeUndefined();
    expect(controller.state.sheet).toBe(SHEET);
  });

  it('runs operations one after another', async () => {
    const { controller, states } = onWorkbook();
    await Promise.all([controller.validate(), controller.clear(), controller.validate()]);
    const busy = states.map((s) => s.busy).filter((b, i, all) => b !== all[i - 1]);
    expect(busy).toEqual(['validate', undefined, 'clear', undefined, 'validate', undefined]);
  });

  it('keeps a header correction in the workbook and validates with it', async () => {
    const { port, controller } = onWorkbook();
    await controller.validate();
    const hint = { headerRows: { first: 4, last: 4 }, columns: { remarks: 9 } };
    await controller.applyHint(hint);
    expect(JSON.parse(port.state.get(STATE_KEYS.hints)!)).toEqual({ [SHEET]: hint });
    expect(controller.state.reports[0]!.columns.remarks).toBe('I');
    await controller.applyHint(undefined);
    expect(JSON.parse(port.state.get(STATE_KEYS.hints)!)).toEqual({});
    expect(controller.state.reports[0]!.columns.remarks).not.toBe('I');
  });

  it('selects an issue: its cell in the workbook, its key highlighted', async () => {
    const { port, controller } = onWorkbook();
    await controller.validate();
    const issue = controller.state.reports[0]!.issues.find((i) => i.row === 7 && i.column === 9)!;
    await controller.select(issue);
    expect(port.selection).toEqual({ sheet: SHEET, address: 'I7' });
    expect(controller.state.selected).toBe(`${SHEET}!I7`);
  });

  it('filters and pages the issues, and a fresh validation starts from the first page', async () => {
    const { controller } = onWorkbook();
    await controller.validate();
    const limit = controller.state.limit;
    controller.showMore();
    expect(controller.state.limit).toBe(limit * 2);
    controller.setFilter({ ...SHOW_ALL, severities: ['error'] });
    expect(controller.state.limit).toBe(limit);
    controller.showMore();
    await controller.validate();
    expect(controller.state.limit).toBe(limit);
    expect(controller.state.filter.severities).toEqual(['error']);
  });

  it('loads the sheet for the header correction when none is in memory, and closes it again', async () => {
    const first = onWorkbook();
    await first.controller.validate();
    const again = onWorkbook(first.port);
    await again.controller.start();
    first.port.calls.length = 0;
    await again.controller.toggleMapping();
    expect(first.port.calls).toEqual([`readSheet ${SHEET}`]);
    expect(again.controller.state.panel).toBe('mapping');
    expect(again.controller.state.grids[SHEET]).toBeDefined();
    await again.controller.toggleMapping();
    expect(again.controller.state.panel).toBeUndefined();
    again.controller.stop();
  });

  it('keeps new settings in the workbook', async () => {
    const { port, controller } = onWorkbook();
    await controller.saveSettings({ ...ZH, locale: 'en-US' });
    expect(JSON.parse(port.state.get(STATE_KEYS.settings)!).locale).toBe('en-US');
    expect(controller.state.settings.locale).toBe('en-US');
    expect(controller.state.notice).toEqual({ kind: 'success', message: 'saved' });
  });
});

/** The standalone page's worker, here in this thread: the chosen file read into memory. */
const fileWork = () => new FileWork((bytes, name) => FilePanePort.open(bytes, name, new MemoryStore()));

describe('the 校验 controller on a chosen file', () => {
  function onPage() {
    const page = new MemoryStore();
    const saved: Array<{ name: string; size: number }> = [];
    const controller = new CheckController(ZH, {
      openFile: (bytes, name, options) =>
        FileSession.open(bytes, name, () => inThreadLink(fileWork()), new MemoryStore(), options),
      settingsStore: {
        load: () => page.getItem(STATE_KEYS.settings) ?? undefined,
        save: (text) => page.setItem(STATE_KEYS.settings, text),
      },
      saveMarkedCopy: (bytes, name) => saved.push({ name, size: bytes.length }),
    });
    return { controller, page, saved };
  }

  it('validates every sheet of the file at once and shows the first list', async () => {
    const { controller } = onPage();
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    const s = controller.state;
    expect(s.fileName).toBe(MARKET_LIST);
    expect(s.reports.map((r) => [r.name, r.kind])).toEqual([
      [SHEET, 'checklist'],
      ['填表说明', 'unknown'],
    ]);
    expect(s.sheet).toBe(SHEET);
    expect(s.busy).toBeUndefined();
  });

  it('hands over the marked copy under the file name', async () => {
    const { controller, saved } = onPage();
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    await controller.download();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe(MARKET_LIST);
    expect(saved[0]!.size).toBeGreaterThan(1000);
  });

  it('keeps settings in the page and validates the file again with them', async () => {
    const { controller, page } = onPage();
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    const count = (s: CheckState) =>
      s.reports[0]!.issues.filter((i) => i.code === 'frequency/too-frequent').length;
    const before = count(controller.state);
    await controller.saveSettings({ ...ZH, maxPerYear: 1 });
    expect(JSON.parse(page.map.get(STATE_KEYS.settings)!).maxPerYear).toBe(1);
    expect(count(controller.state)).toBeGreaterThan(before);
    // A new page starts with the saved settings.
    expect(onPage().controller.state.settings.maxPerYear).toBe(ZH.maxPerYear);
    const reopened = new CheckController(ZH, {
      settingsStore: { load: () => page.map.get(STATE_KEYS.settings), save: () => {} },
    });
    expect(reopened.state.settings.maxPerYear).toBe(1);
  });

  it('shows how far reading and checking are while they run, and nothing after', async () => {
    const { controller } = onPage();
    const seen: string[] = [];
    controller.subscribe((s) => {
      const p = s.progress;
      const step = p ? `${p.phase}${p.total ? ` ${p.done}/${p.total}` : ''}` : '';
      if (step && step !== seen[seen.length - 1]) seen.push(step);
    });
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    expect(seen).toEqual(['read', 'check', 'check 0/2', 'check 1/2', 'check 2/2']);
    expect(controller.state.progress).toBeUndefined();
  });

  it('取消 while a file is read: the file is not open, the page says so and takes the next file', async () => {
    const { controller } = onPage();
    const stop = controller.subscribe((s) => {
      if (s.progress?.phase === 'read') controller.cancel();
    });
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    stop();
    const s = controller.state;
    expect(s.notice).toEqual({ kind: 'info', message: 'cancelled' });
    expect(s.port).toBeUndefined();
    expect(s.fileName).toBeUndefined();
    expect(s.reports).toEqual([]);
    expect(s.busy).toBeUndefined();
    expect(s.progress).toBeUndefined();
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    expect(controller.state.notice).toBeUndefined();
    expect(controller.state.reports).toHaveLength(2);
  });

  it('取消 while the copy is written: the results stay, and the next download still has its marks', async () => {
    const { controller, saved } = onPage();
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    const reports = controller.state.reports;
    const stop = controller.subscribe((s) => {
      if (s.progress?.phase === 'write') controller.cancel();
    });
    await controller.download();
    stop();
    expect(saved).toEqual([]);
    expect(controller.state.notice).toEqual({ kind: 'info', message: 'cancelled' });
    expect(controller.state.reports).toBe(reports);
    await controller.download();
    expect(saved).toHaveLength(1);
  });

  it('shows the clicked cell’s text, asked of the file', async () => {
    const { controller } = onPage();
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    const issue = controller.state.reports[0]!.issues.find((i) => i.row === 7 && i.column === 9)!;
    const shown = new Promise<void>((resolve) => controller.subscribe((s) => s.preview && resolve()));
    await controller.select(issue);
    await shown;
    expect(controller.state.preview).toEqual({ cell: 'I7', text: '150%' });
  });

  it('says why a file cannot be read, and takes the next one', async () => {
    const { controller } = onPage();
    await controller.openFile('坏文件.xlsx', async () => new TextEncoder().encode('hello'));
    expect(controller.state.notice?.kind).toBe('error');
    expect(controller.state.port).toBeUndefined();
    await controller.openFile(MARKET_LIST, async () => exampleBytes(MARKET_LIST));
    expect(controller.state.notice).toBeUndefined();
    expect(controller.state.reports).toHaveLength(2);
  });
});
