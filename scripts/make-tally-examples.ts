// Writes the monitoring-point declarations of the 23 units under examples/tally/ (run: npx tsx
// scripts/make-tally-examples.ts), for `drc tally examples/tally`: shortfalls, an excess, a silent unit
// (民政局), a duplicate across two units' files, a county-prefixed unit name, a unit named only by its file,
// a 大型 enterprise, the printed-form layout (交通运输局, four sheets) and a unit not in the quota table (统计局).
// The cases are described in test/fixtures/build-tally-workbooks.ts, which the tests use too.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildTallyCase } from '../test/fixtures/build-tally-workbooks';

const OUT = path.join(__dirname, '..', 'examples', 'tally');

async function run(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const name of readdirSync(OUT)) if (name.endsWith('.xlsx')) rmSync(path.join(OUT, name));
  const files = await buildTallyCase(OUT);
  process.stdout.write(`${files.length} files written to ${path.relative(process.cwd(), OUT)}\n`);
}

void run();
