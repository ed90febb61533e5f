import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { columnLetter, parseRange } from '../../src/core/grid';
import { readSheet } from '../../src/core/validate';
import { SCHEMAS } from '../../src/schemas';

// Real header layouts (test/fixtures/real-headers/*.json, notation in ../real-spellings/README.md): the sheet kind
// and every column a reader must map, exactly — a column that must stay unmapped is absent from `columns`.
interface Layout {
  rows: string[][];
  merges?: string[];
  kind: string;
  columns: Record<string, string>;
}

const DIR = path.join(__dirname, '..', 'fixtures', 'real-headers');
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];

(files.length ? describe : describe.skip)('real header layouts', () => {
  test.each(files)('%s', (file) => {
    const layout = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Layout;
    const sheet = readSheet(
      { name: 'S', values: layout.rows, merges: (layout.merges ?? []).map(parseRange) },
      SCHEMAS,
    );
    const columns: Record<string, string> = {};
    for (const [key, column] of sheet.header?.columns ?? []) columns[key] = columnLetter(column);
    expect({ kind: sheet.schema?.kind ?? 'unknown', columns }).toEqual({
      kind: layout.kind,
      columns: layout.columns,
    });
  });
  test('there are at least 15 layouts', () => expect(files.length).toBeGreaterThanOrEqual(15));
});
