import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Grid } from '../../src/core/grid';
import type { Issue } from '../../src/core/issue';
import type { SheetReport } from '../../src/core/report';
import { resolveSettings } from '../../src/core/settings';
import { readSheet, validateRows } from '../../src/core/validate';
import { checkGrids } from '../../src/features/check-workbook';
import { SCHEMAS } from '../../src/schemas';
import { DEFAULT_SEVERITIES } from '../../src/schemas/severities';
import { LAYOUTS, messySheet } from '../helpers/messy-sheets';

// The full list of issues validation finds on seeded sheets with many kinds of bad and odd cells, pinned in
// test/fixtures/validation/: a change that loses, adds, moves or rewords an issue fails here. Short sheets are
// pinned line by line; long ones (more distinct cells than validation remembers per field) by their count per code
// and a digest of every line. When a change of the issues is meant (a new rule, a rule that reads differently),
// regenerate the files with `UPDATE_ISSUE_SNAPSHOTS=1 npx jest test/core/validate-snapshot.test.ts` and review the
// diff.

const DIR = path.join(__dirname, '..', 'fixtures', 'validation');
const UPDATE = process.env.UPDATE_ISSUE_SNAPSHOTS === '1';

/** One issue a line, every field of it. */
const lines = (issues: readonly Issue[]): string =>
  issues
    .map((i) => JSON.stringify([i.sheet, i.row, i.column, i.code, i.severity, i.field, i.received, i.params]))
    .join('\n') + '\n';

/** The issues' count per code and a digest (FNV-1a) of their lines. */
function summary(issues: readonly Issue[]): object {
  const counts: Record<string, number> = {};
  for (const i of issues) counts[i.code] = (counts[i.code] ?? 0) + 1;
  let hash = 0x811c9dc5;
  const text = lines(issues);
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193) >>> 0;
  return { issues: issues.length, digest: hash.toString(16).padStart(8, '0'), counts };
}

/** The report of a one-sheet workbook. */
function reportOf(grid: Grid): SheetReport {
  const [report] = checkGrids([grid]);
  if (!report) throw new Error(`no report for ${grid.name}`);
  return report;
}

function expectPinned(file: string, text: string): void {
  const at = path.join(DIR, file);
  if (UPDATE) writeFileSync(at, text);
  expect(text).toBe(readFileSync(at, 'utf8'));
}

describe.each(LAYOUTS.map((layout) => [layout.name, layout] as const))(
  'issues of a messy %s',
  (_, layout) => {
    const short = messySheet(layout, 80, 17);
    const long = messySheet(layout, layout === LAYOUTS[0] ? 7000 : 1500, 5);

    test('are the pinned list, in order', () => {
      const report = reportOf(short);
      expect(report.kind).not.toBe('unknown');
      expectPinned(`${layout.name}.txt`, lines(report.issues));
    });

    test('of a long sheet are the pinned ones', () => {
      const report = reportOf(long);
      expectPinned(
        `${layout.name}.long.json`,
        `${JSON.stringify({ dataRows: report.dataRows, ...summary(report.issues) }, null, 2)}\n`,
      );
    });

    test('of a re-check of some rows are the whole check’s issues on those rows', () => {
      const report = reportOf(long);
      const sheet = readSheet(long, SCHEMAS);
      const data = new Set(sheet.dataRows);
      const some = new Set(sheet.dataRows.filter((r) => r % 3 === 0));
      const partial = validateRows(sheet, resolveSettings(undefined), DEFAULT_SEVERITIES, some);
      expect(partial.length).toBeGreaterThan(0);
      expect(partial).toEqual(
        report.issues.filter((i) => i.row !== undefined && some.has(i.row) && data.has(i.row)),
      );
    });
  },
);
