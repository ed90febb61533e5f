import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { cellAddress, columnLetter, type Grid } from '../../src/core/grid';
import { MARK_COLOURS } from '../../src/core/workbook-port';
import type { FakeExcel, FakeSheetInit } from '../hosts/excel/fake-excel';
import { exampleBytes, exampleGrids, EXAMPLES, MARKET_LIST } from '../taskpane/helpers/examples';
import { generateChecklist } from '../../scripts/generate-checklist';
import { buildForTests, stubDir } from './helpers/build';
import { CHROMIUM, hasChromium, launchChromium } from './helpers/chromium';
import { serveFolder } from './helpers/static-server';
import { SAVED_KEY, type StubInit } from './stub/stub-init';

// End to end, in headless Chromium: the production build of the pane, served locally; office.js is always
// routed to a local stand-in (a plain-browser one, or the fake Excel), never fetched from the CDN.
// DRC_E2E_SCREENSHOTS=docs/images writes the README's screenshots of the pane.

const SHOTS = process.env.DRC_E2E_SCREENSHOTS;
const SHEET = '检查实施清单';
/** The units' monitoring-point declarations (examples/tally). */
const TALLY_FILES = readdirSync(join(EXAMPLES, 'tally'))
  .filter((n) => /\.(xlsx|docx)$/.test(n))
  .map((n) => join(EXAMPLES, 'tally', n));
const ADJUST = join(EXAMPLES, 'adjust');
const MARKET_2019 = join(ADJUST, '于都县市场监督管理局-2019年度检查事项清单.xlsx');
const MARKET_2020 = join(ADJUST, '于都县市场监督管理局-2020年度检查事项清单.xlsx');
const SUMMARY_TITLE = '于都县中小微企业行政检查监测点汇总表';
const REPORT_TITLE = '于都县市场监督管理局2020年度行政检查事项清单动态调整情况表';
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
  sheets[0]!.fills = { C8: '#FFFF00', B6: '#E2EFDA' };
  sheets[0]!.notes = { I7: '原有批注:请核实' };
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
    if (dir && !process.env.DRC_E2E_DIST) {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-sourcemaps`, { recursive: true, force: true });
      rmSync(stubDir(dir), { recursive: true, force: true });
    }
  });

  /** Content-Security-Policy violations reported by the pages of the current test (none are allowed). */
  let violations: string[] = [];

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    const seen = violations;
    violations = [];
    expect(seen).toEqual([]);
  });

  /** Reports every CSP violation of the context's pages (and their workers) into `violations`. */
  async function watchCsp(context: BrowserContext): Promise<void> {
    await context.exposeBinding('__drcCspViolation', (_source, v: string) => violations.push(v));
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __drcCspViolation(v: string): void }).__drcCspViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      ),
    );
  }

  /** A fresh browser context on the pane, office.js routed to `officeJs` (or aborted), other sites blocked. */
  async function open(
    officeJs: string | 'unreachable',
    options: {
      locale?: string;
      stub?: StubInit;
      path?: string;
      viewport?: { width: number; height: number };
    } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({
      locale: options.locale ?? 'zh-CN',
      viewport: options.viewport ?? { width: 360, height: 860 },
      acceptDownloads: true,
    });
    contexts.push(context);
    await watchCsp(context);
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
    await page.goto(`${server.origin}/${options.path ?? 'taskpane.html'}`);
    return { page, errors };
  }

  async function shoot(page: Page, name: string): Promise<void> {
    if (!SHOTS) return;
    // From the top: a full-page shot of a scrolled page draws the sticky header halfway down.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(4, 4);
    await page.screenshot({ path: join(SHOTS, name), fullPage: true });
  }

  describe('deployment: the folder the web server gets, and its Content-Security-Policy', () => {
    it('holds only what the server needs; the source maps are apart and no script names one', () => {
      const served = listFiles(dir);
      expect(
        // Besides pages, scripts, icons and the manifest: the licence notices the minifier takes out of a bundle.
        served.filter(
          (f) =>
            !/^(assets\/[\w-]+\.png|[\w.-]+\.(html|js)|[\w.-]+\.js\.LICENSE\.txt|manifest\.xml)$/.test(f),
        ),
      ).toEqual([]);
      expect(served).toEqual(
        expect.arrayContaining([
          'taskpane.html',
          'standalone.html',
          'commands.html',
          'help.html',
          'manifest.xml',
        ]),
      );
      const maps = listFiles(`${dir}-sourcemaps`);
      const scripts = served.filter((f) => f.endsWith('.js') && f !== 'legacy-webview.js');
      expect(maps.sort()).toEqual(scripts.map((f) => `${f}.map`).sort());
      for (const f of served.filter((x) => x.endsWith('.js')))
        expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(/sourceMappingURL=/);
    });

    it('every page has a strict policy first in its head and no inline script', () => {
      const office = "'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com";
      for (const [file, scripts] of [
        ['taskpane.html', office],
        ['commands.html', office],
        ['standalone.html', "'self'"],
        ['help.html', "'self'"],
      ]) {
        const html = readFileSync(join(dir, file!), 'utf8');
        const csp =
          /<head><meta charset="utf-8"\/?><meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(
            html,
          );
        expect(csp).not.toBeNull();
        const directives = Object.fromEntries(
          csp![1]!.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
        );
        expect(directives['script-src']).toBe(scripts);
        expect(directives['default-src']).toBe("'self'");
        expect(directives['object-src']).toBe("'none'");
        // Every <script> has a src: no inline code, no inline handlers.
        expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
        expect(html).not.toMatch(/\son[a-z]+=/i);
      }
    });

    it('the browser enforces it: an injected inline script and eval are refused and reported', async () => {
      const { page } = await open(BROWSER_OFFICE_JS, { path: 'standalone.html' });
      await page.waitForSelector('[data-testid=mode]');
      expect(violations).toEqual([]);
      // An inline script element, and a string compiled as code when a timer fires (eval's kind): both refused.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__drcInline = 1';
        document.body.appendChild(s);
        (setTimeout as unknown as (code: string, ms: number) => void)('window.__drcTimer = 1', 0);
      });
      for (let i = 0; i < 50 && violations.length < 2; i++) await page.waitForTimeout(20);
      expect(
        await page.evaluate(() => {
          const w = window as unknown as { __drcInline?: number; __drcTimer?: number };
          return [w.__drcInline, w.__drcTimer];
        }),
      ).toEqual([undefined, undefined]);
      expect(violations.join('\n')).toMatch(/script-src-elem blocked inline/);
      expect(violations.join('\n')).toMatch(/script-src blocked eval/);
      violations = [];
    }, 60_000);

    it('the standalone page validates and downloads under its policy', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS, { path: 'standalone.html' });
      await page.setInputFiles('[data-testid=file-input]', join(EXAMPLES, MARKET_LIST));
      await page.waitForSelector(`.issue[data-sheet="${SHEET}"][data-cell="I7"]`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=download]'),
      ]);
      expect(download.suggestedFilename()).toMatch(/-已标注\.xlsx$/);
      expect(errors).toEqual([]);
    }, 60_000);
  });

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
      await previewShows(page, '单元格 I7：150%');
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

    it('the preview of a clicked cell is in sight wherever the row is, and announced politely', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      await page.waitForSelector('[data-testid=mode]');
      await chooseWorkbook(page, '长清单.xlsx', await manyIssuesWorkbook(80));
      await page.waitForSelector('.issue[data-cell="H81"]');
      // The last row is far below the first screen: clicking it scrolls the page down to it.
      const last = page.locator('.issue[data-cell="H81"]');
      await last.click();
      const preview = page.locator('[data-testid=preview]');
      await preview.waitFor();
      await previewShows(page, '单元格 H81：abc81');
      const box = (await preview.boundingBox())!;
      const height = page.viewportSize()!.height;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height + 1);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
      const live = page.locator('.preview-live').first();
      expect(await live.getAttribute('role')).toBe('status');
      expect(await live.getAttribute('aria-live')).toBe('polite');
      // Back at the top, a row near the top: the preview is in sight there too.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click('.issue[data-cell="H2"]');
      await previewShows(page, '单元格 H2：abc2');
      const top = (await preview.boundingBox())!;
      expect(top.y + top.height).toBeLessThanOrEqual(height + 1);
      expect(errors).toEqual([]);
    }, 60_000);

    it('a cell of 32,000 characters is quoted cut to about 200, in its row and in the preview', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      await page.waitForSelector('[data-testid=mode]');
      await chooseWorkbook(page, '长文本.xlsx', await checklistFile(['很'.repeat(32_000)]));
      const row = page.locator('.issue[data-cell="H2"]');
      await row.waitFor();
      expect(await row.textContent()).toContain(`${'很'.repeat(200)}…(共 32000 字)`);
      expect((await row.boundingBox())!.height).toBeLessThan(300);
      await row.click();
      await previewShows(page, `单元格 H2：${'很'.repeat(200)}…(共 32000 字)`);
      expect(errors).toEqual([]);
    }, 60_000);

    it('the issue list is one listbox with one tab stop: arrows move, Enter shows the cell', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      await page.waitForSelector('[data-testid=mode]');
      await chooseWorkbook(page, '清单.xlsx', await manyIssuesWorkbook(5));
      await page.waitForSelector('.issue[data-cell="H6"]');
      const list = page.locator('[role=listbox][data-testid=issue-list]');
      expect(await list.getAttribute('tabindex')).toBe('0');
      // No row is a tab stop of its own; every row is an option of a group.
      expect(await page.$$eval('[role=listbox] [tabindex]', (els) => els.length)).toBe(0);
      expect(
        await page.$$eval('[role=listbox] .issue', (els) =>
          els.every((e) => e.getAttribute('role') === 'option'),
        ),
      ).toBe(true);
      expect(await page.$$eval('[role=listbox] > [role=group]', (els) => els.length)).toBeGreaterThan(0);

      await page.focus('.field-filter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox');
      const active = () =>
        page.evaluate(() => {
          const id = document.activeElement?.getAttribute('aria-activedescendant');
          return id ? document.getElementById(id)?.getAttribute('data-cell') : undefined;
        });
      expect(await active()).toBe('H2');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await active()).toBe('H4');
      await page.keyboard.press('ArrowUp');
      expect(await active()).toBe('H3');
      await page.keyboard.press('Enter');
      await previewShows(page, '单元格 H3：abc3');
      expect(await page.getAttribute('.issue[data-cell="H3"]', 'aria-selected')).toBe('true');
      expect(await page.getAttribute('.issue[data-cell="H2"]', 'aria-selected')).toBe('false');
      await page.keyboard.press('End');
      expect(await active()).toBe('H6');
      await page.keyboard.press(' ');
      await previewShows(page, '单元格 H6：abc6');
      // One Tab leaves the list.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[role=listbox]'))).toBeNull();
      expect(errors).toEqual([]);
    }, 60_000);

    it('at 320 px in English every tab is in sight (the strip wraps)', async () => {
      const { page } = await open(BROWSER_OFFICE_JS, {
        locale: 'en-US',
        viewport: { width: 320, height: 640 },
      });
      await page.waitForSelector('[data-testid=tab-compare]');
      const boxes = await page.$$eval('[role=tab]', (tabs) =>
        tabs.map((t) => {
          const r = t.getBoundingClientRect();
          return {
            text: t.textContent,
            left: r.left,
            right: r.right,
            width: r.width,
            clipped: t.scrollWidth > t.clientWidth,
          };
        }),
      );
      // Every tab of the strip (four or more as sections are added), each whole and inside the 320 px.
      expect(boxes[0]!.text).toBe('Validate');
      expect(boxes.length).toBeGreaterThanOrEqual(4);
      for (const b of boxes) {
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(320);
        expect(b.clipped).toBe(false);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      // The strip itself does not scroll sideways (nothing hidden in it).
      expect(await page.$eval('[role=tablist]', (el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }, 60_000);

    it('50,000 rows: read, checked and written in a worker, with progress; the page’s longest task stays under 200 ms', async () => {
      // From a file on disk: a buffer handed to setInputFiles is decoded by a script in the page, a long task of the
      // test's own.
      const file = join(mkdtempSync(join(tmpdir(), 'drc-50k-')), '检查实施清单-50000.xlsx');
      writeFileSync(file, await generateChecklist(50_000));
      const { page, errors } = await open(BROWSER_OFFICE_JS, { path: 'standalone.html' });
      await page.waitForSelector('[data-testid=mode]');
      // Every task of the page's main thread longer than 50 ms (Long Tasks API): those of the page's start apart,
      // the rest from the moment the file is chosen.
      await page.evaluate(() => {
        const w = window as unknown as { __drcLongTasks: { start: number[]; file: number[] } };
        const chosen = performance.now();
        w.__drcLongTasks = { start: [], file: [] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            w.__drcLongTasks[e.startTime < chosen ? 'start' : 'file'].push(Math.round(e.duration));
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.setInputFiles('[data-testid=file-input]', file);
      await page.waitForSelector('[data-testid=progress] progress');
      expect(await page.textContent('[data-testid=progress] [role=status]')).toMatch(/^正在(读取文件|校验)/);
      await page.waitForSelector('.issue[data-cell]', { timeout: 180_000 });
      expect(await page.$$('[data-testid=progress]')).toHaveLength(0);
      const rows = await page.textContent('[data-testid=sheet-info]');
      expect(rows).toContain('数据 50000 行');
      await page.click('.issue[data-cell]');
      await page.waitForSelector('[data-testid=preview]');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 180_000 }),
        page.click('[data-testid=download]'),
      ]);
      expect(download.suggestedFilename()).toBe('检查实施清单-50000-已标注.xlsx');
      expect(
        readFileSync((await download.path())!)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      const tasks = await page.evaluate(
        () => (window as unknown as { __drcLongTasks: { start: number[]; file: number[] } }).__drcLongTasks,
      );
      rmSync(dirname(file), { recursive: true, force: true });
      const longest = Math.max(0, ...tasks.file);
      console.log(
        `[perf] standalone page, 50,000 rows: longest main-thread task ${longest} ms; tasks over 50 ms: ${tasks.file.join(', ') || 'none'} (the page's start, before the file: ${tasks.start.join(', ') || 'none'})`,
      );
      expect(longest).toBeLessThan(200);
      expect(errors).toEqual([]);
    }, 300_000);

    it('取消 stops reading a large file or writing its copy; the page stays usable and the results stay', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS, { path: 'standalone.html' });
      const big = Buffer.from(await generateChecklist(20_000));
      // While it is read: the file is not open, the page says so, and takes the next file.
      await chooseWorkbook(page, '大清单.xlsx', big);
      await page.click('[data-testid=cancel]');
      await page.waitForSelector('[data-testid=notice]');
      expect(await page.textContent('[data-testid=notice]')).toBe('已取消。所选文件没有被修改。');
      expect(await page.$$('[data-testid=progress]')).toHaveLength(0);
      expect(await page.$$('.issue')).toHaveLength(0);
      expect(await page.textContent('.file-name')).toBe('未选择文件');
      await chooseWorkbook(page, '大清单.xlsx', big);
      await page.waitForSelector('.issue[data-cell]', { timeout: 120_000 });
      const issues = await page.$$eval('.issue', (els) => els.length);
      // While the copy is written: no download, the results stay; the next download has the file's marks.
      let downloads = 0;
      page.on('download', () => downloads++);
      await page.click('[data-testid=download]');
      await page.waitForSelector('[data-testid=progress] >> text=正在生成标注副本…');
      await page.click('[data-testid=cancel]');
      await page.waitForSelector('[data-testid=notice]');
      expect(await page.textContent('[data-testid=notice]')).toBe('已取消。所选文件没有被修改。');
      expect(await page.$$eval('.issue', (els) => els.length)).toBe(issues);
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 180_000 }),
        page.click('[data-testid=download]'),
      ]);
      expect(downloads).toBe(1);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      let marked = 0;
      workbook.getWorksheet(SHEET)!.eachRow((row) =>
        row.eachCell((cell) => {
          const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
          if (argb && Object.values(MARK_COLOURS).includes(argb)) marked++;
        }),
      );
      expect(marked).toBeGreaterThan(100);
      expect(errors).toEqual([]);
    }, 300_000);

    it('a worker that cannot start is said plainly, never a silent wait', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS, { path: 'standalone.html' });
      await page.route('**/file-worker.js*', (route) => route.fulfill({ status: 404, body: '' }));
      await page.setInputFiles('[data-testid=file-input]', join(EXAMPLES, MARKET_LIST));
      await page.waitForSelector('[data-testid=notice][role=alert]');
      expect(await page.textContent('[data-testid=notice]')).toMatch(/^出错了：后台处理文件的程序出错/);
      expect(await page.$$('[data-testid=progress]')).toHaveLength(0);
      await page.unroute('**/file-worker.js*');
      await page.setInputFiles('[data-testid=file-input]', join(EXAMPLES, MARKET_LIST));
      await page.waitForSelector('.issue[data-cell="I7"]');
      expect(errors).toEqual([]);
    }, 60_000);

    it('清空结果 fits the standalone page: it empties the results and says the file was never changed', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      await page.setInputFiles('[data-testid=file-input]', join(EXAMPLES, MARKET_LIST));
      await page.waitForSelector('.issue[data-cell="I7"]');
      expect(await page.textContent('[data-testid=clear]')).toBe('清空结果');
      await page.click('[data-testid=clear]');
      await page.waitForSelector('[data-testid=notice]');
      expect(await page.textContent('[data-testid=notice]')).toBe(
        '已清空本次校验结果。所选文件本身没有被修改；点“校验”可重新校验。',
      );
      expect(await page.$$('.issue')).toHaveLength(0);
      expect(await page.isDisabled('[data-testid=download]')).toBe(true);
      expect(await page.isDisabled('[data-testid=clear]')).toBe(true);
      await page.click('[data-testid=validate]');
      await page.waitForSelector('.issue[data-cell="I7"]');
      expect(errors).toEqual([]);
    }, 60_000);

    it('starts standalone when office.js cannot be fetched, and shows cell text as text', async () => {
      const { page, errors } = await open('unreachable');
      await page.waitForSelector('[data-testid=mode]');
      const buffer = await checklistFile(['<img src=x onerror="window.__drcXss=1">']);
      await chooseWorkbook(page, '注入.xlsx', buffer);
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

    it('监测点汇总: tallies the 27 chosen files, downloads the summary that exceljs reads back', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.waitForSelector('[data-testid=tab-check][aria-selected=true]');
      expect(requested.some((u) => u.includes('reports'))).toBe(false);
      await page.click('[data-testid=tab-tally]');
      await page.waitForSelector('[data-testid=section-tally]');
      expect(requested.some((u) => u.includes('reports'))).toBe(true);
      expect(await page.isDisabled('[data-testid=tally-from-workbook]')).toBe(true);

      await page.setInputFiles('[data-testid=tally-files]', TALLY_FILES);
      await page.waitForSelector('tr[data-unit="工信局"] .status');
      expect(await page.textContent('[data-testid=tally-file-count]')).toBe('已选择 27 个文件');
      expect(await page.textContent('tr[data-unit="工信局"] .status')).toBe('不足1');
      expect(await page.getAttribute('tr[data-unit="工信局"]', 'data-status')).toBe('short');
      expect(await page.textContent('tr[data-unit="民政局"] .status')).toBe('未申报');
      expect(await page.textContent('tr[data-unit="市场监督管理局"] .status')).toBe('超出1');
      const total = await page.textContent('[data-testid=tally-total]');
      expect(total).toContain('全县任务 66 家，已计入 61 家');
      // Shortage and excess stated apart, never netted.
      expect(total).toContain('还差 6 家（5 个单位）');
      expect(total).toContain('超出 1 家（1 个单位）');
      expect(await page.$$eval('[data-testid=tally-units] tbody tr', (rows) => rows.length)).toBe(23);
      expect(await page.textContent('[data-testid=tally-duplicates]')).toContain('江西鑫建建设工程有限公司');
      expect(await page.textContent('[data-testid=tally-unknown]')).toContain('分配表中没有相近的单位');
      expect(await page.textContent('[data-testid=tally-excluded]')).toContain('赣南商贸集团股份有限公司');
      // 民政局 sent its inspection list: it stays 未申报, and the pane says why.
      expect(await page.textContent('[data-testid=tally-no-declaration]')).toContain(
        '于都县民政局-检查实施清单.xlsx似为民政局检查实施清单，不是监测点申报表',
      );
      // Nothing wider than the pane (long file and item names wrap or are cut short).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shoot(page, 'pane-tally.png');

      // An issue of a chosen file shows its cell's text (there is no sheet on screen to select it in).
      await page.click('[data-testid=tally-issues] .issue[data-cell="J5"]');
      expect(await page.textContent('[data-testid=section-preview]')).toContain('大型');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=tally-write]'),
      ]);
      expect(download.suggestedFilename()).toBe('监测点汇总.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        '监测点汇总',
        '监测点图表',
        '重复申报',
        '可能重复',
        '不在分配表的单位',
        '不计入的企业',
        '未读到申报的文件',
        '申报明细',
      ]);
      const summary = workbook.getWorksheet('监测点汇总')!;
      expect(summary.getCell('A1').value).toBe(SUMMARY_TITLE);
      const row = summary.getColumn(2).values.indexOf('工信局');
      expect(row).toBeGreaterThan(0);
      const status = summary.getCell(row, 6).value as ExcelJS.CellFormulaValue;
      expect(status.result).toBe('不足1');
      expect(await page.textContent('[data-testid=tally-notice]')).toContain('已下载');
      expect(errors).toEqual([]);
    }, 90_000);

    it('动态调整情况表: two chosen files compared, a pair confirmed, the report downloaded and read back', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      await page.click('[data-testid=tab-adjust]');
      await page.waitForSelector('[data-testid=section-adjust]');
      await page.setInputFiles('[data-testid=adjust-previous-file]', MARKET_2019);
      await page.waitForSelector('[data-testid=adjust-previous] option:checked:has-text("2019年度")', {
        state: 'attached',
      });
      await page.setInputFiles('[data-testid=adjust-current-file]', MARKET_2020);
      await page.waitForSelector('[data-testid=adjust-current] option:checked:has-text("2020年度")', {
        state: 'attached',
      });
      await page.click('[data-testid=adjust-run]');
      await page.waitForSelector('[data-testid=adjust-counts]');
      const counts = () =>
        page.$$eval('[data-testid=adjust-counts] [data-count]', (tiles) =>
          Object.fromEntries(
            tiles.map((t) => [t.getAttribute('data-count'), Number(t.querySelector('strong')?.textContent)]),
          ),
        );
      expect(await counts()).toEqual({ added: 2, deleted: 3, modified: 4, unchanged: 3 });
      expect(await page.textContent('[data-testid=adjust-title]')).toContain(REPORT_TITLE);
      expect(await page.textContent('[data-testid=adjust-modified]')).toContain('检查比例 5% → 10%');
      expect(await page.textContent('[data-testid=adjust-uncertain]')).toContain('商品条码印刷企业检查');
      // A change without a reason: its cell in this year's list (L9), shown as text in the standalone page.
      await page.click('[data-testid=adjust-issues] .issue[data-cell="L9"]');
      await page.waitForSelector('[data-testid=section-preview]');
      // Nothing wider than the pane (long file and item names wrap or are cut short).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shoot(page, 'pane-adjust.png');

      await page.click('[data-testid=confirm-same]');
      await page.waitForSelector('[data-testid=adjust-decisions]');
      expect(await counts()).toEqual({ added: 1, deleted: 2, modified: 5, unchanged: 3 });
      expect(await page.$$('[data-testid=adjust-uncertain]')).toHaveLength(0);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=adjust-write]'),
      ]);
      expect(download.suggestedFilename()).toBe(`${REPORT_TITLE}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['动态调整情况表', '调整后清单']);
      expect(workbook.getWorksheet('动态调整情况表')!.getCell('A1').value).toBe(REPORT_TITLE);
      expect(errors).toEqual([]);
    }, 90_000);

    it('两平台比对: two platform exports compared, the differences listed', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS, { locale: 'en-US' });
      await page.click('[data-testid=tab-compare]');
      await page.waitForSelector('[data-testid=section-compare]');
      await page.setInputFiles(
        '[data-testid=compare-a-file]',
        join(ADJUST, '互联网+监管-检查实施清单导出.xlsx'),
      );
      await page.setInputFiles(
        '[data-testid=compare-b-file]',
        join(ADJUST, '双随机平台-抽查事项清单导出.xlsx'),
      );
      await page.waitForSelector('[data-testid=compare-run]:not([disabled])');
      await page.click('[data-testid=compare-run]');
      await page.waitForSelector('[data-testid=compare-summary]');
      expect(await page.textContent('[data-testid=compare-summary]')).toMatch(/\d+ differences\./);
      expect(await page.textContent('[data-testid=compare-agency]')).toContain('Agency code');
      expect(await page.textContent('[data-testid=tab-compare]')).toBe('Compare');
      expect(errors).toEqual([]);
    }, 60_000);

    it('汇总审核: a chosen folder of 23 units reviewed in the page, the office workbook downloaded', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      await page.waitForSelector('[data-testid=tab-check][aria-selected=true]');
      await page.click('[data-testid=tab-review]');
      await page.waitForSelector('[data-testid=review-section]');
      await page.setInputFiles('[data-testid=review-folder]', join(EXAMPLES, 'review'));
      await page.waitForSelector('[data-testid=review-summary]');
      expect(await page.textContent('[data-testid=review-summary]')).toBe(
        '共 67 个文件，23 个单位：已报齐 16 个，需修改 3 个，未报齐 4 个。',
      );
      expect(await page.$$eval('[data-testid=review-units] tbody tr', (rows) => rows.length)).toBe(23);
      expect(await page.textContent('tr[data-unit="水利局"]')).toContain('已报（错误 4）');
      expect(await page.textContent('tr[data-unit="医保局"]')).toContain('未报齐');
      expect(await page.textContent('[data-testid=review-unassigned]')).toContain('收文登记.csv');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await shoot(page, 'pane-review.png');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-testid=review-write]'),
      ]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name).slice(0, 4)).toEqual([
        '报送情况',
        '清单汇总',
        '全县检查事项清单',
        '退回意见',
      ]);
      expect(await page.textContent('[data-testid=review-notice]')).toContain('已下载');
      expect(errors).toEqual([]);
    }, 120_000);

    it('shows the lists’ cell text as text in the report sections', async () => {
      const { page, errors } = await open(BROWSER_OFFICE_JS);
      const list = async (names: string[]) => {
        const workbook = new ExcelJS.Workbook();
        const ws = workbook.addWorksheet('清单');
        ws.addRow([
          '序号',
          '检查事项名称',
          '检查依据',
          '检查主体',
          '检查对象',
          '检查方式',
          '检查比例',
          '检查频次',
        ]);
        names.forEach((n, i) =>
          ws.addRow([i + 1, n, '《食品安全法》', '市场监管局', '企业', '双随机抽查', '5%', '每年1次']),
        );
        return Buffer.from(await workbook.xlsx.writeBuffer());
      };
      const markup = '<img src=x onerror="window.__drcXss=1">食品检查';
      await page.click('[data-testid=tab-adjust]');
      await page.waitForSelector('[data-testid=section-adjust]');
      await page.setInputFiles('[data-testid=adjust-previous-file]', {
        name: '上年.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await list([markup, '药品检查']),
      });
      await page.setInputFiles('[data-testid=adjust-current-file]', {
        name: '本年.xlsx',
        mimeType: 'application/octet-stream',
        buffer: await list(['药品检查']),
      });
      await page.waitForSelector('[data-testid=adjust-run]:not([disabled])');
      await page.click('[data-testid=adjust-run]');
      await page.waitForSelector('[data-testid=adjust-deleted]');
      expect(await page.textContent('[data-testid=adjust-deleted]')).toContain(markup);
      expect(await page.$$('[data-testid=section-adjust] img')).toHaveLength(0);
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
      await watchCsp(context);
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
    const stubJs = () => readFileSync(join(stubDir(dir), 'office-stub.js'), 'utf8');
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
      await page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [SAVED_KEY, saved]);
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
      init.workbook.sheets[0]!.protected = true;
      const { page } = await open(stubJs(), { stub: init });
      const before = await fake(page, (f) => f.decorations('检查实施清单'));
      await page.click('[data-testid=validate]');
      await page.waitForSelector('[data-testid=notice]');
      expect(await page.textContent('[data-testid=notice]')).toContain('受保护');
      expect(await fake(page, (f) => f.decorations('检查实施清单'))).toBe(before);
    }, 60_000);

    it('监测点汇总 in Excel: chosen files tallied, the summary and 申报明细 written into the workbook', async () => {
      const { page, errors } = await open(stubJs(), { stub: stub() });
      await page.click('[data-testid=tab-tally]');
      await page.waitForSelector('[data-testid=tally-from-workbook][aria-pressed=true]');
      await page.click('[data-testid=tally-from-files]');
      await page.setInputFiles('[data-testid=tally-files]', TALLY_FILES);
      await page.waitForSelector('tr[data-unit="工信局"] .status');
      expect(await page.textContent('[data-testid=tally-write]')).toBe('写入汇总表');
      await page.click('[data-testid=tally-write]');
      await page.waitForSelector('[data-testid=tally-notice].notice-success');
      expect(await page.textContent('[data-testid=tally-notice]')).toBe(
        '已写入工作表：监测点汇总、监测点图表、重复申报、可能重复、不在分配表的单位、不计入的企业、未读到申报的文件、申报明细。',
      );
      expect(await fake(page, (f) => f.sheetNames())).toEqual(
        expect.arrayContaining(['检查实施清单', '监测点汇总', '申报明细']),
      );
      expect(await fake(page, (f) => f.value('监测点汇总', 'A1'))).toBe(SUMMARY_TITLE);
      expect(await fake(page, (f) => f.formula('监测点汇总', 'D5'))).toMatch(
        /^=SUMPRODUCT\(EXACT\('申报明细'!\$B\$3:\$B\$\d+,\$B5\)/,
      );
      expect(await fake(page, (f) => f.value('申报明细', 'A1'))).toBe('行政检查监测点企业申报明细');
      // The summary is shown; the list the clerk validates is untouched.
      const shown = await fake(page, (f) => f.book.activeId === f.sheetId('监测点汇总'));
      expect(shown).toBe(true);
      expect(errors).toEqual([]);
    }, 120_000);

    it('动态调整情况表 in Excel: last year’s sheet against the active one; an issue selects its cell', async () => {
      // This year's list first (the active sheet when the workbook opens), last year's beside it.
      const grids = [
        ...exampleGrids('adjust/于都县市场监督管理局-2020年度检查事项清单.xlsx'),
        ...exampleGrids('adjust/于都县市场监督管理局-2019年度检查事项清单.xlsx'),
      ];
      const init: StubInit = { workbook: fakeWorkbook(grids), language: 'zh-CN' };
      init.workbook.sheets = init.workbook.sheets.map((sh) => ({
        ...sh,
        fills: undefined,
        notes: undefined,
      }));
      const { page, errors } = await open(stubJs(), { stub: init });
      await page.click('[data-testid=tab-adjust]');
      // This year's list is the active sheet, last year's guessed from the sheet names.
      await page.waitForSelector('[data-testid=adjust-previous] option:checked:has-text("2019年清单")', {
        state: 'attached',
      });
      expect(await page.$eval('[data-testid=adjust-current]', (s) => (s as HTMLSelectElement).value)).toBe(
        's:检查实施清单',
      );
      await page.click('[data-testid=adjust-run]');
      await page.waitForSelector('[data-testid=adjust-counts]');
      await page.click('[data-testid=adjust-issues] .issue[data-cell="L9"]');
      await page.waitForFunction(
        () => (window as unknown as FakeWindow).__drcFake.book.selection?.address === 'L9',
      );
      expect(await fake(page, (f) => f.book.activeId === f.sheetId('检查实施清单'))).toBe(true);
      await page.click('[data-testid=adjust-write]');
      await page.waitForSelector('[data-testid=adjust-notice].notice-success');
      expect(await fake(page, (f) => f.value('动态调整情况表', 'A1'))).toBe(REPORT_TITLE);
      expect(await fake(page, (f) => f.sheetNames())).toContain('调整后清单');
      expect(errors).toEqual([]);
    }, 120_000);

    it('runs the ribbon commands without the pane: 校验 marks, 清除标记 restores, both complete', async () => {
      const { page } = await open(stubJs(), { stub: stub(), path: 'commands.html' });
      await page.waitForFunction(() => !!(window as unknown as FakeWindow).__drcCommands?.validateSheet);
      const before = await fake(page, (f) => f.decorations('检查实施清单'));
      const completed = await page.evaluate(async () => {
        const w = window as unknown as FakeWindow;
        let done = 0;
        await w.__drcCommands.validateSheet!({ completed: () => done++ });
        return done;
      });
      expect(completed).toBe(1);
      expect(await fake(page, (f) => f.fill('检查实施清单', 'I7'))).toBe(MARK_RGB(MARK_COLOURS.error));
      await page.evaluate(async () => {
        const g = window as unknown as Record<string, (e: { completed(): void }) => Promise<void>>;
        await g.clearMarks!({ completed: () => undefined });
      });
      expect(await fake(page, (f) => f.decorations('检查实施清单'))).toBe(before);
    }, 60_000);

    it('a ribbon command that fails writes nothing into the workbook; the pane shows its message once', async () => {
      const init = stub();
      init.workbook.sheets[0]!.protected = true;
      const { page } = await open(stubJs(), { stub: init, path: 'commands.html' });
      await page.waitForFunction(() => !!(window as unknown as FakeWindow).__drcCommands?.validateSheet);
      const before = await fake(page, (f) => f.save());
      const completed = await page.evaluate(async () => {
        let done = 0;
        await (window as unknown as FakeWindow).__drcCommands.validateSheet!({ completed: () => done++ });
        return done;
      });
      expect(completed).toBe(1);
      // The whole workbook model, cells, formats, sheets, settings and custom parts, is as it was.
      expect(await fake(page, (f) => f.save())).toBe(before);
      expect(await page.evaluate(() => localStorage.getItem('drc.commandError'))).toContain('受保护');

      // The pane (same origin, same workbook) says what failed, once.
      await page.evaluate(([key, value]) => sessionStorage.setItem(key!, value!), [SAVED_KEY, before]);
      await page.goto(`${server.origin}/taskpane.html`);
      await page.waitForSelector('[data-testid=notice]');
      expect(await page.textContent('[data-testid=notice]')).toContain('受保护');
      expect(await page.evaluate(() => localStorage.getItem('drc.commandError'))).toBeNull();
    }, 60_000);
  });
});

// Keeps the example bytes import used when the suite is skipped (no chromium): the file must exist either way.
test('the example the end-to-end tests use exists', () => {
  expect(exampleBytes(MARKET_LIST).length).toBeGreaterThan(1000);
});

/** Every file under a folder, as paths relative to it with forward slashes. */
function listFiles(root: string, under = ''): string[] {
  return readdirSync(join(root, under), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(root, `${under}${e.name}/`) : [`${under}${e.name}`],
  );
}

/** Waits until the cell preview shows this text (it is filled in after the cell is read, not at the click). */
async function previewShows(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=preview]')?.textContent === t,
    text,
    { timeout: 10_000 },
  );
}

/** Chooses a workbook made in the test in the page's file input. */
function chooseWorkbook(page: Page, name: string, buffer: Buffer): Promise<void> {
  return page.setInputFiles('[data-testid=file-input]', {
    name,
    mimeType: 'application/octet-stream',
    buffer,
  });
}

/** A one-sheet checklist whose 检查比例 (column H) holds the given texts, one data row each (H2, H3 …). */
async function checklistFile(ratios: readonly string[]): Promise<Buffer> {
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
  ratios.forEach((ratio, i) =>
    ws.addRow([
      i + 1,
      `食品检查${i + 1}`,
      '《食品安全法》',
      '市场监管局',
      '企业',
      '双随机抽查',
      '是',
      ratio,
      '每年1次',
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A checklist with `rows` data rows whose 检查比例 is unreadable: one issue per row, H2 (abc2) … H<rows+1>. */
function manyIssuesWorkbook(rows: number): Promise<Buffer> {
  return checklistFile(Array.from({ length: rows }, (_, i) => `abc${i + 2}`));
}
