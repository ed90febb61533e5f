// Measures `drc review` against `drc check` on the same files (run: npx tsx scripts/bench-review.ts [COPIES]): the
// example inbox of examples/review/ copied COPIES times (default 46, about 3,000 files) into a temp folder, then each
// command run by the built CLI (npm run build:cli first) in its own process. Prints wall time, CPU time and how many
// cores that CPU time filled, and the ratio review / check. Nothing is written into the project.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const EXAMPLE = path.join(ROOT, 'examples', 'review');
const copies = Number(process.argv[2] ?? 46);

function count(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    n += statSync(p).isDirectory() ? count(p) : 1;
  }
  return n;
}

/** Runs the CLI once under /usr/bin/time: wall seconds, user + system CPU seconds, exit code. */
function run(args: string[]): { wall: number; cpu: number; code: number | null } {
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S', 'node', path.join(ROOT, 'bin', 'drc.js'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  const [wall = NaN, user = NaN, sys = NaN] = (r.stderr.trim().split('\n').pop() ?? '')
    .split(' ')
    .map(Number);
  return { wall, cpu: user + sys, code: r.status };
}

const dir = mkdtempSync(path.join(tmpdir(), 'drc-bench-review-'));
try {
  for (let i = 1; i <= copies; i++) cpSync(EXAMPLE, path.join(dir, `第${i}批`), { recursive: true });
  const files = count(dir);
  const check = run(['check', dir, '--recursive', '--json']);
  const review = run(['review', dir, '--json']);
  const line = (name: string, m: { wall: number; cpu: number; code: number | null }) =>
    `${name.padEnd(7)} wall ${m.wall.toFixed(1)} s  cpu ${m.cpu.toFixed(1)} s  cores used ${(m.cpu / m.wall).toFixed(2)}  exit ${m.code}`;
  process.stdout.write(
    `${files} files (${copies} copies of examples/review)\n${line('check', check)}\n${line('review', review)}\n` +
      `review / check: wall ${(review.wall / check.wall).toFixed(2)}, cpu ${(review.cpu / check.cpu).toFixed(2)}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
