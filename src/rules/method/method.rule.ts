import type { MessageTable } from '../../core/locale';
import { type Rule, ok } from '../../core/rule';

/** 检查方式 as read: the named methods, and whether any of them is a 双随机 (random) check. */
export interface InspectionMethods {
  methods: string[];
  doubleRandom: boolean;
}

/** Messages of the `method` rule. */
export const methodMessages: MessageTable = {
  'zh-CN': {
    unknown:
      '未识别的检查方式“{method}”(常见写法:双随机抽查、重点检查、信用监管、日常巡查、专项检查、现场检查、书面检查、网络检查)',
  },
  'en-US': {
    unknown:
      'Unrecognised inspection method "{method}" (usual ones: 双随机抽查, 重点检查, 信用监管, 日常巡查, 专项检查, 现场检查, 书面检查, 网络检查)',
  },
};

/** Words found in every known inspection method. */
export const METHOD_KEYWORDS: readonly string[] =
  '抽查 检查 巡查 监管 监测 核查 检测 抽检 检验 现场 书面 网络 随机 信用 评估 督查'.split(' ');

const KNOWN = new RegExp(METHOD_KEYWORDS.join('|'));

/** Splits 检查方式 text into methods: 、 , ; / and line breaks separate; “双随机、一公开” stays whole. */
export function splitMethods(text: string): string[] {
  return (
    text
      .replace(/[“”"‘’']/g, '')
      .replace(/双随机[、,]?一公开/g, '双随机一公开')
      .split(/[、,;/\s]+/)
      .map((part) => part.replace(/^(?:\d+\.|\(\d+\))/, ''))
      // Numbering left alone by the split (1、双随机抽查 → "1") is not a method.
      .filter((part) => !/^[\d.()]*$/.test(part))
  );
}

/** 检查方式: one or more methods; the value says whether the item is checked by 双随机. */
export const methodRule: Rule<InspectionMethods> = {
  id: 'method',
  messages: methodMessages,
  severities: { unknown: 'info' },
  parse({ text }) {
    const methods = splitMethods(text);
    const doubleRandom = methods.some((m) => /双随机|随机抽查/.test(m));
    const unknown = methods.filter((m) => !KNOWN.test(m));
    const value = { methods, doubleRandom };
    return unknown.length ? ok(value, { id: 'unknown', params: { method: unknown.join('、') } }) : ok(value);
  },
};
