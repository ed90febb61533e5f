import { runRowRule } from '../../../test/helpers/rule-tester';
import { doubleRandomRule } from './double-random.rule';

describe('doubleRandom rule', () => {
  const options = { flag: 'doubleRandom', method: 'method' };
  test.each<[string, string, string, boolean]>([
    ['否 with a 双随机 method contradicts', '否', '双随机抽查', true],
    ['否 with another method passes', '否', '日常检查', false],
    ['是 with a 双随机 method passes', '是', '双随机抽查', false],
    ['a blank flag passes', '', '双随机抽查', false],
  ])('%s', (_, flag, method, contradicts) => {
    const found = runRowRule(doubleRandomRule, options, [{ texts: { doubleRandom: flag, method } }]);
    expect(found).toEqual(
      contradicts ? [{ row: 2, field: 'doubleRandom', id: 'contradicts-method', params: { method } }] : [],
    );
  });
});
