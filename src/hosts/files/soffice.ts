import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LegacyFormat } from '../xlsx/errors';
import { isZip } from '../xlsx/sniff';

/** Where to look and how: the environment, the platform, and a test for an executable file. */
export interface SofficeSearch {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  isExecutable?: (file: string) => boolean;
  /** Lists a folder's entries (for versioned install folders such as /opt/libreoffice7.6). */
  listDir?: (dir: string) => string[];
}

/** True for an existing regular file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function listDirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Every place LibreOffice's `soffice` may be, in the order tried: each folder of PATH, then the usual install
 * places of the platform (Windows: Program Files, Program Files (x86), the per-user install; Linux: the
 * distribution packages, /opt/libreoffice*, snap and flatpak; macOS: the application bundle).
 */
export function sofficeCandidates(search: SofficeSearch = {}): string[] {
  const env = search.env ?? process.env;
  const platform = search.platform ?? process.platform;
  const listDir = search.listDir ?? listDirSafe;
  const win = platform === 'win32';
  const p = win ? path.win32 : path.posix;
  const names = win ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const out: string[] = [];
  const pathVar = env.PATH ?? env.Path ?? '';
  for (const dir of pathVar.split(win ? ';' : ':')) {
    if (!dir) continue;
    for (const name of names) out.push(p.join(dir.replace(/^"|"$/g, ''), name));
  }
  if (win) {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432]
      .filter((r): r is string => !!r)
      .concat(env.LOCALAPPDATA ? [p.join(env.LOCALAPPDATA, 'Programs')] : []);
    for (const root of roots) {
      // "LibreOffice", and older "LibreOffice 5" style folders, newest name first.
      const folders = listDir(root)
        .filter((n) => /^libreoffice/i.test(n))
        .sort()
        .reverse();
      for (const folder of ['LibreOffice', ...folders.filter((f) => f !== 'LibreOffice')])
        out.push(p.join(root, folder, 'program', 'soffice.exe'));
    }
  } else if (platform === 'darwin') {
    out.push('/Applications/LibreOffice.app/Contents/MacOS/soffice');
    if (env.HOME) out.push(p.join(env.HOME, 'Applications/LibreOffice.app/Contents/MacOS/soffice'));
  } else {
    out.push(
      '/usr/bin/soffice',
      '/usr/local/bin/soffice',
      '/usr/lib/libreoffice/program/soffice',
      '/usr/lib64/libreoffice/program/soffice',
    );
    const opt = listDir('/opt')
      .filter((n) => /^libreoffice/i.test(n))
      .sort()
      .reverse();
    for (const folder of opt) out.push(p.join('/opt', folder, 'program', 'soffice'));
    out.push('/snap/bin/libreoffice', '/var/lib/flatpak/exports/bin/org.libreoffice.LibreOffice');
    if (env.HOME) out.push(p.join(env.HOME, '.local/share/flatpak/exports/bin/org.libreoffice.LibreOffice'));
  }
  return [...new Set(out)];
}

/** The first `soffice` found (see `sofficeCandidates`), or undefined when LibreOffice is not installed. */
export function findSoffice(search: SofficeSearch = {}): string | undefined {
  const isExecutable = search.isExecutable ?? isExecutableFile;
  return sofficeCandidates(search).find((f) => isExecutable(f));
}

/** Why a conversion failed: LibreOffice did not finish in time, could not start, or wrote no workbook. */
export class ConversionError extends Error {
  override readonly name = 'ConversionError';

  constructor(
    readonly reason: 'timeout' | 'start-failed' | 'no-output',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Turns a legacy workbook's bytes into .xlsx bytes. */
export interface Converter {
  /** The program used, for messages. */
  readonly program: string;
  convert(bytes: Uint8Array, format: LegacyFormat): Promise<Uint8Array>;
  /** Removes the temp folder (the private profile and every conversion's files). */
  close(): Promise<void>;
}

/** Default wait for one file: a first start of LibreOffice with a fresh profile can take many seconds. */
export const DEFAULT_CONVERT_TIMEOUT_MS = 120_000;

/** The extension a file of a format is given in the temp folder (LibreOffice's type detection reads it). */
const TEMP_EXTENSION: Record<LegacyFormat, string> = {
  xls: '.xls',
  et: '.et',
  ods: '.ods',
  html: '.html',
  xml2003: '.xml',
};

/** Only the last line of a program's output, cut short: enough to say why, never a screenful. */
function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/javaldx|java may not function/i.test(l));
  const line = lines[lines.length - 1] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * A converter through LibreOffice headless. Each file is copied into a temp folder under a plain name and
 * converted there (so the input is never opened in place and no lock file appears beside it), with a private
 * profile (`-env:UserInstallation`, so a running LibreOffice neither blocks nor receives the job) and a timeout
 * that kills the whole process group. The temp folder is removed by `close`.
 */
export function libreOfficeConverter(soffice: string, options: { timeoutMs?: number } = {}): Converter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONVERT_TIMEOUT_MS;
  let base: string | undefined;
  let jobs = 0;
  return {
    program: soffice,
    async convert(bytes, format) {
      base ??= await fs.mkdtemp(path.join(tmpdir(), 'drc-convert-'));
      const job = path.join(base, `job-${++jobs}`);
      const outDir = path.join(job, 'out');
      await fs.mkdir(outDir, { recursive: true });
      const input = path.join(job, `book${TEMP_EXTENSION[format]}`);
      await fs.writeFile(input, bytes);
      const args = [
        `-env:UserInstallation=${pathToFileURL(path.join(base, 'profile')).href}`,
        '--headless',
        '--invisible',
        '--norestore',
        '--nologo',
        '--nodefault',
        '--nolockcheck',
        ...(format === 'html' ? ['--infilter=calc_HTML_WebQuery'] : []),
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outDir,
        input,
      ];
      const output = await run(soffice, args, timeoutMs);
      const result = path.join(outDir, 'book.xlsx');
      const converted = await fs.readFile(result).catch(() => undefined);
      await fs.rm(job, { recursive: true, force: true });
      if (!converted || !isZip(converted)) throw new ConversionError('no-output', lastLine(output));
      return new Uint8Array(converted.buffer, converted.byteOffset, converted.byteLength);
    },
    async close() {
      if (base) await fs.rm(base, { recursive: true, force: true });
      base = undefined;
    },
  };
}

/** Runs a program to its end or the timeout; resolves to what it printed. */
function run(program: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const windows = process.platform === 'win32';
    let output = '';
    let settled = false;
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a timeout kills soffice.bin too, not only the launcher script.
      detached: !windows,
      windowsHide: true,
    });
    const keep = (chunk: Buffer) => {
      if (output.length < 65536) output += chunk.toString('utf8');
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      kill(child.pid, windows);
      reject(new ConversionError('timeout', String(Math.round(timeoutMs / 1000))));
    }, timeoutMs);
    child.on('error', (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new ConversionError('start-failed', e.message));
    });
    child.on('close', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(output);
    });
  });
}

function kill(pid: number | undefined, windows: boolean): void {
  if (pid === undefined) return;
  try {
    if (windows) spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
