// Writes the example inbox under examples/review/ (run: npx tsx scripts/make-review-examples.ts), for
// `drc review examples/review`: 23 units' lists, 动态调整情况表 and declarations as the county office receives them —
// per-unit folders and loose files, a Word form, a report that disagrees with its list, missing deliverables, a file
// of a unit outside the register, a damaged file. The cases are described in test/fixtures/build-review-inbox.ts,
// which the tests use too.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { annex2Docx } from '../test/fixtures/build-docx-forms';
import { buildReviewInbox } from '../test/fixtures/build-review-inbox';

const OUT = path.join(__dirname, '..', 'examples', 'review');

async function run(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  const files = await buildReviewInbox(OUT, { docx: annex2Docx, systemFile: false });
  process.stdout.write(`${files.length} files written to ${path.relative(process.cwd(), OUT)}\n`);
}

void run();
