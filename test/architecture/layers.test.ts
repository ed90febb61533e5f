import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** Lints each source as if it were the file named (a path under src/ that need not exist), with the project's config. */
function lintAs(cases: ReadonlyArray<{ file: string; code: string }>): string[][] {
  // ESLint loads its flat config with a dynamic import, which jest's module system refuses: run it in plain Node.
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    (async () => {
      // The planted files do not exist: no type information for them, so the type-checked rules are off here.
      const eslint = new ESLint({
        cwd: process.cwd(),
        overrideConfig: {
          languageOptions: { parserOptions: { projectService: false } },
          rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
        },
      });
      const out = [];
      for (const c of JSON.parse(process.argv[1])) {
        const [r] = await eslint.lintText(c.code, { filePath: path.join(process.cwd(), c.file) });
        out.push(r.messages.filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.line + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const stdout = execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as string[][];
}

const FORBIDDEN: Array<[string, string, string]> = [
  ['core imports schemas', 'src/core/planted.ts', "import { SCHEMAS } from '../schemas';"],
  [
    'rules import schemas',
    'src/rules/planted/planted.rule.ts',
    "import { FIELD_LABELS } from '../../schemas/field-labels';",
  ],
  [
    'features import a host type',
    'src/features/planted.ts',
    "import type { XlsxWorkbook } from '../hosts/xlsx/xlsx-workbook';",
  ],
  [
    'features import a host lazily',
    'src/features/planted.ts',
    "export const load = () => import('../hosts/xlsx/fast-reader');",
  ],
  ['a host imports the pane', 'src/hosts/wps/planted.ts', "import { t } from '../../taskpane/i18n';"],
  [
    'a host imports an entry',
    'src/hosts/excel/planted.ts',
    "import { pickHost } from '../../entries/excel-addin';",
  ],
  [
    'the pane reads a chosen file with the adapter',
    'src/taskpane/files.ts',
    "import { readFileGrids } from '../hosts/xlsx/read-file-grids';",
  ],
  [
    "the pane's file mode opens the adapter lazily",
    'src/taskpane/standalone/file-port.ts',
    "export const load = () => import('../../hosts/xlsx/open-workbook');",
  ],
  [
    'the pane imports an entry',
    'src/taskpane/views/planted.ts',
    "import { pickHost } from '../../entries/excel-addin';",
  ],
];

const ALLOWED: Array<[string, string, string]> = [
  ['schemas import rules', 'src/schemas/planted.ts', "import { RULES } from '../rules';"],
  ['features import schemas', 'src/features/planted.ts', "import { SCHEMAS } from '../schemas';"],
  [
    'a host imports the ports',
    'src/hosts/xlsx/planted.ts',
    "import type { CellMark } from '../../core/workbook-port';",
  ],
  [
    'an entry wires a host to the pane',
    'src/entries/planted.ts',
    "import { WpsWorkbook } from '../hosts/wps/wps-workbook';\nimport { App } from '../taskpane/views/app';",
  ],
];

describe('the layer lint', () => {
  let results: string[][] = [];
  beforeAll(() => {
    results = lintAs(
      [...FORBIDDEN, ...ALLOWED].map(([, file, code]) => ({ file, code: `${code}\nexport {};\n` })),
    );
  });

  test.each(FORBIDDEN.map((c, i) => [c[0], i] as const))('fails when %s', (_, i) => {
    expect(results[i]).toEqual([expect.stringMatching(/^1: There is no policy allowing/)]);
  });

  test.each(ALLOWED.map((c, i) => [c[0], FORBIDDEN.length + i] as const))('passes when %s', (_, i) => {
    expect(results[i]).toEqual([]);
  });
});
