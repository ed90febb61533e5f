import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { JSDOM, VirtualConsole } from 'jsdom';
import { SaxesParser } from 'saxes';
import { checklistSheet } from './checklist-sheet';
import { FakeEt } from './fake-et';
import { fromXlsx } from './helpers';
import { ageContext, membrane, MISSING_IN_CHROME_61 } from './old-engine';

// The built WPS add-in on the oldest engine it claims: main.js (the ribbon's callbacks) and the pane's scripts run in
// a vm context where what Chromium 61 lacks is deleted, against the fake WPS object model.
const ROOT = path.join(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const BASE = 'http://wps-addins.example.gov.cn/qingdan/';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { WPS_CHROME } = require(path.join(ROOT, 'scripts', 'build-wps.cjs')) as { WPS_CHROME: number };
let out = '';

beforeAll(() => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'drc-wps-old-')), 'dist-wps');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'build-wps.cjs'), '--out', out, '--base-url', BASE, '--no-pack'],
    { cwd: ROOT, stdio: 'pipe' },
  );
}, 180_000);

/** The buttons of ribbon.xml and the callback names it uses. */
function ribbon(): { buttons: string[]; callbacks: string[] } {
  const buttons: string[] = [];
  const callbacks = new Set<string>();
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'button') buttons.push(a.id!);
    for (const [k, v] of Object.entries(a)) if (/^(on|get)[A-Z]\w*$/.test(k)) callbacks.add(v);
  });
  parser.write(readFileSync(path.join(out, 'ribbon.xml'), 'utf8')).close();
  return { buttons, callbacks: [...callbacks].sort() };
}

/** A workbook every button has work in: this year's list (active), last year's, four units' declarations. */
function fullWorkbook(): FakeEt {
  const adjust = path.join(EXAMPLES, 'adjust');
  const tally = path.join(EXAMPLES, 'tally');
  const declarations = readdirSync(tally)
    .filter((f) => f.endsWith('.xlsx'))
    .slice(0, 4)
    .map((f, i) => fromXlsx(path.join(tally, f), `单位${i + 1}`));
  const fake = new FakeEt({
    sheets: [
      fromXlsx(path.join(adjust, '于都县市场监督管理局-2019年度检查事项清单.xlsx'), '2019年清单'),
      fromXlsx(path.join(adjust, '于都县市场监督管理局-2020年度检查事项清单.xlsx'), '2020年清单'),
      ...declarations,
    ],
  });
  fake.activate('2020年清单');
  return fake;
}

describe(`the WPS add-in on Chromium ${WPS_CHROME}`, () => {
  test('the simulated engine really lacks the built-ins, sorts unstably and rejects newer RegExp syntax', () => {
    const context = vm.createContext({});
    const deleted = ageContext(context);
    expect(deleted).toEqual(
      expect.arrayContaining([
        'Object.fromEntries',
        'Array.prototype.flat',
        'Array.prototype.flatMap',
        'String.prototype.matchAll',
        'Array.prototype.at',
        'Promise.prototype.finally',
        'globalThis',
      ]),
    );
    expect(
      vm.runInContext('typeof Object.fromEntries + typeof [].flatMap + typeof "".matchAll', context),
    ).toBe('undefinedundefinedundefined');
    // Unstable: equal keys come out of order, as V8 before 7.0 sorted more than ten elements.
    const order = vm.runInContext(
      `var a = []; for (var i = 0; i < 40; i++) a.push({ k: i % 2, i: i });
       a.sort(function (x, y) { return x.k - y.k; }).map(function (x) { return x.i; }).join(',')`,
      context,
    ) as string;
    const stable = Array.from({ length: 40 }, (_, i) => i)
      .sort((x, y) => (x % 2) - (y % 2))
      .join(',');
    expect(order).not.toBe(stable);
    expect(() => vm.runInContext('new RegExp("(?<=a)b")', context)).toThrow(/Invalid/);
    expect(() => vm.runInContext('RegExp("a.b", "s")', context)).toThrow(/Invalid flags/);
    expect(vm.runInContext('new RegExp("a+b", "g").test("xaab")', context)).toBe(true);
  });

  test('main.js loads, defines every callback ribbon.xml names, and every button does its work', async () => {
    const { buttons, callbacks } = ribbon();
    expect(buttons).toEqual(['drcValidate', 'drcClear', 'drcTally', 'drcAdjust', 'drcPane']);
    const fake = fullWorkbook();
    const errors: unknown[] = [];
    const context = vm.createContext({
      location: { href: `${BASE}index.html` },
      console: { ...console, error: (...a: unknown[]) => errors.push(a), log: () => undefined },
    });
    vm.runInContext('var window = this;', context);
    expect(ageContext(context)).toContain('Object.fromEntries');
    let said: ((message: string) => void) | undefined;
    const alerts: string[] = [];
    context.alert = (m: string) => {
      alerts.push(m);
      said?.(m);
    };
    context.Application = membrane(fake.app as object, context);
    vm.runInContext(readFileSync(path.join(out, 'main.js'), 'utf8'), context, { filename: 'main.js' });

    // The bundle brought what the engine lacks (core-js, by usage), without touching the test's own realm.
    expect(vm.runInContext('typeof Object.fromEntries + typeof [].flatMap', context)).toBe(
      'functionfunction',
    );
    for (const name of callbacks) expect(typeof context[name]).toBe('function');
    const call = (name: string, ...args: unknown[]) =>
      (context[name] as (...a: unknown[]) => unknown)(...args);
    expect(call('OnAddinLoad', { Invalidate: () => undefined })).toBe(true);
    for (const id of buttons) {
      const image = call('GetImage', { Id: id }) as string;
      expect(existsSync(path.join(out, image))).toBe(true);
      expect(call('OnGetEnabled', { Id: id })).toBe(true);
    }

    const press = async (id: string): Promise<string> => {
      const done = new Promise<string>((resolve) => (said = resolve));
      // Synchronous, as WPS needs: true at once, never a Promise.
      expect(call('OnAction', { Id: id })).toBe(true);
      const message = await done;
      // The buttons come back once the message has been shown.
      for (let i = 0; i < 100 && call('OnGetEnabled', { Id: id }) !== true; i++)
        await new Promise((r) => setImmediate(r));
      return message;
    };
    expect(await press('drcValidate')).toMatch(/^校验完成：工作表“2020年清单”发现错误 \d+ 个/);
    expect(fake.decorations('2020年清单')).not.toBe('[[],[]]');
    expect(await press('drcClear')).toMatch(/^已清除标记/);
    expect(fake.decorations('2020年清单')).toBe('[[],[]]');
    expect(await press('drcTally')).toMatch(/^已生成“监测点汇总”：\d+ 个单位/);
    fake.activate('2020年清单');
    expect(await press('drcAdjust')).toMatch(
      /^已生成“动态调整情况表”和“调整后清单”.*新增 2 项、删除 3 项、修改 4 项/,
    );
    expect(call('OnAction', { Id: 'drcPane' })).toBe(true);
    expect([...fake.panes.values()].map((p) => p.url)).toEqual([`${BASE}taskpane.html`]);
    expect(alerts.filter((m) => m.startsWith('出错了'))).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  test('a command that fails writes nothing into the workbook; the pane shows its message once', async () => {
    const fake = new FakeEt({
      sheets: [
        fromXlsx(path.join(EXAMPLES, 'adjust', '于都县市场监督管理局-2020年度检查事项清单.xlsx'), '本年清单'),
      ],
    });
    const context = vm.createContext({ location: { href: `${BASE}index.html` }, console });
    vm.runInContext('var window = this;', context);
    ageContext(context);
    let said: ((m: string) => void) | undefined;
    context.alert = (m: string) => said?.(m);
    context.Application = membrane(fake.app as object, context);
    vm.runInContext(readFileSync(path.join(out, 'main.js'), 'utf8'), context, { filename: 'main.js' });
    const before = fake.save();
    const message = new Promise<string>((resolve) => (said = resolve));
    (context.OnAction as (c: { Id: string }) => unknown)({ Id: 'drcAdjust' });
    expect(await message).toMatch(/^出错了：没有找到上年度清单/);
    // No _drc_marks sheet, no cell, no name: the workbook model is exactly as it was (it will not ask to be saved).
    expect(fake.save()).toBe(before);
    expect(fake.sheetNames()).toEqual(['本年清单']);
    expect(fake.pluginStorage.get('drc.commandError')).toMatch(/没有找到上年度清单/);

    // The pane opened by the failed 动态调整情况表 shows the message, then forgets it.
    const dom = new JSDOM(readFileSync(path.join(out, 'taskpane.html'), 'utf8'), {
      url: `${BASE}taskpane.html`,
      runScripts: 'outside-only',
      pretendToBeVisual: true,
    });
    const pane = dom.getInternalVMContext();
    ageContext(pane);
    (dom.window as unknown as { Application: unknown }).Application = membrane(fake.app as object, pane);
    vm.runInContext(readFileSync(path.join(out, 'taskpane.js'), 'utf8'), pane, { filename: 'taskpane.js' });
    const win = dom.window as unknown as Window & typeof globalThis;
    const notice = await until(win, () => win.document.querySelector('[data-testid=notice]'));
    expect(notice.textContent).toMatch(/没有找到上年度清单/);
    expect(fake.pluginStorage.has('drc.commandError')).toBe(false);
    expect(fake.save()).toBe(before);
    dom.window.close();
  }, 60_000);

  test('the pane loads in an old web view: validates, selects an issue’s cell, clears', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 120)] });
    const errors: string[] = [];
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('jsdomError', (e) => errors.push(String(e.stack ?? e)));
    virtualConsole.on('error', (...a: unknown[]) => errors.push(a.map(String).join(' ')));
    const dom = new JSDOM(readFileSync(path.join(out, 'taskpane.html'), 'utf8'), {
      url: `${BASE}taskpane.html`,
      runScripts: 'outside-only',
      pretendToBeVisual: true,
      virtualConsole,
    });
    const context = dom.getInternalVMContext();
    const deleted = ageContext(context);
    for (const name of ['Element.prototype.replaceChildren', 'Object.fromEntries'])
      expect(deleted).toContain(name);
    // Chosen files are read through Blob.arrayBuffer (Chrome 76): the pane adds it where it is missing.
    expect(vm.runInContext('typeof Blob.prototype.arrayBuffer', context)).toBe('undefined');
    const window = dom.window as unknown as Window & typeof globalThis & { Application?: unknown };
    window.Application = membrane(fake.app as object, context);
    const script = readdirSync(out).find((f) => /^taskpane\.js$/.test(f))!;
    vm.runInContext(readFileSync(path.join(out, script), 'utf8'), context, { filename: script });

    const doc = window.document;
    const bytes = (await vm.runInContext(
      'new Blob([new Uint8Array([7, 8, 9])]).arrayBuffer()',
      context,
    )) as ArrayBuffer;
    expect([...new Uint8Array(bytes)]).toEqual([7, 8, 9]);
    const validate = await until(window, () =>
      doc.querySelector<HTMLButtonElement>('[data-testid=validate]:not([disabled])'),
    );
    validate.click();
    const issue = await until(window, () => doc.querySelector<HTMLElement>('.issue[data-cell]'));
    expect(doc.querySelector('[data-testid=mode]')?.textContent).toBe('WPS');
    issue.click();
    const cell = `${issue.getAttribute('data-sheet')}!${issue.getAttribute('data-cell')}`;
    for (let i = 0; i < 100 && fake.selection !== cell; i++) await new Promise((r) => setImmediate(r));
    expect(fake.selection).toBe(cell);
    expect(fake.decorations('检查实施清单')).not.toBe('[[],[]]');
    // A button is enabled again once the last operation's state is drawn.
    const clear = await until(window, () =>
      doc.querySelector<HTMLButtonElement>('[data-testid=clear]:not([disabled])'),
    );
    clear.click();
    const notice = await until(window, () => doc.querySelector('[data-testid=notice]'));
    expect(notice.textContent).toMatch(/^已清除标记/);
    expect(fake.decorations('检查实施清单')).toBe('[[],[]]');
    expect(errors).toEqual([]);
    window.close();
  }, 60_000);

  test('opening the pane ten times in one WPS session leaves one SheetChange listener', async () => {
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 20)] });
    const listeners = () => fake.listeners.get('SheetChange')?.length ?? 0;
    const script = readFileSync(path.join(out, 'taskpane.js'), 'utf8');
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    let page: JSDOM | undefined;
    for (let i = 1; i <= 10; i++) {
      // WPS reloads the pane (Navigate) or closes it: the old page hides, a new one loads on the same Application.
      if (page) {
        page.window.dispatchEvent(new page.window.Event('pagehide'));
        page.window.close();
      }
      page = new JSDOM(html, {
        url: `${BASE}taskpane.html`,
        runScripts: 'outside-only',
        pretendToBeVisual: true,
      });
      const context = page.getInternalVMContext();
      ageContext(context);
      (page.window as unknown as { Application: unknown }).Application = membrane(
        fake.app as object,
        context,
      );
      vm.runInContext(script, context, { filename: 'taskpane.js' });
      const win = page.window as unknown as Window & typeof globalThis;
      // The pane subscribes once it has restored the last result (live re-validation is then on).
      await until(
        win,
        () => win.document.querySelector('.summary .live') ?? win.document.querySelector('.empty'),
      );
      for (let k = 0; k < 100 && listeners() < 1; k++) await new Promise((r) => setImmediate(r));
      expect(listeners()).toBe(1);
    }
    page!.window.dispatchEvent(new page!.window.Event('pagehide'));
    expect(listeners()).toBe(0);
    page!.window.close();
  }, 60_000);

  test('every missing built-in is listed with the Chrome version that brought it, all newer than the claim', () => {
    for (const m of MISSING_IN_CHROME_61) expect(m.since).toBeGreaterThan(WPS_CHROME);
  });
});

/** Resolves with what `find` returns once it is not null, checking after every change of the page's DOM. */
function until<T>(window: Window & typeof globalThis, find: () => T | null | false): Promise<T> {
  return new Promise((resolve) => {
    const now = find();
    if (now) return resolve(now);
    const observer = new window.MutationObserver(() => {
      const found = find();
      if (found) {
        observer.disconnect();
        resolve(found);
      }
    });
    observer.observe(window.document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}
