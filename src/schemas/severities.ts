import type { Severity } from '../core/issue';
import { CHECKS } from '../rules';

/**
 * How serious each finding is by default, as each check declares it (`severities` beside its messages); a schema
 * or the user's settings may override any code. Errors are what a reviewer sends back; warnings need a look (扰企,
 * 盲区, unusual spelling); info is only noted.
 */
export const DEFAULT_SEVERITIES: Readonly<Record<string, Severity>> = Object.fromEntries(
  CHECKS.flatMap((c) => Object.entries(c.severities).map(([id, severity]) => [`${c.id}/${id}`, severity])),
);
