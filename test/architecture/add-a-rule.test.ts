import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

// The README's "Adding a rule", done as a newcomer would, in a copy of src/: the rule's file, its line in
// rules/index.ts, and a schema field that uses it. Then the copy checks a sheet and must report the new code.
const RULE_FILE = `import type { MessageTable } from '../../core/locale';
import { type Rule, fail, ok } from '../../core/rule';

/** Messages of the \`personName\` rule. */
export const personNameMessages: MessageTable = {
  'zh-CN': { 'has-digit': '“{received}”含有数字,不像人名' },
  'en-US': { 'has-digit': '"{received}" contains a digit; it is not a name' },
};

/** 人名: no digits. */
export const personNameRule: Rule<string> = {
  id: 'personName',
  messages: personNameMessages,
  severities: { 'has-digit': 'warning' },
  parse: ({ text }) => (/\\d/.test(text) ? fail('has-digit', { received: text }) : ok(text)),
};
`;

const SCRIPT = `import { checkGrids, renderIssue } from './src/features/check-workbook';
import { DEFAULT_SEVERITIES } from './src/schemas/severities';
const header = ['序号', '企业名称', '统一社会信用代码', '法定代表人', '住所', '行业', '联系人', '联系电话', '规模', '是否为民营企业'];
const row = (n: number, name: string) => [n, '赣州某某有限公司' + n, '', name, '于都县', '制造业', '李四', '13800000000', '小型', '是'];
const [report] = checkGrids([{ name: '申报表', values: [header, row(1, '张三'), row(2, '王五2')], merges: [] }]);
const mine = report.issues.filter((i) => i.code.startsWith('personName/'));
process.stdout.write(JSON.stringify({
  kind: report.kind,
  issues: mine.map((i) => ({ code: i.code, severity: i.severity, row: i.row, column: i.column, zh: renderIssue(i, 'zh-CN'), en: renderIssue(i, 'en-US') })),
  graded: DEFAULT_SEVERITIES['personName/has-digit'] ?? null,
}));
`;

/** Replaces one exact text of a file in the copy; fails loudly when the text moved (the README must move too). */
function edit(root: string, file: string, from: string, to: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  expect({ file, found: text.includes(from) }).toEqual({ file, found: true });
  writeFileSync(full, text.replace(from, to));
}

describe('adding a rule is its file, one registry line and its use in a schema', () => {
  let copy = '';
  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'drc-add-a-rule-'));
    cpSync(path.join(ROOT, 'src'), path.join(copy, 'src'), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  const run = (): unknown =>
    JSON.parse(
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['run.ts'], {
        cwd: copy,
        encoding: 'utf8',
      }),
    );

  test('a demo rule in a copy of src/ reports on a real sheet once registered, graded and in every locale', () => {
    mkdirSync(path.join(copy, 'src/rules/person-name'));
    writeFileSync(path.join(copy, 'src/rules/person-name/person-name.rule.ts'), RULE_FILE);
    edit(
      copy,
      'src/schemas/declaration.schema.ts',
      "required: true },\n    {\n      key: 'address',",
      "required: true, rule: personNameRule },\n    {\n      key: 'address',",
    );
    edit(
      copy,
      'src/schemas/declaration.schema.ts',
      "import { phoneRule } from '../rules/phone/phone.rule';",
      "import { personNameRule } from '../rules/person-name/person-name.rule';\nimport { phoneRule } from '../rules/phone/phone.rule';",
    );
    writeFileSync(path.join(copy, 'run.ts'), SCRIPT);
    // Used but not registered: the rule runs, but its message and grade are unknown (the registry test fails).
    expect(run()).toMatchObject({
      issues: [{ code: 'personName/has-digit', severity: 'error', zh: 'personName/has-digit' }],
      graded: null,
    });

    edit(
      copy,
      'src/rules/index.ts',
      "import { phoneRule } from './phone/phone.rule';",
      "import { personNameRule } from './person-name/person-name.rule';\nimport { phoneRule } from './phone/phone.rule';",
    );
    edit(copy, 'src/rules/index.ts', '  phoneRule,\n', '  personNameRule,\n  phoneRule,\n');
    expect(run()).toEqual({
      kind: 'declaration',
      issues: [
        {
          code: 'personName/has-digit',
          severity: 'warning',
          row: 3,
          column: 4,
          zh: '“王五2”含有数字，不像人名',
          en: '"王五2" contains a digit; it is not a name',
        },
      ],
      graded: 'warning',
    });
  });
});
