import { z } from 'zod';
import { Timestamp } from './common.ts';

export const CalendarFeedLinkSchema = z
  .object({
    url: z
      .string()
      .nullable()
      .meta({
        description:
          'The secret feed URL (https://…/v1/calendar-feeds/<token>.ics) to subscribe to in Google, Outlook ' +
          'or Apple Calendar. Null when it cannot be shown again: the platform has no ENCRYPTION_KEY, ' +
          'so only the answer that made the URL had it; rotate to get a new one.',
      }),
    rotatedAt: Timestamp.meta({ description: 'When the current URL was made (created or rotated).' }),
  })
  .meta({ id: 'CalendarFeedLink' });
export type CalendarFeedLinkDto = z.infer<typeof CalendarFeedLinkSchema>;

/** The feed route's path: the token, checked for shape by the use-case (any other string is 404). */
export const CalendarFeedParams = z.object({ token: z.string().max(100) }).strict();
