/** The QuickBooks feature's queues (jobs/quickbooks.feature.ts). */
export const QUICKBOOKS_QUEUES = {
  /** { tenantId, appointmentId }: the appointment's succeeded payments and refunds, as receipts. */
  push: 'quickbooks.push',
  /** Each minute: the backfills tenants asked for, as quickbooks.push jobs. */
  backfill: 'quickbooks.backfill',
} as const;
