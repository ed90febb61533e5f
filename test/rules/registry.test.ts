import path from 'node:path';
import type { CheckModule } from '../../src/core/rule';
import { CHECKS, FILE_CHECKS, ROW_RULES, RULES } from '../../src/rules';
import { CATALOGUE, SCHEMAS } from '../../src/schemas';
import { FIELD_LABELS } from '../../src/schemas/field-labels';
import { DEFAULT_SEVERITIES } from '../../src/schemas/severities';
import { auditRegistry, readSources, type Registry } from '../helpers/registry-audit';

const SRC = path.join(__dirname, '..', '..', 'src');

const REAL: Registry = {
  rules: RULES,
  rowRules: ROW_RULES,
  fileChecks: FILE_CHECKS,
  checks: CHECKS,
  schemas: SCHEMAS,
  fieldLabels: FIELD_LABELS,
  tables: CATALOGUE.tables,
  severities: DEFAULT_SEVERITIES,
  ...readSources(SRC),
};

/** A check of the planted registries: one message, graded. */
const demo = (id: string): CheckModule => ({
  id,
  messages: { 'zh-CN': { bad: '不对' }, 'en-US': { bad: 'wrong' } },
  severities: { bad: 'error' },
});
const without = <T>(list: readonly T[], item: T) => list.filter((x) => x !== item);
const uscc = RULES.find((r) => r.id === 'uscc')!;
const tally = FILE_CHECKS.find((c) => c.id === 'tally')!;
const unique = ROW_RULES.find((c) => c.id === 'unique')!;
const { itemName: _itemName, ...labelsWithoutItemName } = FIELD_LABELS;

describe('registries', () => {
  test('the registries agree with the code: every check registered and used, every field labelled', () => {
    expect(REAL.ruleFolders.length).toBeGreaterThan(10);
    expect(REAL.sources.length).toBeGreaterThan(100);
    expect(auditRegistry(REAL)).toEqual([]);
  });

  // Each way a registry can go wrong, planted: the audit names it, so the test above can fail for it.
  test.each<[string, Partial<Registry>, string]>([
    [
      "a rule folder's check not registered",
      { ruleFolders: [...REAL.ruleFolders, { folder: 'demo', exports: { demoRule: demo('demo') } }] },
      'rules/demo: demoRule is not registered',
    ],
    [
      'a rule folder without a check',
      { ruleFolders: [...REAL.ruleFolders, { folder: 'empty', exports: { limit: 3 } }] },
      'rules/empty exports no check',
    ],
    ['a list out of order', { rules: [...RULES].reverse() }, 'RULES is not sorted by id, each id once'],
    [
      'a cell rule used by no schema',
      { rules: [...RULES, demo('zzz')], checks: [...CHECKS, demo('zzz')] },
      'rule zzz is used by no schema',
    ],
    [
      'a row rule used by no schema',
      { rowRules: [...ROW_RULES, demo('zzz')], checks: [...CHECKS, demo('zzz')] },
      'row rule zzz is used by no schema',
    ],
    [
      'a file check no code issues',
      { fileChecks: [...FILE_CHECKS, demo('zzz')], checks: [...CHECKS, demo('zzz')] },
      'file check zzz is used by nothing',
    ],
    [
      'a file check whose feature is gone',
      { sources: REAL.sources.filter((s) => !/rules\/tally\/tally\.rule['"]/.test(s.text)) },
      'file check tally is used by nothing',
    ],
    [
      'a schema using a rule not registered',
      { rules: without(RULES, uscc), checks: without(CHECKS, uscc) },
      'checklist.agencyCode: rule uscc is not registered',
    ],
    [
      'a schema using a row rule not registered',
      { rowRules: without(ROW_RULES, unique), checks: without(CHECKS, unique) },
      'checklist: row rule unique is not registered',
    ],
    [
      'a field without a label',
      { fieldLabels: labelsWithoutItemName },
      'checklist.itemName has no label in zh-CN',
    ],
    [
      'a field without its en-US label',
      { fieldLabels: { ...FIELD_LABELS, remarks: { 'zh-CN': '备注' } } },
      'checklist.remarks has no label in en-US',
    ],
    [
      'a schema file not registered',
      { schemaFiles: [...REAL.schemaFiles, { file: 'demo.schema.ts', text: "kind: 'demo'," }] },
      'schemas/demo.schema.ts is not registered',
    ],
    [
      'a message without a grade',
      {
        checks: [...CHECKS, { ...demo('zzz'), severities: {} }],
        tables: { ...CATALOGUE.tables, zzz: demo('zzz').messages },
      },
      'zzz grades other messages than it declares',
    ],
    [
      'a default grade that is not the one the check declares',
      { severities: { ...DEFAULT_SEVERITIES, 'unique/duplicate': 'info' } },
      'unique/duplicate is graded otherwise by default',
    ],
    [
      'a graded code without a message',
      { severities: { ...DEFAULT_SEVERITIES, 'unique/ghost': 'error' } },
      'unique/ghost has no message in zh-CN',
    ],
    [
      'two checks with one id and other messages',
      { checks: [...CHECKS, { ...tally, messages: demo('tally').messages }] },
      'tally shares an id with other messages',
    ],
    [
      'a locale with other message ids',
      {
        tables: {
          ...CATALOGUE.tables,
          zzz: { 'zh-CN': { bad: '不对' }, 'en-US': { wrong: 'wrong' } },
        },
      },
      'zzz: zh-CN and en-US have other message ids',
    ],
  ])('%s fails the audit', (_, planted, problem) => {
    expect(auditRegistry({ ...REAL, ...planted })).toContain(problem);
  });
});
