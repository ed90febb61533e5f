import { runRowRule } from '../../../test/helpers/rule-tester';
import { adjustReasonRule } from './adjust-reason.rule';

describe('adjustReason rule', () => {
  const options = { type: 'adjustType', reason: 'adjustReason' };
  test.each<[string, Record<string, string>, Record<string, unknown> | undefined, boolean]>([
    ['新增 without a reason is missing one', { adjustType: '新增', adjustReason: '' }, undefined, true],
    ['删除 without a reason is missing one', { adjustType: '删除', adjustReason: '' }, undefined, true],
    ['修改 without a reason is missing one', { adjustType: '修改', adjustReason: '' }, undefined, true],
    ['a reason given passes', { adjustType: '新增', adjustReason: '监管实际' }, undefined, false],
    ['无变化 needs no reason', { adjustType: '无变化', adjustReason: '' }, undefined, false],
    ['a blank type needs no reason', { adjustType: '', adjustReason: '' }, { adjustType: undefined }, false],
    // A type the enum rule refused is that rule's issue; the reason is not asked for on top of it.
    [
      'an unparsed type needs no reason',
      { adjustType: '撤销', adjustReason: '' },
      { adjustType: undefined },
      false,
    ],
    ['a sheet without a reason column is not asked per row', { adjustType: '新增' }, undefined, false],
  ])('%s', (_, texts, parsed, missing) => {
    const found = runRowRule(adjustReasonRule, options, [{ texts, parsed }]);
    expect(found).toEqual(
      missing ? [{ row: 2, field: 'adjustReason', id: 'missing', params: { type: texts.adjustType } }] : [],
    );
  });
});
