import type { MessageTable } from '../../core/locale';

/** Messages of the cross-row check that a field (e.g. 机构代码) is the same on every row. */
export const consistentMessages: MessageTable = {
  'zh-CN': {
    differs: '"{fieldLabel}"与第 {firstRow} 行不一致(第 {firstRow} 行为 {first});同一单位的该项应完全相同',
  },
  'en-US': {
    differs: '"{fieldLabel}" differs from row {firstRow} ({first}); it must be the same for the whole unit',
  },
};
