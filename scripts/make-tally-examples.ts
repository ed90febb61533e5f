// Writes the monitoring-point declarations of the 23 units under examples/tally/ and the office's units register
// under examples/units/ (run: npx tsx scripts/make-tally-examples.ts), for
// `drc tally examples/tally --units examples/units/于都县县直单位及乡镇名录.xlsx`: shortfalls, an excess, a silent
// unit, one enterprise nominated by a unit outside the table and two table units, unit names with city and
// province prefixes and sub-unit suffixes, possible duplicates by name variant, a unit named only by its file, a
// 大型 enterprise, printed forms (one per sheet, stacked on one sheet, in Word), a unit the register settles, a
// unit not in the quota table, and files that give no declaration (a list, a blank workbook, a note, an old .doc).
// The cases are described in test/fixtures/build-tally-workbooks.ts, which the tests use too.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildTallyCase, buildTallyExtras, buildUnitsRegister } from '../test/fixtures/build-tally-workbooks';

const OUT = path.join(__dirname, '..', 'examples', 'tally');
const UNITS = path.join(__dirname, '..', 'examples', 'units');

async function run(): Promise<void> {
  for (const dir of [OUT, UNITS]) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir))
      if (/\.(xlsx|docx|doc|csv)$/.test(name)) rmSync(path.join(dir, name));
  }
  const files = [...(await buildTallyCase(OUT)), ...(await buildTallyExtras(OUT))];
  const register = await buildUnitsRegister(UNITS);
  process.stdout.write(
    `${files.length} files written to ${path.relative(process.cwd(), OUT)}, the register to ${path.relative(process.cwd(), register)}\n`,
  );
}

void run();
