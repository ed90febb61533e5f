import { randomBytes } from 'node:crypto';
import { constants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { itemAt } from '../../core/item-at';
import { extensionOf, isOdfPackage, isZip } from '../xlsx/sniff';
import { specialKind } from './read-file';

// Output safety: every path a run will write is decided, and checked against every input of the run and
// against each other, before the first byte is written; each file is then written beside its place and renamed.

/** Why an output cannot be written (rendered by `outputProblemText`). */
export type OutputProblemCode =
  | 'out/empty'
  | 'out/not-folder'
  | 'out/parent-not-folder'
  | 'out/not-writable'
  | 'out/system-folder'
  | 'out/overwrites-input'
  | 'out/beside-inputs'
  | 'out/target-not-file'
  | 'out/not-xlsx'
  | 'out/file-is-input'
  | 'out/file-not-file'
  | 'out/write-failed';

/** A problem with an output: its code and the params of its sentence. */
export interface OutputProblem {
  code: OutputProblemCode;
  params: Record<string, string | number>;
}

/** File systems that are views of the kernel, never places for files (statfs magic numbers, Linux). */
const PSEUDO_FILE_SYSTEMS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x1cd1, // devpts
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x73636673, // securityfs
  0xcafe4a11, // bpf
  0x6165676c, // pstore
  0x62656570, // configfs
]);

const stat = (p: string) => fs.stat(p).catch(() => undefined);

/** The nearest existing folder at or above `p` (bounded walk: a path has finitely many parents). */
async function nearestExisting(p: string): Promise<{ path: string; stat: Stats } | undefined> {
  let at = path.resolve(p);
  for (let i = 0; i < 4096; i++) {
    const s = await stat(at);
    if (s) return { path: at, stat: s };
    const parent = path.dirname(at);
    if (parent === at) return undefined;
    at = parent;
  }
  return undefined;
}

/** True for a folder of /proc, /sys, /dev and their kind, where writing would hang or make no sense. */
async function isSystemFolder(p: string): Promise<boolean> {
  const real = await fs.realpath(p).catch(() => p);
  if (process.platform === 'linux') {
    if (/^\/(proc|sys)(\/|$)/.test(real)) return true;
    if (/^\/dev(\/|$)/.test(real) && !/^\/dev\/shm(\/|$)/.test(real)) return true;
  }
  if (typeof fs.statfs !== 'function') return false;
  const info = await fs.statfs(real).catch(() => undefined);
  return !!info && PSEUDO_FILE_SYSTEMS.has(Number(info.type));
}

const kindOf = (s: Stats) => (s.isDirectory() ? 'folder' : s.isFile() ? 'file' : specialKind(s));

/** Checks that a folder can be written into, or made where it is missing (nothing is created here). */
async function checkFolderPlace(dir: string, option: string): Promise<OutputProblem | undefined> {
  const found = await nearestExisting(dir);
  if (!found) return { code: 'out/not-writable', params: { path: dir, option } };
  if (!found.stat.isDirectory()) {
    return path.resolve(dir) === found.path
      ? { code: 'out/not-folder', params: { path: dir, kind: kindOf(found.stat), option } }
      : { code: 'out/parent-not-folder', params: { path: dir, parent: found.path, option } };
  }
  if (await isSystemFolder(found.path)) return { code: 'out/system-folder', params: { path: dir, option } };
  try {
    await fs.access(found.path, constants.W_OK | constants.X_OK);
  } catch (e) {
    return {
      code: 'out/not-writable',
      params: { path: found.path, option, errno: (e as NodeJS.ErrnoException).code ?? '' },
    };
  }
  return undefined;
}

/** Checks an output folder (`--out DIR`): not empty, a folder or makeable as one, writable, not a system folder. */
export async function checkOutFolder(out: string, option = '--out'): Promise<OutputProblem | undefined> {
  if (out.trim() === '') return { code: 'out/empty', params: { option, example: '标注副本' } };
  return checkFolderPlace(out, option);
}

/** A stable identity of an existing file (device and inode), to see one file behind two paths. */
async function identity(p: string): Promise<string | undefined> {
  const s = await stat(p);
  return s ? `${s.dev}:${s.ino}` : undefined;
}

/**
 * Checks an output file (`--out FILE.xlsx` of tally, adjust, compare): named .xlsx, not an input of the run
 * (by path or by identity: links and case-insensitive disks included), not a folder or a special file, in a
 * folder that can be written. An existing regular file is replaced (the user named it).
 */
export async function checkOutFile(
  out: string,
  inputs: readonly string[],
  option = '--out',
  example = '报告.xlsx',
): Promise<OutputProblem | undefined> {
  if (out.trim() === '') return { code: 'out/empty', params: { option, example } };
  if (extensionOf(out) !== '.xlsx') return { code: 'out/not-xlsx', params: { option, example, path: out } };
  const s = await stat(out);
  if (s && !s.isFile()) return { code: 'out/file-not-file', params: { option, path: out, kind: kindOf(s) } };
  const target = path.resolve(out);
  const id = s ? `${s.dev}:${s.ino}` : undefined;
  for (const input of inputs) {
    if (path.resolve(input) === target || (id !== undefined && (await identity(input)) === id))
      return { code: 'out/file-is-input', params: { option, file: input } };
  }
  return checkFolderPlace(path.dirname(target), option);
}

/** One input that gets a marked copy: its path, the folder argument it came from, the copy's extension. */
export interface CopyRequest {
  input: string;
  root?: string;
  extension: string;
}

/** Where each copy goes, or the problem that refuses the whole plan (then nothing is written). */
export interface CopyPlan {
  targets: Map<string, string>;
  problem?: OutputProblem;
}

/**
 * The extension of an input's marked copy: a package keeps its own (.xlsx, .xlsm, .xltx, .xltm); everything else
 * (CSV and text, legacy formats converted, an .xlsx package misnamed .xls) becomes .xlsx. Reads at most 128 bytes,
 * and only from a regular file.
 */
export async function copyExtension(input: string): Promise<string> {
  const ext = extensionOf(input);
  if (!['.xlsx', '.xlsm', '.xltx', '.xltm'].includes(ext)) return '.xlsx';
  const s = await stat(input);
  if (!s?.isFile()) return '.xlsx';
  const handle = await fs
    .open(input, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    .catch(() => undefined);
  if (!handle) return '.xlsx';
  try {
    const head = new Uint8Array(128);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const b = head.subarray(0, bytesRead);
    return isZip(b) && !isOdfPackage(b) ? ext : '.xlsx';
  } catch {
    return '.xlsx';
  } finally {
    await handle.close();
  }
}

const key = (p: string) => p.normalize('NFC').toLowerCase();

/** `name.ext` → `name (n).ext`. */
function numbered(rel: string, n: number): string {
  const ext = path.extname(rel);
  return `${rel.slice(0, rel.length - ext.length)} (${n})${ext}`;
}

/** The deepest folder holding every path. */
function commonFolder(paths: readonly string[]): string {
  const [first = [], ...others] = paths.map((p) => path.dirname(path.resolve(p)).split(path.sep));
  let n = first.length;
  for (const parts of others) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

/**
 * Decides the path of every marked copy under `out`, before anything is written:
 * - a file found in a folder argument keeps its place below that folder (the tree is mirrored); a file named
 *   directly goes to the top; the extension is the copy's (`copyExtension`);
 * - copies that would share a name (letter case ignored, as on Windows and macOS disks) get the sub-path that
 *   tells their inputs apart, below their common folder; any still alike get a number, `清单 (2).xlsx`;
 * - the plan is refused when a copy would replace an input of the run (by identity, so links count), a folder
 *   or special file, or an existing file in a folder that holds inputs (likely an original, not an old copy).
 * Existing files elsewhere in `out` (copies of an earlier run) are replaced.
 */
export async function planCopies(
  requests: readonly CopyRequest[],
  out: string,
  allInputs: readonly string[],
): Promise<CopyPlan> {
  const rel = requests.map((r) => {
    const base = r.root ? path.relative(r.root, r.input) : path.basename(r.input);
    const stem = base.slice(0, base.length - path.extname(base).length) || base;
    return `${stem}${r.extension}`;
  });
  // Same names: the sub-path below the common folder of the inputs concerned.
  const groups = new Map<string, number[]>();
  rel.forEach((r, i) => groups.set(key(r), [...(groups.get(key(r)) ?? []), i]));
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const inputs = members.map((i) => itemAt(requests, i).input);
    const common = commonFolder(inputs);
    const subs = members.map((i, k) =>
      path.join(
        path.relative(common, path.dirname(path.resolve(itemAt(inputs, k)))),
        path.basename(itemAt(rel, i)),
      ),
    );
    if (new Set(subs.map(key)).size === subs.length) members.forEach((i, k) => (rel[i] = itemAt(subs, k)));
  }
  // Still alike (清单.xlsx and 清单.csv of one folder): numbered, in input order.
  // An input whose copy keeps its own name (清单.xlsx → 清单.xlsx) is served first, so the number goes to the
  // input whose name changed anyway (清单.csv → 清单 (2).xlsx).
  const keepsName = (i: number) => {
    const { input, extension } = itemAt(requests, i);
    return extensionOf(input) === extension.toLowerCase();
  };
  const order = rel.map((_, i) => i).sort((a, b) => Number(keepsName(b)) - Number(keepsName(a)) || a - b);
  const taken = new Set<string>();
  const names: string[] = [];
  for (const i of order) {
    const own = itemAt(rel, i);
    let name = own;
    for (let n = 2; taken.has(key(name)); n++) name = numbered(own, n);
    taken.add(key(name));
    names[i] = name;
  }
  const targets = new Map<string, string>();
  requests.forEach((r, i) => targets.set(r.input, path.join(out, itemAt(names, i))));

  const inputIds = new Map<string, string>();
  const inputFolders = new Set<string>();
  for (const input of allInputs) {
    const id = await identity(input);
    if (id) inputIds.set(id, input);
    inputFolders.add(await fs.realpath(path.dirname(path.resolve(input))).catch(() => path.dirname(input)));
  }
  for (const [input, target] of targets) {
    const s = await stat(target);
    if (!s) continue;
    const owner = inputIds.get(`${s.dev}:${s.ino}`);
    if (owner) return { targets, problem: { code: 'out/overwrites-input', params: { target, file: owner } } };
    if (!s.isFile()) return { targets, problem: { code: 'out/target-not-file', params: { target, input } } };
    const folder = await fs.realpath(path.dirname(path.resolve(target))).catch(() => '');
    if (inputFolders.has(folder))
      return { targets, problem: { code: 'out/beside-inputs', params: { target, input } } };
  }
  return { targets };
}

/** Makes a folder and its missing parents, one level at a time (a bounded walk, never a retry loop). */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (let i = 0; i < 4096; i++) {
    const s = await stat(at);
    if (s) {
      if (!s.isDirectory()) throw Object.assign(new Error(`not a folder: ${at}`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const m of missing.reverse()) {
    await fs.mkdir(m).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
}

/**
 * Writes a file atomically: into a new temp file beside the target (created exclusively, flushed), then renamed
 * over it, so the target is either the old file or the whole new one. The temp file is removed on failure.
 */
export async function writeFileAtomically(target: string, data: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await makeFolders(dir);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}

/** The problem of a failed write, with its errno (rendered as "没有写入权限", "磁盘空间不足" …). */
export function writeProblem(target: string, e: unknown): OutputProblem {
  return {
    code: 'out/write-failed',
    params: { path: target, errno: (e as NodeJS.ErrnoException | undefined)?.code ?? '' },
  };
}
