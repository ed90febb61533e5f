import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ConversionError,
  findSoffice,
  libreOfficeConverter,
  sofficeCandidates,
} from '../../../src/hosts/files/soffice';
import { readXlsxGrids } from '../../../src/hosts/xlsx/fast-reader';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'drc-soffice-'));
const posix = process.platform !== 'win32';
const SOFFICE = findSoffice();

/** A stand-in `soffice` (a shell script) that behaves as the test needs. */
function fakeSoffice(body: string): string {
  const file = path.join(tmp(), 'soffice');
  writeFileSync(
    file,
    `#!/bin/sh\nout=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done\n${body}\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

describe('where soffice is looked for', () => {
  test('Windows: PATH, then Program Files (both), then the per-user install, versioned folders too', () => {
    const list = sofficeCandidates({
      platform: 'win32',
      env: {
        PATH: 'C:\\Tools;"C:\\Other Tools"',
        ProgramFiles: 'C:\\Program Files',
        'ProgramFiles(x86)': 'C:\\Program Files (x86)',
        LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local',
      },
      listDir: (dir) => (dir === 'C:\\Program Files (x86)' ? ['LibreOffice 5', 'Other'] : []),
    });
    expect(list.slice(0, 2)).toEqual(['C:\\Tools\\soffice.exe', 'C:\\Tools\\soffice.com']);
    expect(list).toContain('C:\\Other Tools\\soffice.exe');
    expect(list).toContain('C:\\Program Files\\LibreOffice\\program\\soffice.exe');
    expect(list).toContain('C:\\Program Files (x86)\\LibreOffice 5\\program\\soffice.exe');
    expect(list).toContain('C:\\Users\\clerk\\AppData\\Local\\Programs\\LibreOffice\\program\\soffice.exe');
  });

  test('Linux: PATH first, then the package places, /opt/libreoffice*, snap and flatpak', () => {
    const list = sofficeCandidates({
      platform: 'linux',
      env: { PATH: '/custom/bin', HOME: '/home/clerk' },
      listDir: (dir) => (dir === '/opt' ? ['libreoffice7.6', 'zoom'] : []),
    });
    expect(list[0]).toBe('/custom/bin/soffice');
    expect(list).toContain('/usr/lib/libreoffice/program/soffice');
    expect(list).toContain('/opt/libreoffice7.6/program/soffice');
    expect(list).toContain('/snap/bin/libreoffice');
    expect(list.some((p) => p.includes('flatpak'))).toBe(true);
  });

  test('the first executable candidate wins; none: undefined', () => {
    const env = { PATH: '/a:/b' };
    expect(
      findSoffice({ platform: 'linux', env, isExecutable: (f) => f === '/b/soffice', listDir: () => [] }),
    ).toBe('/b/soffice');
    expect(
      findSoffice({ platform: 'linux', env, isExecutable: () => false, listDir: () => [] }),
    ).toBeUndefined();
  });
});

(posix ? describe : describe.skip)('the converter, with a stand-in soffice', () => {
  test('a hung LibreOffice is killed at the timeout, with everything it started', async () => {
    const pidFile = path.join(tmp(), 'child.pid');
    const soffice = fakeSoffice(`sleep 30 & echo $! > ${pidFile}\nwait`);
    const converter = libreOfficeConverter(soffice, { timeoutMs: 700 });
    const error = await converter.convert(new Uint8Array([1, 2, 3]), 'xls').catch((e: unknown) => e);
    await converter.close();
    expect(error).toBeInstanceOf(ConversionError);
    expect(error).toMatchObject({ reason: 'timeout' });
    const child = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
    // The grandchild is gone too (or a zombie waiting to be reaped: killed all the same).
    const state = (() => {
      try {
        return /State:\s+(\w)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'))?.[1];
      } catch {
        return 'gone';
      }
    })();
    if (process.platform === 'linux') expect(['gone', 'Z', 'X']).toContain(state);
    else expect(() => process.kill(child, 0)).toThrow();
  });

  test('no workbook written: no-output, with the last line LibreOffice printed', async () => {
    const converter = libreOfficeConverter(fakeSoffice('echo "Error: source file could not be loaded" >&2'));
    await expect(converter.convert(new Uint8Array([1]), 'et')).rejects.toMatchObject({
      reason: 'no-output',
      detail: 'Error: source file could not be loaded',
    });
    await converter.close();
  });

  test('the input is handed over as a copy in a temp folder, with a private profile', async () => {
    const argsFile = path.join(tmp(), 'args');
    const soffice = fakeSoffice(
      `printf '%s\\n' "$@" > ${argsFile}\nprintf 'PK\\003\\004' > "$out/book.xlsx"`,
    );
    const converter = libreOfficeConverter(soffice);
    const bytes = await converter.convert(new Uint8Array([1, 2, 3]), 'et');
    await converter.close();
    expect(Array.from(bytes)).toEqual([0x50, 0x4b, 3, 4]);
    const args = readFileSync(argsFile, 'utf8').trim().split('\n');
    expect(args[0]).toMatch(/^-env:UserInstallation=file:\/\/.*drc-convert-.*\/profile$/);
    expect(args).toContain('--headless');
    expect(args[args.length - 1]).toMatch(/drc-convert-.*book\.et$/);
  });
});

(SOFFICE ? describe : describe.skip)('the converter, with LibreOffice', () => {
  test('an .xls and the same file named .et become .xlsx workbooks with the same table', async () => {
    if (!SOFFICE) return;
    const converter = libreOfficeConverter(SOFFICE);
    try {
      const xls = readFileSync(path.join(FIXTURES, 'legacy.xls'));
      const fromXls = readXlsxGrids(await converter.convert(xls, 'xls'));
      const fromEt = readXlsxGrids(await converter.convert(xls, 'et'));
      expect(fromXls[0]!.values.length).toBeGreaterThan(1);
      expect(fromEt[0]!.values).toEqual(fromXls[0]!.values);
      const html = Buffer.from(
        '<html><body><table><tr><td>序号</td><td>事项</td></tr></table></body></html>',
      );
      expect(readXlsxGrids(await converter.convert(html, 'html'))[0]!.values[0]).toEqual(['序号', '事项']);
    } finally {
      await converter.close();
    }
  });
});

if (!SOFFICE)
  test.skip('LibreOffice is not installed here: real conversions are not tested (CI installs it)', () => {});
