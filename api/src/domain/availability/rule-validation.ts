import type { ErrorDetail } from '../errors.ts';
import { minutesOfDay } from '../wall-time.ts';

/**
 * Cross-field rules of weekly availability rules and date overrides, beyond
 * each field's own format (checked by the schemas). Times are "HH:MM" wall
 * times and dates "YYYY-MM-DD", so dates compare correctly as strings.
 */

export interface RuleShape {
  startTime: string;
  endTime: string;
  serviceId?: string | undefined;
  providerId?: string | undefined;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | undefined;
}

/** The provider or service whose rules a request replaces. */
export interface RuleOwner {
  field: 'providerId' | 'serviceId';
  id: string;
}

export function ruleViolations(rules: readonly RuleShape[], owner: RuleOwner): ErrorDetail[] {
  return rules.flatMap((rule, index) => {
    const problems: ErrorDetail[] = [];
    const ownerId = rule[owner.field];
    if (ownerId !== undefined && ownerId !== owner.id) {
      problems.push({
        path: `${index}.${owner.field}`,
        message: 'must be absent or equal the id in the path',
      });
    }
    if (minutesOfDay(rule.startTime) >= minutesOfDay(rule.endTime)) {
      problems.push({ path: `${index}.endTime`, message: 'must be after startTime' });
    }
    if (
      rule.effectiveFrom !== undefined &&
      rule.effectiveTo !== undefined &&
      rule.effectiveFrom > rule.effectiveTo
    ) {
      problems.push({ path: `${index}.effectiveTo`, message: 'cannot be before effectiveFrom' });
    }
    return problems;
  });
}

export interface OverrideShape {
  closed?: boolean | undefined;
  startTime?: string | undefined;
  endTime?: string | undefined;
}

/** An override either closes the day (no times) or gives the day's hours (both times, in order). */
export function overrideViolations(override: OverrideShape): ErrorDetail[] {
  const { closed, startTime, endTime } = override;
  if (closed === true) {
    return startTime !== undefined || endTime !== undefined
      ? [{ path: startTime !== undefined ? 'startTime' : 'endTime', message: 'a closed day takes no times' }]
      : [];
  }
  const problems: ErrorDetail[] = [];
  if (startTime === undefined) {
    problems.push({ path: 'startTime', message: 'is required unless closed is true' });
  }
  if (endTime === undefined) {
    problems.push({ path: 'endTime', message: 'is required unless closed is true' });
  }
  if (startTime !== undefined && endTime !== undefined && minutesOfDay(startTime) >= minutesOfDay(endTime)) {
    problems.push({ path: 'endTime', message: 'must be after startTime' });
  }
  return problems;
}

export function dateRangeViolations(range: {
  from?: string | undefined;
  to?: string | undefined;
}): ErrorDetail[] {
  return range.from !== undefined && range.to !== undefined && range.from > range.to
    ? [{ path: 'to', message: 'cannot be before from' }]
    : [];
}
