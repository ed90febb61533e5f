import { ENGINE_MESSAGES } from '../core/messages';
import type { MessageTable } from '../core/locale';
import { adjustMessages } from './adjust/adjust.rule';
import { basisRule } from './basis/basis.rule';
import { consistentMessages } from './consistent/consistent.rule';
import { dateRule } from './date/date.rule';
import { doubleRandomMessages } from './double-random/double-random.rule';
import { enumRule } from './enum/enum.rule';
import { frequencyRule } from './frequency/frequency.rule';
import { methodRule } from './method/method.rule';
import { phoneRule } from './phone/phone.rule';
import { ratioRule } from './ratio/ratio.rule';
import { requiredRule } from './required/required.rule';
import { reviewMessages } from './review/review.rule';
import type { Rule } from '../core/rule';
import { scaleRule } from './scale/scale.rule';
import { seqRule } from './seq/seq.rule';
import { tallyMessages } from './tally/tally.rule';
import { uniqueRule } from './unique/unique.rule';
import { unitsMessages } from './units/units.rule';
import { usccRule } from './uscc/uscc.rule';

/** Every cell rule, one sorted line each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own value type
export const RULES: readonly Rule<any>[] = [
  basisRule,
  dateRule,
  enumRule,
  frequencyRule,
  methodRule,
  phoneRule,
  ratioRule,
  requiredRule,
  scaleRule,
  seqRule,
  uniqueRule,
  usccRule,
];

/** Message tables of checks that are not cell rules (cross-row and cross-field checks). */
const OTHER_MESSAGES: Record<string, MessageTable> = {
  ...ENGINE_MESSAGES,
  adjust: adjustMessages,
  consistent: consistentMessages,
  doubleRandom: doubleRandomMessages,
  review: reviewMessages,
  tally: tallyMessages,
  units: unitsMessages,
};

/** Every message table by rule id (the engine's own included). */
export const RULE_MESSAGES: Readonly<Record<string, MessageTable>> = {
  ...Object.fromEntries(RULES.map((r) => [r.id, r.messages])),
  ...OTHER_MESSAGES,
};
