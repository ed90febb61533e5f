import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildReviewInbox } from '../fixtures/build-review-inbox';

// The worker threads run the compiled CLI (dist/, built by `npm run build:cli`, as on install).
const ROOT = path.join(__dirname, '..', '..');
const BUILT = existsSync(path.join(ROOT, 'dist', 'cli', 'file-worker.js'));
if (!BUILT)
  console.warn('dist/cli/file-worker.js not found (run npm run build:cli): skipping the worker-thread test');
const whenBuilt = BUILT ? test : test.skip;

const run = async (inbox: string, workers: string) => {
  try {
    const { stdout } = await promisify(execFile)(
      'node',
      [path.join(ROOT, 'bin', 'drc.js'), 'review', inbox, '--json'],
      {
        env: { ...process.env, DRC_WORKERS: workers },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, json: JSON.parse(stdout) };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, json: JSON.parse(err.stdout) };
  }
};

whenBuilt('worker threads give the same review as one thread, in the same order', async () => {
  const inbox = path.join(mkdtempSync(path.join(tmpdir(), 'drc-workers-')), 'in');
  await buildReviewInbox(inbox);
  const [one, two] = await Promise.all([run(inbox, '0'), run(inbox, '2')]);
  expect(two.code).toBe(1);
  expect(two).toEqual(one);
  expect(two.json.summary.files).toBeGreaterThan(60);
});
