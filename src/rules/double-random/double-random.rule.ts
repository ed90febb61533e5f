import type { MessageTable } from '../../core/locale';

/** Messages of the checklist's cross-field check on 是否纳入双随机. */
export const doubleRandomMessages: MessageTable = {
  'zh-CN': { 'contradicts-method': '"是否纳入双随机"为"否",但检查方式为"{method}";请核对二者是否一致' },
  'en-US': {
    'contradicts-method': 'Marked as not double-random, but the method is "{method}"; check which is right',
  },
};
