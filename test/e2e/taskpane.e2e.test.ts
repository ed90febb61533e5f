import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cellAddress, columnLetter, type Grid } from '../../src/core/grid';
import { MARK_COLOURS } from '../../src/hosts/workbook-port';
import type { FakeExcel, FakeSheetInit } from '../hosts/excel/fake-excel';
import { exampleBytes, exampleGrids, EXAMPLES, MARKET_LIST } from '../taskpane/helpers/examples';
import { buildForTests } from './helpers/build';
import { CHROMIUM, hasChromium, launchChromium } from './helpers/chromium';
import { serveFolder } from './helpers/static-server';
import { SAVED_KEY, type StubInit } from './stub/stub-init';

// End to end, in headless Chromium: the production build of the pane, served locally; office.js is always
// routed to a local stand-in (a plain-browser one, or the fake Excel), never fetched from the CDN.
// DRC_E2E_SCREENSHOTS=docs/images writes the README's screenshots of the pane.

const SHOTS = process.env.DRC_E2E_SCREENSHOTS;
const SHEET = '检查实施清单';
const MARK_RGB = (argb: string) => `#${argb.slice(2)}`;
/** What office.js does in a plain browser: it loads and reports no host. */
const BROWSER_OFFICE_JS =
  'window.Office={HostType:{Excel:"Excel"},onReady:function(cb){var i={host:null,platform:null};if(cb)cb(i);return Promise.resolve(i);}};';

interface FakeWindow {
  __drcFake: FakeExcel;
  __drcCommands: Record<string, (event: { completed(): void }) => Promise<void>>;
}

if (!hasChromium)
  console.warn(`Skipping the end-to-end tests: ${CHROMIUM} is not installed (apt-get install chromium).`);
const describeWithChromium = hasChromium ? describe : describe.skip;

/** The example sheet as the fake Excel's initial workbook, with a user's own fill and note to be kept. */
function fakeWorkbook(grids: Grid[]): StubInit['workbook'] {
  const sheets: FakeSheetInit[] = grids.map((g) => ({
    name: g.name,
    values: g.values.map((row) =>
      Array.from(row ?? [], (v) => (v === undefined || v === null || typeof v === 'object' ? null : v)),
    ),
    formats: g.numberFormats?.map((row) => Array.from(row ?? [], (f) => f ?? null)),
    merges: g.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
  }));
  sheets[0].fills = { C8: '#FFFF00', B6: '#E2EFDA' };
  sheets[0].notes = { I7: '原有批注:请核实' };
  return { sheets, api: '1.18' };
}

describeWithChromium('the task pane in headless Chromium', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ dir } = await buildForTests());
    server = await serveFolder(dir);
    browser = await launchChromium();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir && !process.env.DRC_E2E_DIST) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  /** A fresh browser context on the pane, office.js routed to `officeJs` (or aborted), other sites blocked. */
  async function open(
    officeJs: string | 'unreachable',
    options: { locale?: string; stub?: StubInit } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      locale: options.locale ?? 'zh-CN',
      viewport: { width: 360, height: 860 },
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(
      (url) => !url.href.startsWith(server.origin),
      (route) => route.abort(),
    );
    await page.route('**/office.js', (route) =>
      officeJs === 'unreachable'
        ? route.abort('internetdisconnected')
        : route.fulfill({ contentType: 'text/javascript', body: officeJs }),
    );
    if (options.stub)
      await page.addInitScript((init) => Object.assign(window, { __drcStubInit: init }), options.stub);
    await page.goto(`${server.origin}/taskpane.html`);
    return { page, errors };
  }

  async function shoot(page: Page, name: string): Promise<void> {
    if (SHOTS) await page.screenshot({ path: join(SHOTS, name), fullPage: true });
  }

  describe('standalone mode (no Office host)', () => {
    it('validates a chosen example, selects an issue, downloads a marked copy that exceljs reads back', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      await page.waitForSelector('[data-testid=mode]');
      expect(await page.textContent('[data-testid=mode]')).toBe('独立模式');
      await page.setInputFiles('[data-testid=file-input]', join(EXAMPLES, MARKET_LIST));
      await page.waitForSelector(`.issue[data-sheet="${SHEET}"][data-cell="I7"]`);

      expect(await page.getAttribute('[data-testid=sheet-info]', 'data-kind')).toBe('checklist');
      expect(await page.textContent('[data-testid=summary]')).toContain('错误 7 个，警告 3 个，提示 0 个');
      const cells = await page.$$eval('.issue', (rows) => rows.map((r) => r.getAttribute('data-cell')));
      expect(cells.sort()).toEqual(['B11', 'C8', 'E5', 'I10', 'I13', 'I7', 'I9', 'J9', 'L8', 'N9']);
      // Grouped by field with counts: 检查比例 holds two errors and two warnings.
      const ratio = page.locator('.group[data-field=ratio] .group-counts');
      expect(await ratio.textContent()).toBe('错误 2警告 2');

      await page.click('.issue[data-cell="I7"]');
      await page.waitForSelector('[data-testid=preview]');
      expect(await page.textContent('[data-testid=preview]')).toBe('单元格 I7：150%');
      expect(await page.getAttribute('.issue[data-cell="I7"]', 'class')).toContain('selected');
      await shoot(page, 'excel-pane-standalone.png');

      // Filters: warnings only, then one field.
      await page.click('.chip[data-severity=error]');
      expect(
        await page.$$eval('.issue', (rows) => rows.map((r) => r.getAttribute('data-cell')).sort()),
      ).toEqual(['I10', 'I9', 'J9']);
      await page.selectOption('.field-filter', 'frequency');
      expect(await page.$$eval('.issue', (rows) => rows.map((r) => r.getAttribute('data-cell')))).toEqual([
        'J9',
      ]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=download]'),
      ]);
      expect(download.suggestedFilename()).toBe('于都县市场监督管理局-检查实施清单-已标注.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(SHEET)!;
      const fill = (a: string) => (sheet.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      expect(fill('I7')).toBe(MARK_COLOURS.error);
      expect(fill('I9')).toBe(MARK_COLOURS.warning);
      expect(fill('B5')).toBeUndefined();
      expect(String(sheet.getCell('I7').note)).toMatch(/^\[错误\] 比例超出范围：150%/);
      expect(sheet.getCell('I7').value).toBe('150%');
      expect(errors).toEqual([]);
    }, 60_000);

    it('reads a GBK CSV with the browser decoder and loads exceljs only then', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS, { locale: 'en-US' });
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.waitForSelector('[data-testid=mode]');
      expect(requested.some((u) => u.includes('xlsx-adapter'))).toBe(false);
      await page.setInputFiles(
        '[data-testid=file-input]',
        join(EXAMPLES, '于都县住建局-抽查事项清单(GBK).csv'),
      );
      await page.waitForSelector('.issue[data-cell="H5"]');
      expect(requested.some((u) => u.includes('xlsx-adapter'))).toBe(true);
      expect(await page.textContent('.issue[data-cell="H5"] .msg')).toContain('随便查');
      expect(await page.textContent('[data-testid=mode]')).toBe('Standalone');
      expect(errors).toEqual([]);
    }, 60_000);

    it('starts standalone when office.js cannot be fetched, and shows cell text as text', async () => {
      const { page, errors } = await open('unreachable');
      await page.waitForSelector('[data-testid=mode]');
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet('清单');
      ws.addRow([
        '序号',
        '检查事项名称',
        '检查依据',
        '检查主体',
        '检查对象',
        '检查方式',
        '是否纳入双随机',
        '检查比例',
        '检查频次',
      ]);
      ws.addRow([
        1,
        '食品检查',
        '《食品安全法》',
        '市场监管局',
        '企业',
        '双随机抽查',
        '是',
        '<img src=x onerror="window.__drcXss=1">',
        '每年1次',
      ]);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      await page.setInputFiles('[data-testid=file-input]', {
        name: '注入.xlsx',
        mimeType: 'application/octet-stream',
        buffer,
      });
      const cell = `${columnLetter(8)}2`;
      await page.waitForSelector(`.issue[data-cell="${cell}"]`);
      expect(await page.textContent(`.issue[data-cell="${cell}"] .msg`)).toContain(
        '<img src=x onerror="window.__drcXss=1">',
      );
      expect(await page.$$('.issue img')).toHaveLength(0);
      expect(
        await page.evaluate(() => (window as unknown as { __drcXss?: number }).__drcXss),
      ).toBeUndefined();
      expect(errors).toEqual([]);
    }, 60_000);
  });

  describe('standalone.html (the pane without the Office.js tag)', () => {
    it('never asks for office.js and starts in standalone mode', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      contexts.push(context);
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.route(
        (url) => !url.href.startsWith(server.origin),
        (route) => route.abort(),
      );
      await page.goto(`${server.origin}/standalone.html`);
      await page.waitForSelector('[data-testid=mode]');
      expect(await page.textContent('[data-testid=mode]')).toBe('独立模式');
      expect(requested.filter((u) => !u.startsWith(server.origin))).toEqual([]);
    }, 30_000);
  });

  describe('hosted mode (office.js stand-in with the fake Excel)', () => {
    const stubJs = () => readFileSync(join(dir, 'e2e-stub', 'office-stub.js'), 'utf8');
    const stub = (): StubInit => ({ workbook: fakeWorkbook(exampleGrids()), language: 'zh-CN' });
    const fake = <T>(page: Page, fn: (f: FakeExcel) => T): Promise<T> =>
      page.evaluate(`(${fn.toString()})(window.__drcFake)`) as Promise<T>;

    it('validates, selects the clicked issue’s cell, re-validates an edit, clears back to the original', async () => {
      const { page, errors } = await open(stubJs(), { stub: stub() });
      await page.waitForSelector('[data-testid=mode]');
      expect(await page.textContent('[data-testid=mode]')).toBe('Excel');
      const valuesBefore = await fake(page, (f) => f.snapshot('检查实施清单'));
      const decorationsBefore = await fake(page, (f) => f.decorations('检查实施清单'));

      await page.click('[data-testid=validate]');
      await page.waitForSelector('.issue[data-cell="I7"]');
      expect(await page.textContent('[data-testid=summary]')).toContain('错误 7 个，警告 3 个');
      expect(await fake(page, (f) => f.fill('检查实施清单', 'I7'))).toBe(MARK_RGB(MARK_COLOURS.error));
      expect(await fake(page, (f) => f.fill('检查实施清单', 'C8'))).toBe(MARK_RGB(MARK_COLOURS.error));
      expect(await fake(page, (f) => f.note('检查实施清单', 'I7'))).toContain('150%');

      await page.click('.issue[data-cell="E5"]');
      await page.waitForFunction(
        () => (window as unknown as FakeWindow).__drcFake.book.selection?.address === 'E5',
      );
      const selection = await fake(page, (f) => ({
        ...f.book.selection,
        active: f.book.activeId === f.sheetId('检查实施清单'),
      }));
      expect(selection).toMatchObject({ address: 'E5', active: true });
      await shoot(page, 'excel-pane-hosted.png');

      // The user fixes I7: its issue and its mark go away without pressing 校验.
      await fake(page, (f) => f.edit('检查实施清单', 'I7', '不低于15%'));
      await page.waitForSelector('.issue[data-cell="I7"]', { state: 'detached' });
      expect(await fake(page, (f) => f.fill('检查实施清单', 'I7'))).toBeNull();
      expect(await fake(page, (f) => f.note('检查实施清单', 'I7'))).toBe('原有批注:请核实');

      await page.click('[data-testid=clear]');
      await page.waitForSelector('[data-testid=notice]');
      expect(await page.textContent('[data-testid=notice]')).toContain('已清除标记');
      expect(await fake(page, (f) => f.decorations('检查实施清单'))).toBe(decorationsBefore);
      expect(await fake(page, (f) => f.snapshot('检查实施清单'))).toBe(
        valuesBefore.replace('I7="150%"', 'I7="不低于15%"'),
      );
      expect(errors).toEqual([]);
    }, 90_000);

    it('shows the last result again when the workbook is reopened, corrections and settings kept', async () => {
      const { page } = await open(stubJs(), { stub: stub() });
      await page.waitForSelector('[data-testid=validate]');
      // Settings: a stricter frequency threshold (4 a year) turns 每季度一次 (I7's row, J7) into a warning.
      await page.click('[data-testid=toggle-settings]');
      await page.fill('input[name=maxPerYear]', '3');
      await page.click('[data-testid=save-settings]');
      await page.click('[data-testid=validate]');
      await page.waitForSelector('.issue[data-cell="J7"]');
      const shown = await page.$$eval('.issue', (rows) =>
        rows.map((r) => r.getAttribute('data-cell')).sort(),
      );

      const saved = await fake(page, (f) => f.save());
      await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [SAVED_KEY, saved]);
      await page.reload();
      await page.waitForSelector('.issue[data-cell="J7"]');
      expect(await page.textContent('[data-testid=summary]')).toContain('已恢复上次的校验结果');
      expect(
        await page.$$eval('.issue', (rows) => rows.map((r) => r.getAttribute('data-cell')).sort()),
      ).toEqual(shown);
      await page.click('[data-testid=toggle-settings]');
      expect(await page.inputValue('input[name=maxPerYear]')).toBe('3');
    }, 90_000);

    it('corrects the column mapping: a field mapped by hand is validated in its new column', async () => {
      const { page } = await open(stubJs(), { stub: stub() });
      await page.click('[data-testid=validate]');
      await page.waitForSelector('.issue[data-cell="J9"]');
      await page.click('[data-testid=toggle-mapping]');
      await page.waitForSelector('[data-testid=mapping]');
      // 检查频次 mapped to column K (是否属于市场监管领域): every 是 there is no frequency.
      await page.selectOption('select[name=column-frequency]', '11');
      await page.click('[data-testid=apply-mapping]');
      await page.waitForSelector('.issue[data-cell="K5"]');
      expect(await page.$$('.issue[data-cell="J9"]')).toHaveLength(0);
      expect(await fake(page, (f) => f.fill('检查实施清单', 'J9'))).toBeNull();
    }, 90_000);

    it('works on ExcelApi 1.1: fills, a 校验结果 sheet instead of notes, no live re-validation', async () => {
      const init = stub();
      init.workbook.api = '1.1';
      const { page, errors } = await open(stubJs(), { stub: init });
      await page.click('[data-testid=validate]');
      // Without merged areas (ExcelApi 1.13) the two-row header reads differently; E5's check digit is wrong either way.
      await page.waitForSelector('.issue[data-cell="E5"]');
      expect(await fake(page, (f) => f.fill('检查实施清单', 'E5'))).toBe(MARK_RGB(MARK_COLOURS.error));
      expect(await fake(page, (f) => f.sheetNames())).toContain('校验结果');
      expect(await page.$$('.summary .live')).toHaveLength(0);
      await page.click('.issue[data-cell="B11"]');
      await page.waitForFunction(
        () => (window as unknown as FakeWindow).__drcFake.book.selection?.address === 'B11',
      );
      await page.click('[data-testid=clear]');
      await page.waitForSelector('[data-testid=notice]');
      expect(await fake(page, (f) => f.sheetNames())).not.toContain('校验结果');
      expect(await fake(page, (f) => f.fill('检查实施清单', 'C8'))).toBe('#FFFF00');
      expect(errors).toEqual([]);
    }, 90_000);

    it('refuses a protected sheet with a clear message and changes nothing', async () => {
      const init = stub();
      init.workbook.sheets[0].protected = true;
      const { page } = await open(stubJs(), { stub: init });
      const before = await fake(page, (f) => f.decorations('检查实施清单'));
      await page.click('[data-testid=validate]');
      await page.waitForSelector('[data-testid=notice]');
      expect(await page.textContent('[data-testid=notice]')).toContain('受保护');
      expect(await fake(page, (f) => f.decorations('检查实施清单'))).toBe(before);
    }, 60_000);

    it('runs the ribbon commands without the pane: 校验 marks, 清除标记 restores, both complete', async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      contexts.push(context);
      const page = await context.newPage();
      await page.route(
        (url) => !url.href.startsWith(server.origin),
        (route) => route.abort(),
      );
      await page.route('**/office.js', (route) =>
        route.fulfill({ contentType: 'text/javascript', body: stubJs() }),
      );
      await page.addInitScript((init) => Object.assign(window, { __drcStubInit: init }), stub());
      await page.goto(`${server.origin}/commands.html`);
      await page.waitForFunction(() => !!(window as unknown as FakeWindow).__drcCommands?.validateSheet);
      const before = await fake(page, (f) => f.decorations('检查实施清单'));
      const completed = await page.evaluate(async () => {
        const w = window as unknown as FakeWindow;
        let done = 0;
        await w.__drcCommands.validateSheet({ completed: () => done++ });
        return done;
      });
      expect(completed).toBe(1);
      expect(await fake(page, (f) => f.fill('检查实施清单', 'I7'))).toBe(MARK_RGB(MARK_COLOURS.error));
      await page.evaluate(async () => {
        const g = window as unknown as Record<string, (e: { completed(): void }) => Promise<void>>;
        await g.clearMarks({ completed: () => undefined });
      });
      expect(await fake(page, (f) => f.decorations('检查实施清单'))).toBe(before);
    }, 60_000);
  });
});

// Keeps the example bytes import used when the suite is skipped (no chromium): the file must exist either way.
test('the example the end-to-end tests use exists', () => {
  expect(exampleBytes(MARKET_LIST).length).toBeGreaterThan(1000);
});
