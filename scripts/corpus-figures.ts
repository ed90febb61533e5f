// Figures of the real-spelling corpus: the share of entries read with the expected meaning, and the number of
// error-severity findings on entries whose expected meaning is a real value (not `invalid`).
// Run: npx tsx scripts/corpus-figures.ts [--list]   (--list prints every entry read otherwise)
import { itemAt } from '../src/core/item-at';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkGrids } from '../src/features/check-workbook';
import { cellMeaning, type MeaningColumn } from '../src/rules/quantity';

/** One corpus entry (test/fixtures/real-spellings/README.md). */
export interface SpellingEntry {
  text: string;
  column: MeaningColumn;
  header: string;
  meaning: string;
  note?: string;
}

const FILE = path.join(__dirname, '..', 'test', 'fixtures', 'real-spellings', 'spellings.json');

/** The corpus entries, or none while the file does not exist. */
export function loadSpellings(): SpellingEntry[] {
  return existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as SpellingEntry[]) : [];
}

// The usual header of each kind of column: only the value's reading is measured.
const HEADER: Record<MeaningColumn, string> = {
  ratio: '抽查比例',
  frequency: '抽查频次',
  combined: '抽查比例及频次',
};

/** Error-severity findings on a value in a 双随机 row of a minimal list. */
export function errorsOn(text: string, column: MeaningColumn): string[] {
  const report = itemAt(
    checkGrids([
      {
        name: 'S',
        merges: [],
        values: [
          ['检查事项', '检查方式', '是否纳入双随机', HEADER[column]],
          ['事项', '双随机抽查', '是', text],
        ],
      },
    ]),
    0,
  );
  return report.issues.filter((i) => i.severity === 'error' && i.column === 4).map((i) => i.code);
}

if (require.main === module) {
  const entries = loadSpellings();
  const columns: MeaningColumn[] = ['ratio', 'frequency', 'combined'];
  const right = Object.fromEntries(columns.map((c) => [c, 0])) as Record<MeaningColumn, number>;
  const seen = { ...right };
  let errors = 0;
  for (const e of entries) {
    const read = cellMeaning(e.text, e.column, e.header);
    seen[e.column]++;
    if (read === e.meaning) right[e.column]++;
    else if (process.argv.includes('--list'))
      console.log(`${JSON.stringify(e.text)} (${e.column})\n  expected ${e.meaning}\n  read     ${read}`);
    if (e.meaning !== 'invalid') errors += errorsOn(e.text, e.column).length;
  }
  const share = (n: number, of: number) => (of ? ((100 * n) / of).toFixed(1) : '-');
  const total = columns.reduce((sum, c) => sum + right[c], 0);
  console.log(
    `read with the expected meaning: ${total}/${entries.length} (${share(total, entries.length)}%)`,
  );
  for (const c of columns)
    console.log(`  under ${c} headers: ${right[c]}/${seen[c]} (${share(right[c], seen[c])}%)`);
  console.log(`error-severity findings on real values: ${errors}`);
}
