import { describe, expect, it } from 'vitest';
import { invoicePdfHref, periodDownloads, reportCsvHref } from './report-downloads.ts';

const query = { startDate: '2027-03-01', endDate: '2027-03-31', interval: 'week', basis: 'service' } as const;

describe('report downloads', () => {
  it('carries each report its own query', () => {
    expect(reportCsvHref('revenue', query)).toBe(
      '/v1/tenant-admin/exports/reports/revenue.csv?startDate=2027-03-01&endDate=2027-03-31&interval=week&basis=service',
    );
    expect(reportCsvHref('services', query)).toBe(
      '/v1/tenant-admin/exports/reports/services.csv?startDate=2027-03-01&endDate=2027-03-31',
    );
    expect(reportCsvHref('clients', query, ' ana & co ')).toBe(
      '/v1/tenant-admin/exports/reports/clients.csv?startDate=2027-03-01&endDate=2027-03-31&q=ana+%26+co',
    );
    expect(reportCsvHref('clients', query, '  ')).not.toContain('q=');
  });

  it('lists the period files and invoice PDFs', () => {
    expect(periodDownloads(query).map((d) => d.href.split('?')[0])).toEqual([
      '/v1/tenant-admin/exports/ledger.csv',
      '/v1/tenant-admin/exports/appointments.csv',
      '/v1/tenant-admin/exports/quickbooks.csv',
      '/v1/tenant-admin/exports/quickbooks.iif',
    ]);
    expect(invoicePdfHref('7f1c')).toBe('/v1/tenant-admin/invoices/7f1c.pdf');
  });
});
