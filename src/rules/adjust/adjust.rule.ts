import type { MessageTable } from '../../core/locale';
import type { CheckModule } from '../../core/rule';

/**
 * Messages of the dynamic-adjustment comparison (last year's list against this year's): a change without its
 * reason, an item pair a person must confirm, a declared 调整类型 that the comparison contradicts.
 */
export const adjustMessages: MessageTable = {
  'zh-CN': {
    'no-reason':
      '“{name}”为{type}事项,但没有填写调整原因;请在“调整原因”中注明(法律法规规章调整、机构改革、监管实际等)',
    'deleted-no-reason':
      '“{name}”已从本年清单中删除,但没有写明原因;请在本年清单保留该行、调整类型填“删除”并注明调整原因',
    'uncertain-match':
      '上年的“{previous}”与本年的“{current}”可能是同一事项(相似度 {score});请确认是改名,还是删除一项、新增一项',
    'type-differs': '调整类型填写为“{declared}”,但与上年清单比对应为“{found}”;请核对',
    'deleted-not-found': '调整类型填写为“删除”,但上年清单中没有“{name}”;请核对事项名称',
    'confirm-unknown-previous': '确认文件第 {line} 行:上年清单中没有“{name}”;请核对事项名称',
    'confirm-unknown-current': '确认文件第 {line} 行:本年清单中没有“{name}”;请核对事项名称',
  },
  'en-US': {
    'no-reason':
      '"{name}" ({type}) gives no reason; state it under 调整原因 (法律法规规章调整, 机构改革, 监管实际…)',
    'deleted-no-reason':
      '"{name}" was removed from this year\'s list without a reason; keep its row with 调整类型 删除 and state the reason',
    'uncertain-match':
      'Last year\'s "{previous}" and this year\'s "{current}" may be the same item (similarity {score}); confirm whether it was renamed, or one item deleted and another added',
    'type-differs':
      '调整类型 says "{declared}", but compared with last year\'s list it is "{found}"; check it',
    'deleted-not-found': '调整类型 says 删除, but last year\'s list has no "{name}"; check the item name',
    'confirm-unknown-previous':
      'Confirmation file, line {line}: last year\'s list has no "{name}"; check the name',
    'confirm-unknown-current':
      'Confirmation file, line {line}: this year\'s list has no "{name}"; check the name',
  },
};

/** The dynamic-adjustment comparison's checks (run by the adjust feature across two lists). */
export const adjustCheck: CheckModule = {
  id: 'adjust',
  messages: adjustMessages,
  severities: {
    'no-reason': 'error',
    'deleted-no-reason': 'error',
    'uncertain-match': 'warning',
    'type-differs': 'warning',
    'deleted-not-found': 'warning',
    'confirm-unknown-previous': 'warning',
    'confirm-unknown-current': 'warning',
  },
};
