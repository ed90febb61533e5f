import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { strFromU8, unzipSync } from 'fflate';
import { chromium } from 'playwright-core';
import { SaxesParser } from 'saxes';
import webpack from 'webpack';
import { path7za } from '7zip-bin';
import { checklistSheet } from './checklist-sheet';
import { FakeEt } from './fake-et';

// `npm run build:wps` once, into a temporary folder, then its output is checked as WPS will meet it.
const ROOT = path.join(__dirname, '..', '..', '..');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const FOLDER = `${PKG.name}_${PKG.version}`;
const BASE = 'http://wps-addins.example.gov.cn/qingdan/';
let out = '';

beforeAll(() => {
  out = path.join(mkdtempSync(path.join(tmpdir(), 'drc-wps-')), 'dist-wps');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'build-wps.cjs'), '--out', out, '--base-url', BASE],
    { cwd: ROOT, stdio: 'pipe' },
  );
}, 120_000);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** Attributes of every element of an XML document (fails on malformed XML). */
function elements(xml: string): Array<{ name: string; attributes: Record<string, string> }> {
  const parser = new SaxesParser();
  const out: Array<{ name: string; attributes: Record<string, string> }> = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) =>
    out.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }),
  );
  parser.write(xml).close();
  return out;
}

/** Names the entry script puts on `window` (`Object.assign(window, {…})` or `window.X = …`), from its syntax tree. */
function windowNames(code: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { type?: string };
    if (n.type === 'CallExpression') {
      const callee = n.callee as { type: string; object?: { name?: string }; property?: { name?: string } };
      const args = n.arguments as Array<{
        type: string;
        name?: string;
        properties?: Array<{ key: { name?: string; value?: string } }>;
      }>;
      if (
        callee.type === 'MemberExpression' &&
        callee.object?.name === 'Object' &&
        callee.property?.name === 'assign' &&
        args[0]?.name === 'window'
      )
        for (const p of args[1]?.properties ?? []) names.add(String(p.key.name ?? p.key.value));
    }
    if (n.type === 'AssignmentExpression') {
      const left = n.left as { type: string; object?: { name?: string }; property?: { name?: string } };
      if (left.type === 'MemberExpression' && left.object?.name === 'window' && left.property?.name)
        names.add(left.property.name);
    }
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') visit(v);
    }
  };
  visit(acorn.parse(code, { ecmaVersion: 2017, sourceType: 'script' }));
  return names;
}

describe('npm run build:wps', () => {
  test('every built script parses as ES2017', () => {
    const scripts = files(out).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const f of scripts)
      expect(() =>
        acorn.parse(readFileSync(f, 'utf8'), { ecmaVersion: 2017, sourceType: 'script' }),
      ).not.toThrow();
    // The parser does reject newer syntax (a lookbehind in a regex literal, object spread): the check means something.
    expect(() => acorn.parse('var r = /(?<!a)b/;', { ecmaVersion: 2017 })).toThrow();
    expect(() => acorn.parse('var o = { ...p };', { ecmaVersion: 2017 })).toThrow();
  });

  test('ribbon.xml is valid XML starting with <customUI>, with the 清单助手 tab and its five buttons', () => {
    const xml = readFileSync(path.join(out, 'ribbon.xml'), 'utf8');
    expect(xml.startsWith('<customUI')).toBe(true);
    const tags = elements(xml);
    expect(tags.find((t) => t.name === 'tab')?.attributes.label).toBe('清单助手');
    expect(tags.filter((t) => t.name === 'button').map((t) => t.attributes.label)).toEqual([
      '校验',
      '清除标记',
      '监测点汇总',
      '动态调整情况表',
      '清单助手',
    ]);
  });

  test('every callback ribbon.xml names exists in the entry script, as a synchronous function', () => {
    const xml = readFileSync(path.join(out, 'ribbon.xml'), 'utf8');
    const named = new Set<string>();
    for (const t of elements(xml))
      for (const [k, v] of Object.entries(t.attributes))
        if (/^(on[A-Z]\w*|get[A-Z]\w*)$/.test(k)) named.add(v);
    expect([...named].sort()).toEqual(['GetImage', 'OnAction', 'OnAddinLoad', 'OnGetEnabled']);
    const code = readFileSync(path.join(out, 'main.js'), 'utf8');
    const defined = windowNames(code);
    for (const n of named) expect(defined).toContain(n);

    // Run the entry script as WPS does (index.html in a page whose window has `Application`): each callback is a
    // function and answers at once, never with a Promise.
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 50)] });
    const context: Record<string, unknown> = {
      Application: fake.app,
      location: { href: `${BASE}index.html` },
      alert: (m: string) => fake.alerts.push(m),
      console,
    };
    context.window = context;
    vm.runInNewContext(code, context);
    for (const n of named) expect(typeof context[n]).toBe('function');
    const call = (n: string, ...args: unknown[]) => (context[n] as (...a: unknown[]) => unknown)(...args);
    expect(call('OnAddinLoad', { Invalidate: () => undefined })).toBe(true);
    expect(call('GetImage', { Id: 'drcValidate' })).toBe('images/validate.svg');
    expect(call('OnGetEnabled', { Id: 'drcValidate' })).toBe(true);
    expect(existsSync(path.join(out, 'images', 'validate.svg'))).toBe(true);
  });

  test('the pane button opens one task pane docked right, its id kept in PluginStorage; 校验 returns at once and marks', async () => {
    const code = readFileSync(path.join(out, 'main.js'), 'utf8');
    const fake = new FakeEt({ sheets: [checklistSheet('检查实施清单', 50)] });
    // The command reports its end through an alert: the test waits for that alert, not for a time.
    let alerted: (message: string) => void = () => undefined;
    const firstAlert = new Promise<string>((resolve) => (alerted = resolve));
    const context: Record<string, unknown> = {
      Application: fake.app,
      location: { href: `${BASE}index.html?x=1` },
      alert: (m: string) => {
        fake.alerts.push(m);
        alerted(m);
      },
      console,
    };
    context.window = context;
    vm.runInNewContext(code, context);
    const action = context.OnAction as (c: { Id: string }) => unknown;
    expect(action({ Id: 'drcPane' })).toBe(true);
    expect(action({ Id: 'drcPane' })).toBe(true);
    expect(fake.panes.size).toBe(1);
    const [id, pane] = [...fake.panes][0]!;
    expect(pane).toMatchObject({ url: `${BASE}taskpane.html`, Visible: true, DockPosition: 2 });
    expect(fake.pluginStorage.get('drc.taskpaneId')).toBe(id);

    const result = action({ Id: 'drcValidate' });
    expect(result).toBe(true);
    expect((context.OnGetEnabled as (c: { Id: string }) => boolean)({ Id: 'drcValidate' })).toBe(false);
    expect(await firstAlert).toMatch(/^校验完成/);
    expect(fake.alerts).toHaveLength(1);
    expect(fake.decorations('检查实施清单')).not.toBe(JSON.stringify([[], []]));
  });

  test.each<[string, unknown, RegExp, RegExp]>([
    [
      'an English WPS (1033): English',
      1033,
      /^Validated sheet “检查实施清单”: \d+ errors/,
      /^The add-in is still busy/,
    ],
    ['a Chinese WPS (2052): Chinese', 2052, /^校验完成：工作表“检查实施清单”发现错误/, /^清单助手正在处理/],
    ['a WPS that does not say (no LanguageSettings): Chinese', 'missing', /^校验完成/, /^清单助手正在处理/],
  ])('the ribbon speaks the language of WPS’s menus: %s', async (_, uiLanguage, done, busy) => {
    const code = readFileSync(path.join(out, 'main.js'), 'utf8');
    const fake = new FakeEt({
      sheets: [checklistSheet('检查实施清单', 20)],
      ...(uiLanguage === 'missing' ? {} : { uiLanguage }),
    });
    const alerts: string[] = [];
    let alerted: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (alerted = resolve));
    const context: Record<string, unknown> = {
      Application: fake.app,
      location: { href: `${BASE}index.html` },
      alert: (m: string) => {
        alerts.push(m);
        if (alerts.length === 2) alerted();
      },
      console,
    };
    context.window = context;
    vm.runInNewContext(code, context);
    const action = context.OnAction as (c: { Id: string }) => unknown;
    action({ Id: 'drcValidate' });
    // A second click while the first runs is refused at once, in the same language.
    action({ Id: 'drcValidate' });
    await finished;
    expect(alerts[0]).toMatch(busy);
    expect(alerts[1]).toMatch(done);
  });

  test('the pane page, the entry page and the icons are there; the pane page loads no Office.js', () => {
    const pane = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    expect(pane).toMatch(/<div id="app"><\/div>/);
    expect(pane).toMatch(/<script src="taskpane\.js\?[0-9a-f]+"><\/script>/);
    expect(pane).not.toMatch(/office\.js/);
    // A strict policy on both pages: scripts only from the add-in's folder, over http or from disk; no inline script.
    for (const html of [pane, readFileSync(path.join(out, 'index.html'), 'utf8')]) {
      expect(html).toContain(`content="default-src 'self' file:; script-src 'self' file:;`);
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
    }
    expect(pane).not.toMatch(/legacy-webview/);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(
      /<script src="main\.js\?[0-9a-f]+"><\/script>/,
    );
    for (const icon of ['validate', 'clear', 'tally', 'adjust', 'pane'])
      expect(existsSync(path.join(out, 'images', `${icon}.svg`))).toBe(true);
  });

  test('jsplugins.xml and publish.xml point at the folder and version of package.json', () => {
    const online = elements(readFileSync(path.join(out, 'jsplugins.xml'), 'utf8')).find(
      (t) => t.name === 'jspluginonline',
    );
    expect(online?.attributes).toEqual({ name: PKG.name, type: 'et', url: BASE });
    const offline = elements(readFileSync(path.join(out, 'offline', 'jsplugins.xml'), 'utf8')).find(
      (t) => t.name === 'jsplugin',
    );
    expect(offline?.attributes).toEqual({
      name: PKG.name,
      type: 'et',
      url: `${BASE}offline/${FOLDER}.7z`,
      version: PKG.version,
    });
    const publish = elements(readFileSync(path.join(out, 'offline', 'publish.xml'), 'utf8')).find(
      (t) => t.name === 'jsplugin',
    );
    expect(publish?.attributes).toMatchObject({
      name: PKG.name,
      type: 'et',
      url: FOLDER,
      version: PKG.version,
    });
    expect(readFileSync(path.join(out, 'offline', 'install-linux.sh'), 'utf8')).toContain(
      `NAME='${PKG.name}'`,
    );
  });

  test('the offline package: the <name>_<version> folder packed as .7z (and .zip with the install scripts)', () => {
    const archive = path.join(out, 'offline', `${FOLDER}.7z`);
    expect(statSync(archive).size).toBeGreaterThan(10_000);
    expect(readFileSync(archive).subarray(0, 6)).toEqual(Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]));
    const bin = path7za;
    const listing = execFileSync(bin, ['l', '-ba', archive], { encoding: 'utf8' });
    for (const f of [
      'index.html',
      'main.js',
      'ribbon.xml',
      'taskpane.html',
      'taskpane.js',
      'images/validate.svg',
    ])
      expect(listing).toContain(`${FOLDER}/${f}`);
    const zip = unzipSync(new Uint8Array(readFileSync(path.join(out, 'offline', `${FOLDER}.zip`))));
    expect(strFromU8(zip[`${FOLDER}/ribbon.xml`]!).startsWith('<customUI')).toBe(true);
    // The scripts themselves are tested in installers.test.ts.
    for (const f of [
      'publish.xml',
      'install-windows.cmd',
      'uninstall-windows.cmd',
      'install-windows.ps1',
      'install-linux.sh',
      'uninstall-linux.sh',
    ])
      expect(zip[f]).toBeDefined();
  });

  test('the engine has no lookbehind regexes (ES2018), so the ES2017 bundle needs no rewriting', () => {
    const offenders = listTs(path.join(ROOT, 'src')).filter((f) => /\(\?<[=!]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  /** Every .ts file under a folder. */
  function listTs(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? listTs(path.join(dir, d.name))
        : d.name.endsWith('.ts')
          ? [path.join(dir, d.name)]
          : [],
    );
  }

  const chromiumPath = '/usr/bin/chromium';
  (existsSync(chromiumPath) ? test : test.skip)(
    'the built pane runs in Chromium on a WPS Application: validate, click an issue to select its cell, clear',
    async () => {
      const fakeScript = await bundleForBrowser(path.join(__dirname, 'browser-fake.ts'));
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
      });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        // The pages' Content-Security-Policy must let the add-in's own scripts run from a jsaddons folder (file://).
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
        });
        await page.addInitScript({ content: fakeScript });
        // file:// as WPS loads an offline add-in from its jsaddons folder.
        await page.goto(pathToFileURL(path.join(out, 'taskpane.html')).href);
        await page.click('[data-testid="validate"]');
        const issue = page.locator('[data-cell]').first();
        await issue.waitFor({ timeout: 20_000 });
        const cell = await issue.getAttribute('data-cell');
        const sheet = await issue.getAttribute('data-sheet');
        await issue.click();
        await page.waitForFunction(
          (want) => (window as unknown as { __fake: { selection?: string } }).__fake.selection === want,
          `${sheet}!${cell}`,
        );
        const marked = await page.evaluate(() =>
          (window as unknown as { __fake: FakeEt }).__fake.decorations('检查实施清单'),
        );
        expect(marked).not.toBe(JSON.stringify([[], []]));
        await page.click('[data-testid="clear"]');
        await page.waitForFunction(
          () => (window as unknown as { __fake: FakeEt }).__fake.decorations('检查实施清单') === '[[],[]]',
        );
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

/** Bundles a test script for the browser with webpack (the fake object model has no Node dependency). */
function bundleForBrowser(entry: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'drc-fake-'));
  return new Promise((resolve, reject) =>
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: ['web', 'es2020'],
        entry,
        output: { path: dir, filename: 'fake.js' },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: 'ts-loader',
              options: { transpileOnly: true, compilerOptions: { module: 'ESNext', target: 'ES2020' } },
            },
          ],
        },
      },
      (err, stats) => {
        if (err || !stats || stats.hasErrors())
          return reject(err ?? new Error(stats?.toString('errors-only')));
        resolve(readFileSync(path.join(dir, 'fake.js'), 'utf8'));
      },
    ),
  );
}
