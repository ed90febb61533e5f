import type { MessageTable } from '../../core/locale';
import type { CheckModule } from '../../core/rule';

/** Messages of the office's units register (县直单位 and 乡镇 with their other names), read by `--units`. */
export const unitsMessages: MessageTable = {
  'zh-CN': {
    'duplicate-name': '单位名录中“{name}”出现了两次(第 {firstRow} 行已有);以第一次为准',
    'alias-taken': '单位名录中“{alias}”同时写作“{name}”和“{other}”的其他名称;以“{other}”为准',
  },
  'en-US': {
    'duplicate-name':
      'The units register lists "{name}" twice (first on row {firstRow}); the first one is used',
    'alias-taken':
      'The units register gives "{alias}" as another name of both "{name}" and "{other}"; it stays with "{other}"',
  },
};

/** The units register's checks (run when the register is read). */
export const unitsCheck: CheckModule = {
  id: 'units',
  messages: unitsMessages,
  severities: {
    'duplicate-name': 'warning',
    'alias-taken': 'warning',
  },
};
