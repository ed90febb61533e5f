import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { readXlsxGrids } from '../../src/hosts/xlsx/fast-reader';
import {
  CORRUPT_CODES,
  EXAMPLE,
  entryRegions,
  type Expectation,
  type FuzzCase,
  flipInPart,
  flipRaw,
  makeCorpus,
  random,
} from './corpus';

// Every corpus case and every generated mutation runs through `drc check --json` in a worker thread, so that a
// run that hangs (an endless loop included) is ended at its timeout and reported, not waited for. The rules for
// every run: no crash (exit 0, 1 or 2, JSON printed, no stack trace), no hang, the input unchanged (hash before
// and after), and its own expectation (a corrupt package is never exit 0 or 1; a readable one is read).

/** Longest a single run may take, however loaded the machine (a hang is a run that never ends). */
const CASE_TIMEOUT_MS = 20_000;

interface Run {
  code: number;
  out: string;
  err: string;
}

class Runner {
  private worker!: Worker;
  private ready!: Promise<void>;
  private pending = new Map<number, (r: Run) => void>();
  private next = 0;

  constructor() {
    this.spawn();
  }

  private spawn(): void {
    this.worker = new Worker(path.join(__dirname, 'worker.cjs'));
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (m: { ready?: boolean; id?: number } & Run) => {
        if (m.ready) return resolve();
        this.pending.get(m.id!)?.(m);
        this.pending.delete(m.id!);
      });
    });
  }

  /** Runs drc with `args`; 'timeout' when it does not finish in time (the worker is then replaced). */
  async run(args: string[]): Promise<Run | 'timeout'> {
    await this.ready;
    const id = this.next++;
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([
      new Promise<Run>((resolve) => {
        this.pending.set(id, resolve);
        this.worker.postMessage({ id, args });
      }),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CASE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (result === 'timeout') {
      this.pending.delete(id);
      await this.worker.terminate();
      this.spawn();
    }
    return result;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let runner: Runner;
let dir: string;
let corpus: FuzzCase[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'drc-fuzz-'));
  runner = new Runner();
  corpus = await makeCorpus();
}, 60_000);

afterAll(async () => {
  await runner?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs one input and returns what is wrong with the run (empty when nothing is). */
async function problemsOf(c: FuzzCase, n: number): Promise<string[]> {
  const file = path.join(dir, `${n}-${c.file}`);
  writeFileSync(file, c.bytes);
  const before = hash(file);
  const out = path.join(dir, `out-${n}`);
  // Every other run also writes a marked copy, so that the patcher meets the same inputs.
  const withCopy = n % 2 === 0;
  const args = [
    'check',
    file,
    '--json',
    '--no-convert',
    ...(withCopy ? ['--out', out] : []),
    ...(c.args ?? []),
  ];
  const run = await runner.run(args);
  const problems: string[] = [];
  const say = (p: string) => problems.push(`${c.name}: ${p}`);
  if (run === 'timeout') return [`${c.name}: no result after ${CASE_TIMEOUT_MS / 1000} s (hang)`];
  if (hash(file) !== before) say('the input changed');
  if (![0, 1, 2].includes(run.code)) say(`exit ${run.code}`);
  if (/THROWN|\bat \S+ \(|node_modules/.test(run.out + run.err))
    say(`a stack trace: ${run.err.slice(0, 300)}`);
  let doc: { files: { error: { code: string } | null; copy?: string }[] };
  try {
    doc = JSON.parse(run.out);
  } catch {
    say(`no JSON: ${run.out.slice(0, 200)} ${run.err.slice(0, 200)}`);
    return problems;
  }
  const error = doc.files[0]?.error ?? null;
  const expect: Expectation = c.expect;
  if (expect === 'read' && (run.code === 2 || error))
    say(`expected to be read, got exit ${run.code} ${error ? error.code : ''}`);
  if (expect === 'corrupt' && (run.code !== 2 || !error || !CORRUPT_CODES.includes(error.code)))
    say(`a damaged package was not refused: exit ${run.code}, ${error?.code ?? 'read as data'}`);
  if (expect === 'refused' && (run.code !== 2 || !error || !c.codes!.includes(error.code)))
    say(`expected ${c.codes!.join(' | ')}, got exit ${run.code} ${error?.code ?? 'no error'}`);
  const copy = doc.files[0]?.copy;
  if (copy) {
    try {
      readXlsxGrids(new Uint8Array(readFileSync(copy)));
    } catch (e) {
      say(`its marked copy does not read back: ${String(e)}`);
    }
  }
  if (withCopy && existsSync(out) && error) {
    const written = existsSync(path.join(out, c.file.replace(/\.[^.]+$/, '.xlsx')));
    if (written) say('a copy was written of a file that could not be read');
  }
  rmSync(file, { force: true });
  return problems;
}

/** Cut into many small segments, a package reads the same as whole, or fails the same way. */
function segmentProblems(c: FuzzCase): string[] {
  const read = (segmentBytes?: number) => {
    try {
      return readXlsxGrids(c.bytes, { segmentBytes });
    } catch (e) {
      return e instanceof Error ? e.name : 'thrown';
    }
  };
  return isDeepStrictEqual(read(777), read())
    ? []
    : [`${c.name}: read in small segments, it reads otherwise`];
}

describe('fuzz: odd files never crash, hang, change their input or pass as valid', () => {
  test('the corpus', async () => {
    expect(corpus.length).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const [n, c] of corpus.entries()) problems.push(...(await problemsOf(c, n)));
    expect(problems).toEqual([]);
  }, 600_000);

  test('random mutations of the example package (fast-check)', async () => {
    mkdirSync(dir, { recursive: true });
    const regions = entryRegions(EXAMPLE).filter((r) => r.end > r.start);
    const xmlParts = regions.map((r) => r.name).filter((n) => /\.(xml|rels)$/.test(n));
    let n = 10_000;
    const mutation = fc.record({
      kind: fc.constantFrom('raw', 'xml', 'cut'),
      at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      mask: fc.integer({ min: 1, max: 255 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let c: FuzzCase;
        if (m.kind === 'cut') {
          const bytes = EXAMPLE.subarray(0, Math.floor(m.at * EXAMPLE.length));
          c = { name: `cut at ${bytes.length}`, file: 'cut.xlsx', bytes, expect: 'corrupt' };
        } else if (m.kind === 'raw') {
          const offset = Math.floor(m.at * EXAMPLE.length);
          const flip = flipRaw(EXAMPLE, offset, m.mask);
          const inData = regions.some((r) => offset >= r.start && offset < r.end);
          const expect: Expectation = !inData ? 'any' : flip.intact ? 'read' : 'corrupt';
          c = { name: `raw flip at ${offset}`, file: 'raw.xlsx', bytes: flip.bytes, expect };
        } else {
          const part = xmlParts[Math.floor(m.at * xmlParts.length)];
          const flip = flipInPart(EXAMPLE, part!, random(m.seed), 1 + (m.mask % 3));
          c = {
            name: `xml flip in ${part}`,
            file: 'xml.xlsx',
            bytes: flip.bytes,
            expect: flip.wellFormed ? 'any' : 'corrupt',
          };
        }
        expect([...(await problemsOf(c, n++)), ...segmentProblems(c)]).toEqual([]);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150), seed: Number(process.env.FUZZ_SEED ?? 20261203) },
    );
  }, 600_000);
});
