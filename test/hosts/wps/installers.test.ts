import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPowerShell2 } from './powershell2';

// The install and uninstall scripts of the offline package, as the build writes them (templates filled in). The
// Linux ones run here in temporary homes; the Windows ones are parsed (PowerShell) and read (.cmd), since no Windows
// runs the tests.
const ROOT = path.join(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(path.join(ROOT, 'scripts', 'build-wps.cjs')) as {
  publishScripts(values: Record<string, string>): Record<string, string>;
};
const NAME = 'double-random-checklist';
const VERSION = '9.8.7';
const FOLDER = `${NAME}_${VERSION}`;
const URL = 'http://10.0.0.1/wps/drc/';
const scripts = build.publishScripts({ name: NAME, version: VERSION, folder: FOLDER, url: URL });

/** The unpacked zip: the add-in folder beside the scripts. */
function unpacked(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'drc-pkg-'));
  mkdirSync(path.join(dir, FOLDER, 'images'), { recursive: true });
  writeFileSync(path.join(dir, FOLDER, 'ribbon.xml'), '<customUI/>');
  writeFileSync(path.join(dir, FOLDER, 'images', 'pane.svg'), '<svg/>');
  for (const [file, text] of Object.entries(scripts))
    writeFileSync(path.join(dir, file), text, { mode: 0o755 });
  return dir;
}

/** Runs a Linux script with a clean environment plus `env`; returns its exit status and output. */
function run(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync('sh', [script, ...args], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const jsaddons = (home: string) => path.join(home, '.local', 'share', 'Kingsoft', 'wps', 'jsaddons');
const entries = (home: string) =>
  [
    ...readFileSync(path.join(jsaddons(home), 'publish.xml'), 'utf8').matchAll(
      /<jsplugin\b[^>]*name="([^"]+)"[^>]*url="([^"]+)"/g,
    ),
  ].map((m) => `${m[1]}=${m[2]}`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('install-linux.sh / uninstall-linux.sh', () => {
  test('per user: installs beside other add-ins, replaces an older version, uninstalls only itself', () => {
    const pkg = unpacked();
    const home = mkdtempSync(path.join(tmpdir(), 'drc-home-'));
    mkdirSync(path.join(jsaddons(home), `${NAME}_0.0.1`), { recursive: true });
    mkdirSync(path.join(jsaddons(home), 'other_1'), { recursive: true });
    writeFileSync(
      path.join(jsaddons(home), 'publish.xml'),
      `<jsplugins>\n  <jsplugin name="other" type="wps" url="other_1" version="1"/>\n  <jsplugin name="${NAME}" type="et" url="${NAME}_0.0.1" version="0.0.1"/>\n</jsplugins>\n`,
    );
    // As root (CI) the script must be told for whom: the user of this home.
    const passwd = path.join(home, '..', `${path.basename(home)}.passwd`);
    writeFileSync(
      passwd,
      `tester:x:${process.getuid?.() ?? 1000}:${process.getgid?.() ?? 1000}::${home}:/bin/sh\n`,
    );
    const env = { HOME: home, PASSWD_FILE: passwd };
    const who = isRoot ? ['--user', 'tester'] : [];
    const installed = run(path.join(pkg, 'install-linux.sh'), who, env);
    expect(installed.status).toBe(0);
    expect(installed.out).toContain(`已安装 ${FOLDER}`);
    expect(readdirSync(jsaddons(home)).sort()).toEqual([FOLDER, 'other_1', 'publish.xml']);
    expect(existsSync(path.join(jsaddons(home), FOLDER, 'images', 'pane.svg'))).toBe(true);
    expect(entries(home)).toEqual(['other=other_1', `${NAME}=${FOLDER}`]);

    const quiet = run(path.join(pkg, 'uninstall-linux.sh'), ['--quiet', ...who], env);
    expect(quiet).toMatchObject({ status: 0, out: '', err: '' });
    expect(readdirSync(jsaddons(home)).sort()).toEqual(['other_1', 'publish.xml']);
    expect(entries(home)).toEqual(['other=other_1']);
    // Uninstalling again is harmless.
    expect(run(path.join(pkg, 'uninstall-linux.sh'), ['--quiet', ...who], env).status).toBe(0);
  });

  (isRoot ? test : test.skip)(
    'as root through sudo: installs for the user who ran sudo, owned by them, not into /root',
    () => {
      const pkg = unpacked();
      const base = mkdtempSync(path.join(tmpdir(), 'drc-sudo-'));
      const home = path.join(base, 'zhang');
      mkdirSync(home);
      const passwd = path.join(base, 'passwd');
      writeFileSync(passwd, `root:x:0:0:root:/root:/bin/sh\nzhang:x:1234:1235:张:${home}:/bin/bash\n`);
      const r = run(path.join(pkg, 'install-linux.sh'), ['--quiet'], {
        HOME: '/root',
        SUDO_USER: 'zhang',
        PASSWD_FILE: passwd,
      });
      expect(r).toMatchObject({ status: 0, err: '' });
      expect(entries(home)).toEqual([`${NAME}=${FOLDER}`]);
      for (const p of [
        path.join(home, '.local'),
        jsaddons(home),
        path.join(jsaddons(home), FOLDER, 'ribbon.xml'),
      ])
        expect([statSync(p).uid, statSync(p).gid]).toEqual([1234, 1235]);
      // Plain root without sudo must say for whom.
      const bare = run(path.join(pkg, 'install-linux.sh'), [], { HOME: '/root', PASSWD_FILE: passwd });
      expect(bare.status).toBe(1);
      expect(bare.err).toContain('--all-users');
    },
  );

  (isRoot ? test : test.skip)(
    '--all-users: every login user and the skeleton for new users; then uninstalled from all',
    () => {
      const pkg = unpacked();
      const base = mkdtempSync(path.join(tmpdir(), 'drc-all-'));
      const homes = ['li', 'wang'].map((u) => path.join(base, 'home', u));
      homes.forEach((h) => mkdirSync(h, { recursive: true }));
      const skel = path.join(base, 'skel');
      mkdirSync(skel);
      const passwd = path.join(base, 'passwd');
      writeFileSync(
        passwd,
        [
          'root:x:0:0:root:/root:/bin/sh',
          `daemon:x:2:2::${path.join(base, 'daemon')}:/usr/sbin/nologin`,
          `li:x:1001:1001::${homes[0]}:/bin/bash`,
          `wang:x:1002:1002::${homes[1]}:/bin/bash`,
          `gone:x:1003:1003::${path.join(base, 'home', 'gone')}:/bin/bash`,
          'nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin',
        ].join('\n'),
      );
      const env = { HOME: '/root', PASSWD_FILE: passwd, SKEL_DIR: skel };
      const r = run(path.join(pkg, 'install-linux.sh'), ['--all-users'], env);
      expect(r.status).toBe(0);
      expect(r.out).toContain('2 个用户');
      for (const h of [...homes, skel]) expect(entries(h)).toEqual([`${NAME}=${FOLDER}`]);
      expect(statSync(jsaddons(homes[1]!)).uid).toBe(1002);
      expect(existsSync(path.join(base, 'daemon'))).toBe(false);

      expect(run(path.join(pkg, 'uninstall-linux.sh'), ['--all-users', '--quiet'], env).status).toBe(0);
      for (const h of [...homes, skel]) {
        expect(entries(h)).toEqual([]);
        expect(readdirSync(jsaddons(h))).toEqual(['publish.xml']);
      }
    },
  );

  test('--online writes JsApiPlugin and JSPluginsServer into oem.ini, keeping its other lines; uninstall removes only ours', () => {
    const pkg = unpacked();
    const base = mkdtempSync(path.join(tmpdir(), 'drc-oem-'));
    const oem = path.join(base, 'oem.ini');
    const original = '[Support]\r\nJsApiShowWebDebugger=false\r\n\r\n[Setting]\r\nCustomKey=有中文的值\r\n';
    writeFileSync(oem, original);
    const env = { HOME: base, WPS_OEM_INI: oem };
    expect(run(path.join(pkg, 'install-linux.sh'), ['--online', '--quiet'], env).status).toBe(0);
    const text = readFileSync(oem, 'utf8');
    expect(text).toContain('JsApiShowWebDebugger=false');
    expect(text).toContain('CustomKey=有中文的值');
    expect(ini(text)).toEqual({
      Support: { JsApiShowWebDebugger: 'false', JsApiPlugin: 'true' },
      Setting: { CustomKey: '有中文的值' },
      Server: { JSPluginsServer: `${URL}jsplugins.xml` },
    });
    // Online mode copies nothing into the user's folder.
    expect(existsSync(jsaddons(base))).toBe(false);
    // A second run with another server replaces the value, never duplicates the key.
    run(
      path.join(pkg, 'install-linux.sh'),
      ['--online', 'http://other.example/x/jsplugins.xml', '--quiet'],
      env,
    );
    expect(ini(readFileSync(oem, 'utf8')).Server).toEqual({
      JSPluginsServer: 'http://other.example/x/jsplugins.xml',
    });

    // Uninstall removes the server only when it is this add-in's (here: the one named on the command line).
    run(path.join(pkg, 'uninstall-linux.sh'), ['--online', '--quiet'], env);
    expect(ini(readFileSync(oem, 'utf8')).Server).toEqual({
      JSPluginsServer: 'http://other.example/x/jsplugins.xml',
    });
    run(
      path.join(pkg, 'uninstall-linux.sh'),
      ['--online', 'http://other.example/x/jsplugins.xml', '--quiet'],
      env,
    );
    const after = ini(readFileSync(oem, 'utf8'));
    expect(after.Server).toEqual({});
    expect(after.Support).toEqual({ JsApiShowWebDebugger: 'false', JsApiPlugin: 'true' });
  });

  test('a wrong option is refused with exit status 2 and the usage', () => {
    const r = run(path.join(unpacked(), 'install-linux.sh'), ['--bogus'], { HOME: tmpdir() });
    expect(r.status).toBe(2);
    expect(r.err).toContain('用法');
  });
});

/** Sections and keys of an ini text. */
function ini(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const head = /^\[(.+)\]$/.exec(line);
    if (head) out[(section = head[1]!)] ??= {};
    else if (line.includes('=') && section) {
      const i = line.indexOf('=');
      out[section]![line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return out;
}

describe('install-windows.ps1 and the .cmd files', () => {
  test('the PowerShell script parses and keeps to PowerShell 2.0 (Windows 7)', async () => {
    expect(await checkPowerShell2(scripts['install-windows.ps1']!.replace(/^\ufeff/, ''))).toEqual([]);
  });

  test('the checker finds syntax errors and what PowerShell 2.0 lacks', async () => {
    const problems = async (code: string) => (await checkPowerShell2(code)).map((f) => f.problem);
    expect(await problems('Get-ChildItem -Path $d -Directory')).toEqual([
      'Get-ChildItem -Directory is not in the PowerShell 2.0 list',
    ]);
    expect(await problems('$o = [ordered]@{ a = 1 }')).toEqual(['[ordered] is PowerShell 3.0']);
    expect(await problems('if ($a -in $b) { }')).toEqual(['-in is PowerShell 3.0']);
    expect(await problems('$here = $PSScriptRoot')).toEqual(['$PSScriptRoot is PowerShell 3.0']);
    expect(await problems('$l = [System.Collections.ArrayList]::new()')).toEqual([
      '.new() is PowerShell 3.0 or later',
    ]);
    expect(await problems('$j = Get-ChildItem -Path x | ConvertFrom-Json')).toEqual([
      'ConvertFrom-Json is not in the PowerShell 2.0 list',
    ]);
    expect(await problems('[string]::IsNullOrWhiteSpace($s)')).toEqual([
      '.IsNullOrWhiteSpace() is not in the .NET 2.0 list',
    ]);
    expect((await problems('function f( { }')).join()).toMatch(/syntax error/);
  });

  test('the .cmd files pause only when run by hand, never with /quiet, and pass every option on', () => {
    for (const file of ['install-windows.cmd', 'uninstall-windows.cmd']) {
      const text = scripts[file]!;
      expect(text).toMatch(/\r\n/);
      expect(text).not.toMatch(/[^\r]\n/);
      const lines = text.split('\r\n').map((l) => l.trim());
      const pauses = lines.filter((l) => /\bpause\b/i.test(l) && !/^rem\b/i.test(l));
      expect(pauses).toEqual(['if not defined DRC_QUIET pause']);
      expect(lines).toContain('if /i "%%~A"=="/quiet" set "DRC_QUIET=1"');
      // Nothing else waits for a person.
      expect(lines.filter((l) => !/^rem\b/i.test(l) && /\b(set \/p|choice)\b/i.test(l))).toEqual([]);
      const call = lines.find((l) => l.includes('powershell.exe'))!;
      expect(call).toMatch(
        /-NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows\.ps1" (\/uninstall )?%\*$/,
      );
      expect(lines).toContain('exit /b %DRC_RC%');
    }
  });

  test('the PowerShell script reads its options from the command line and has a PowerShell-2.0 way for each', () => {
    const ps = scripts['install-windows.ps1']!;
    expect(ps.startsWith('\ufeff')).toBe(true);
    for (const option of ['quiet', 'allusers', 'uninstall', 'enable', 'online', 'wpsdir'])
      expect(ps).toContain(`'^[/-]${option}$'`);
    expect(ps).toContain(`$defaultServer = '${URL}jsplugins.xml'`);
    expect(ps).toContain('Where-Object { $_.PSIsContainer }');
  });
});

test('the offline zip carries every install and uninstall script', () => {
  expect(Object.keys(scripts).sort()).toEqual([
    'install-linux.sh',
    'install-windows.cmd',
    'install-windows.ps1',
    'oem.ini.example',
    'uninstall-linux.sh',
    'uninstall-windows.cmd',
  ]);
  expect(execFileSync('sh', ['-n', path.join(unpacked(), 'install-linux.sh')], { encoding: 'utf8' })).toBe(
    '',
  );
});
