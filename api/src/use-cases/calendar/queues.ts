/** The calendar feature's queues (jobs/calendar.feature.ts). */
export const CALENDAR_QUEUES = {
  /** { tenantId, appointmentId }: make the provider's Google calendar show the booking as it is. */
  push: 'calendar.push',
  /** { tenantId, providerId }: bring the provider's busy blocks up to date with their calendar. */
  sync: 'calendar.sync',
  /** Hourly: new push channels for those about to expire (or missing). */
  renewChannels: 'calendar.renew-channels',
  /** Every 15 minutes: a calendar.sync for every connection, for notifications Google lost. */
  poll: 'calendar.poll',
} as const;
