import { calendarFeature } from './calendar.feature.ts';
import type { JobFeature } from './job-context.ts';
import { notificationsFeature } from './notifications.feature.ts';
import { quickbooksFeature } from './quickbooks.feature.ts';
import { webhooksFeature } from './webhooks.feature.ts';

/** Every feature's jobs, in the order the dispatcher hands each appointment event to them. */
export const JOB_FEATURES: readonly JobFeature[] = [
  calendarFeature,
  notificationsFeature,
  quickbooksFeature,
  webhooksFeature,
];
