/**
 * The API's file downloads for a period (api/src/http/routes/tenant-admin/report-exports.routes.ts,
 * exports.routes.ts, client-reports.routes.ts). They are plain same-origin GETs: the browser sends
 * the session cookie, GETs need no CSRF token, and the API answers with Content-Disposition:
 * attachment, so an <a href download> saves the file without any script.
 */
import type { ReportQuery, ReportRange } from './report-range.ts';

const BASE = '/v1/tenant-admin/exports';

export interface Download {
  label: string;
  href: string;
}

/** A report's CSV: revenue takes interval and basis, clients its search. */
export function reportCsvHref(
  report: 'revenue' | 'services' | 'providers' | 'clients',
  query: ReportQuery,
  search = '',
): string {
  const params = new URLSearchParams({ startDate: query.startDate, endDate: query.endDate });
  if (report === 'revenue') {
    params.set('interval', query.interval);
    params.set('basis', query.basis);
  }
  if (report === 'clients' && search.trim() !== '') params.set('q', search.trim());
  return `${BASE}/reports/${report}.csv?${params}`;
}

/** The accountants' files of a period (at most 93 days: see exportsAllowed). */
export function periodDownloads(range: ReportRange): Download[] {
  const params = new URLSearchParams({ startDate: range.startDate, endDate: range.endDate });
  return [
    { label: 'Ledger (CSV)', href: `${BASE}/ledger.csv?${params}` },
    { label: 'Appointments (CSV)', href: `${BASE}/appointments.csv?${params}` },
    { label: 'QuickBooks Online import (CSV)', href: `${BASE}/quickbooks.csv?${params}` },
    { label: 'QuickBooks Desktop (IIF)', href: `${BASE}/quickbooks.iif?${params}` },
  ];
}

/** An invoice's PDF (api/src/http/routes/tenant-admin/invoices.routes.ts). */
export function invoicePdfHref(id: string): string {
  return `/v1/tenant-admin/invoices/${encodeURIComponent(id)}.pdf`;
}
