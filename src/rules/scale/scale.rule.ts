import type { MessageTable } from '../../core/locale';
import { aliasTable, type EnumOptions, matchEnum } from '../enum/enum.rule';
import { type Rule, fail, ok } from '../../core/rule';

/** Enterprise sizes a declaration may state; only 中型/小型/微型 are 中小微企业 and eligible as monitoring points. */
export type Scale = '中型' | '小型' | '微型' | '大型';

/** 规模: the three eligible sizes and 大型 (read, then rejected by the check), with their usual spellings. */
export const SCALE: EnumOptions = {
  values: ['中型', '小型', '微型', '大型'],
  aliases: aliasTable({
    中型: ['中型企业', '中', '中型企'],
    小型: ['小型企业', '小', '小型企'],
    微型: ['微型企业', '微', '微型企', '微小型'],
    大型: ['大型企业', '大', '大型企'],
  }),
  startsWith: true,
};

/** Messages of the `scale` rule. */
export const scaleMessages: MessageTable = {
  'zh-CN': {
    invalid: '无法识别的规模“{received}”;应为 中型、小型 或 微型',
    'not-eligible': '大型企业不属于中小微企业,不能作为行政检查监测点;请改报中型、小型或微型企业',
  },
  'en-US': {
    invalid: 'Unknown enterprise size "{received}"; expected 中型 (medium), 小型 (small) or 微型 (micro)',
    'not-eligible':
      'A large enterprise (大型) is not a small, medium or micro enterprise and cannot be a monitoring point; nominate a medium, small or micro one',
  },
};

/** 规模 of an Annex 2 declaration: 中型/小型/微型; 大型 parses (so the tally can exclude it) and fails the check. */
export const scaleRule: Rule<Scale> = {
  id: 'scale',
  messages: scaleMessages,
  severities: { invalid: 'error', 'not-eligible': 'error' },
  parse({ text }) {
    const value = matchEnum(text, SCALE) as Scale | undefined;
    return value ? ok(value) : fail('invalid', { received: text });
  },
  check(value) {
    return value === '大型' ? [{ id: 'not-eligible' }] : [];
  },
};
