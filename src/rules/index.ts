import { ENGINE_CHECKS } from '../core/messages';
import type { MessageTable } from '../core/locale';
import type { CheckModule, Rule, RowRule } from '../core/rule';
import { adjustCheck } from './adjust/adjust.rule';
import { adjustReasonRule } from './adjust-reason/adjust-reason.rule';
import { basisRule } from './basis/basis.rule';
import { consistentRule } from './consistent/consistent.rule';
import { doubleRandomRule } from './double-random/double-random.rule';
import { enumRule } from './enum/enum.rule';
import { frequencyRule } from './frequency/frequency.rule';
import { methodRule } from './method/method.rule';
import { phoneRule } from './phone/phone.rule';
import { ratioRule } from './ratio/ratio.rule';
import { reviewCheck } from './review/review.rule';
import { scaleRule } from './scale/scale.rule';
import { seqOrderRule, seqRule } from './seq/seq.rule';
import { tallyCheck } from './tally/tally.rule';
import { uniqueRule } from './unique/unique.rule';
import { unitsCheck } from './units/units.rule';
import { usccRule } from './uscc/uscc.rule';

/** Every cell rule (a schema field's `rule`), one sorted line each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own value type
export const RULES: readonly Rule<any>[] = [
  basisRule,
  enumRule,
  frequencyRule,
  methodRule,
  phoneRule,
  ratioRule,
  scaleRule,
  seqRule,
  usccRule,
];

/** Every check across rows or fields (a schema's `rowRules`), one sorted line each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options
export const ROW_RULES: readonly RowRule<any>[] = [
  adjustReasonRule,
  consistentRule,
  doubleRandomRule,
  seqOrderRule,
  uniqueRule,
];

/** Checks that features run across files (the adjustment comparison, the review desk, the tally, the units register). */
export const FILE_CHECKS: readonly CheckModule[] = [adjustCheck, reviewCheck, tallyCheck, unitsCheck];

/** Every check: the engine's own, cell rules, row rules and file checks. */
export const CHECKS: readonly CheckModule[] = [...ENGINE_CHECKS, ...RULES, ...ROW_RULES, ...FILE_CHECKS];

/** Every message table by rule id (the engine's own included). */
export const RULE_MESSAGES: Readonly<Record<string, MessageTable>> = Object.fromEntries(
  CHECKS.map((c) => [c.id, c.messages]),
);
