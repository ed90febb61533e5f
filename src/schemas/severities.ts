import type { Severity } from '../core/issue';

/**
 * How serious each finding is by default; a schema or the user's settings may override any code. Errors are
 * what a reviewer sends back; warnings need a look (扰企, 盲区, unusual spelling); info is only noted.
 */
export const DEFAULT_SEVERITIES: Record<string, Severity> = {
  'required/missing': 'error',
  'unique/duplicate': 'error',
  'consistent/differs': 'error',
  'header/missing-column': 'warning',
  'sheet/no-data': 'warning',
  'seq/not-sequential': 'warning',
  'seq/not-integer': 'warning',
  'ratio/invalid': 'error',
  'ratio/out-of-range': 'error',
  'ratio/inverted-range': 'error',
  'ratio/bare-number': 'warning',
  'ratio/count': 'warning',
  'ratio/zero': 'warning',
  'ratio/disturb': 'warning',
  'ratio/prose': 'warning',
  'frequency/invalid': 'error',
  'frequency/too-frequent': 'warning',
  'frequency/zero': 'warning',
  'frequency/irregular': 'info',
  'frequency/as-needed': 'info',
  'uscc/length': 'error',
  'uscc/charset': 'error',
  'uscc/checksum': 'error',
  'uscc/legacy': 'warning',
  'phone/invalid': 'error',
  'phone/no-area-code': 'warning',
  'phone/mobile-length': 'error',
  'date/invalid': 'error',
  'date/out-of-range': 'warning',
  'enum/not-allowed': 'error',
  'basis/no-citation': 'warning',
  'basis/unbalanced': 'warning',
  'method/unknown': 'info',
  'doubleRandom/contradicts-method': 'warning',
};
