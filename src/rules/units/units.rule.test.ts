import { type RegisterProblem, registerClaims } from './units.rule';

/** The county's prefix left out, as the units register files names. */
const key = (name: string) => name.replace(/^于都县/, '');

/** A register line: its row, the unit's name and its other names. */
type Line = [row: number, name: string, aliases?: string[]];

/** Claims every line's name and other names (column 1 and 2), as the register's reader does. */
function claim(lines: Line[]): RegisterProblem[] {
  const claims = registerClaims(key);
  const problems: RegisterProblem[] = [];
  for (const [row, name, aliases = []] of lines) {
    const taken = claims.name(name, row, 1);
    if (taken) {
      problems.push(taken);
      continue;
    }
    for (const alias of aliases) {
      const other = claims.alias(alias, name, row, 2);
      if (other) problems.push(other);
    }
  }
  return problems;
}

describe('registerClaims', () => {
  test.each<[string, Line[], RegisterProblem[]]>([
    [
      'distinct units with their own other names',
      [
        [2, '于都县教育局', ['教育局', '县教育局']],
        [3, '于都县财政局', ['财政局']],
      ],
      [],
    ],
    ['one unit giving the same other name twice', [[2, '于都县教育局', ['教体局', '教体局']]], []],
    ['a unit whose other name is its own name', [[2, '于都县教育局', ['教育局']]], []],
    [
      'a name given twice (compared without the county prefix)',
      [
        [2, '于都县教育局'],
        [5, '教育局'],
      ],
      [{ code: 'units/duplicate-name', row: 5, column: 1, params: { name: '教育局', firstRow: 2 } }],
    ],
    [
      "a name that is an earlier unit's other name",
      [
        [2, '于都县住房和城乡建设局', ['住建局']],
        [4, '住建局'],
      ],
      [{ code: 'units/duplicate-name', row: 4, column: 1, params: { name: '住建局', firstRow: 2 } }],
    ],
    [
      'another name claimed by two units (the first keeps it)',
      [
        [2, '于都县林业局', ['林业局', '自然资源局']],
        [3, '于都县国土资源局', ['国土局', '自然资源局']],
      ],
      [
        {
          code: 'units/alias-taken',
          row: 3,
          column: 2,
          params: { alias: '自然资源局', name: '于都县国土资源局', other: '于都县林业局' },
        },
      ],
    ],
  ])('%s', (_, lines, problems) => {
    expect(claim(lines)).toEqual(problems);
  });
});
