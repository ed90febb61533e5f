import type { MessageTable } from '../../core/locale';
import type { CheckModule } from '../../core/rule';

/**
 * Messages of the office's review of everything the units sent (not cell rules): deliverables missing, files that
 * cannot be read or placed, a 动态调整情况表 that does not add up or disagrees with the unit's own list.
 */
export const reviewMessages: MessageTable = {
  'zh-CN': {
    'missing-checklist': '未报送检查实施清单;请报送调整后的{year}年度行政检查事项清单(电子版)',
    'missing-adjustment': '未报送动态调整情况表;如无动态调整,也请报送无动态调整的说明',
    'missing-declaration': '未报送监测点企业申报表;本单位任务数为 {quota} 家',
    'declaration-short': '监测点企业只计入 {declared} 家,少于任务数 {quota} 家;还差 {missing} 家,请补报',
    'declaration-over': '监测点企业计入 {declared} 家,超出任务数 {quota} 家;请核实',
    unreadable: '文件“{name}”无法读取:{reason}',
    'not-read': '收到文件“{name}”,未读取其内容:{reason}',
    'other-file': '文件“{name}”中没有检查实施清单、动态调整情况表或监测点企业申报表;请确认是否报错了文件',
    'unit-conflict':
      '文件“{name}”放在“{folder}”文件夹中,但文件中写明的单位是“{named}”;已按“{unit}”计入,请核实',
    'no-unit':
      '无法确定文件“{name}”所属的单位:文件夹名、文件名、标题和填报单位中都没有单位名单中的单位;请在文件中写明填报单位',
    'unknown-unit': '文件“{name}”的单位“{text}”不在单位名单中(最接近的是“{suggestion}”);请核实单位名称',
    'unknown-unit-no-match':
      '文件“{name}”的单位“{text}”不在单位名单中,名单中也没有相近的单位;如是应报送的单位,请用 --units 加入单位名单',
    'several-lists': '报送了 {count} 份检查实施清单;以“{chosen}”({items} 项)为准,请确认',
    'several-reports': '报送了 {count} 份动态调整情况表;以“{chosen}”为准,请确认',
    'total-type-mismatch': '合计写明{type} {stated} 项,但表中{type}事项为 {counted} 项;请核对合计',
    'total-count-mismatch': '合计写明共 {stated} 项,但表中列出 {counted} 项;请核对合计',
    'total-balance':
      '合计写明上年清单 {previous} 项、新增 {added} 项、删除 {deleted} 项,本年应为 {expected} 项,但写的是 {current} 项;请核对',
    'total-list-count': '动态调整情况表写明本年清单 {stated} 项,但报送的清单中有 {items} 项;请核对',
    'added-not-in-list':
      '“{itemName}”报为新增,但本单位报送的清单中没有该事项;请在清单中补充该事项,或更正动态调整情况表',
    'deleted-still-listed':
      '“{itemName}”报为删除,但本单位清单第 {listRow} 行仍列有该事项;请从清单中删除,或更正动态调整情况表',
    'modified-not-in-list': '“{itemName}”报为修改,但本单位报送的清单中没有该事项;请核对事项名称',
    'modified-differs':
      '“{itemName}”报为修改,{field}调整为“{reported}”,但清单第 {listRow} 行的{field}是“{listed}”;两处应一致',
    'name-differs': '动态调整情况表中的“{reported}”在清单中写作“{listed}”(第 {listRow} 行);请统一事项名称',
    'change-not-reported':
      '清单中“{itemName}”的调整类型为“{type}”,但动态调整情况表中没有该事项;请在情况表中补充',
    'statement-but-changes':
      '报送的是无动态调整说明,但清单中有 {count} 项标为新增、删除或修改(如“{itemName}”);请核实,有调整的应报送动态调整情况表',
  },
  'en-US': {
    'missing-checklist': 'No inspection list was sent; send the adjusted {year} list (electronic copy)',
    'missing-adjustment':
      'No dynamic-adjustment report was sent; a unit without adjustments still sends a statement saying so',
    'missing-declaration': "No monitoring-point declaration was sent; the unit's quota is {quota}",
    'declaration-short':
      'Only {declared} monitoring-point enterprises count, fewer than the quota of {quota}; {missing} more are needed',
    'declaration-over':
      '{declared} monitoring-point enterprises count, more than the quota of {quota}; check it',
    unreadable: 'The file "{name}" cannot be read: {reason}',
    'not-read': 'The file "{name}" was received; its content is not read: {reason}',
    'other-file':
      'The file "{name}" holds no inspection list, adjustment report or declaration; check whether the right file was sent',
    'unit-conflict':
      'The file "{name}" is in the folder "{folder}" but names the unit "{named}"; it was counted for "{unit}", check it',
    'no-unit':
      'Cannot tell which unit sent "{name}": no unit of the register appears in its folder, file name, title or 填报单位 line; the file should name its unit',
    'unknown-unit':
      'The unit "{text}" of "{name}" is not in the register (closest: "{suggestion}"); check the unit name',
    'unknown-unit-no-match':
      'The unit "{text}" of "{name}" is not in the register, nor is any close name; if it should report, add it with --units',
    'several-lists': '{count} inspection lists were sent; "{chosen}" ({items} items) is used, confirm it',
    'several-reports': '{count} adjustment reports were sent; "{chosen}" is used, confirm it',
    'total-type-mismatch':
      'The 合计 line says {stated} items {type}, but the table lists {counted}; check the total',
    'total-count-mismatch':
      'The 合计 line says {stated} items, but the table lists {counted}; check the total',
    'total-balance':
      'The 合计 line says {previous} items last year, {added} added and {deleted} deleted, so {expected} this year, but it says {current}; check it',
    'total-list-count':
      "The report says this year's list has {stated} items, but the list sent has {items}; check it",
    'added-not-in-list':
      '"{itemName}" is reported as added, but the unit\'s list does not have it; add it to the list or correct the report',
    'deleted-still-listed':
      '"{itemName}" is reported as deleted, but row {listRow} of the unit\'s list still has it; remove it or correct the report',
    'modified-not-in-list':
      '"{itemName}" is reported as modified, but the unit\'s list does not have it; check the item name',
    'modified-differs':
      '"{itemName}" is reported as modified with {field} "{reported}", but row {listRow} of the list gives "{listed}"; they must agree',
    'name-differs':
      'The report\'s "{reported}" is written "{listed}" in the list (row {listRow}); use one name',
    'change-not-reported':
      'The list marks "{itemName}" as {type}, but the adjustment report does not mention it; add it to the report',
    'statement-but-changes':
      'A no-adjustment statement was sent, but the list marks {count} items as added, deleted or modified (e.g. "{itemName}"); a unit with changes sends the report',
  },
};

/** The review desk's checks (run by the review feature over everything the units sent). */
export const reviewCheck: CheckModule = {
  id: 'review',
  messages: reviewMessages,
  severities: {
    'missing-checklist': 'error',
    'missing-adjustment': 'error',
    'missing-declaration': 'error',
    'declaration-short': 'error',
    'declaration-over': 'warning',
    unreadable: 'error',
    'not-read': 'info',
    'other-file': 'warning',
    'unit-conflict': 'warning',
    'no-unit': 'error',
    'unknown-unit': 'error',
    'unknown-unit-no-match': 'error',
    'several-lists': 'warning',
    'several-reports': 'warning',
    'total-type-mismatch': 'error',
    'total-count-mismatch': 'error',
    'total-balance': 'error',
    'total-list-count': 'warning',
    'added-not-in-list': 'error',
    'deleted-still-listed': 'error',
    'modified-not-in-list': 'error',
    'modified-differs': 'error',
    'name-differs': 'warning',
    'change-not-reported': 'warning',
    'statement-but-changes': 'warning',
  },
};
