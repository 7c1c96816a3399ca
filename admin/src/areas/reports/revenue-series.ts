/**
 * The revenue report's buckets as the chart draws them: one x position per bucket (its index, so
 * weeks and months are evenly spaced), amounts in major units, and a label per bucket.
 */
import type { ReportInterval } from './report-range.ts';

export interface RevenueBucketFigures {
  start: string;
  grossCents: number;
  refundsCents: number;
  netCents: number;
}

export interface RevenueSeries {
  labels: string[];
  x: number[];
  gross: number[];
  refunds: number[];
  net: number[];
}

/** The buckets as series; `minorDigits` is the currency's (2 for EUR, 0 for JPY). */
export function revenueSeries(
  buckets: readonly RevenueBucketFigures[],
  interval: ReportInterval,
  minorDigits: number,
  locale?: string,
): RevenueSeries {
  const major = (cents: number) => cents / 10 ** minorDigits;
  return {
    labels: buckets.map((bucket) => bucketLabel(bucket.start, interval, locale)),
    x: buckets.map((_bucket, index) => index),
    gross: buckets.map((bucket) => major(bucket.grossCents)),
    refunds: buckets.map((bucket) => major(bucket.refundsCents)),
    net: buckets.map((bucket) => major(bucket.netCents)),
  };
}

const labelFormats = new Map<string, Intl.DateTimeFormat>();

/** '2027-03-01' as 'Mar 1' (a day), 'Week of Mar 1' (a week) or 'Mar 2027' (a month). */
export function bucketLabel(start: string, interval: ReportInterval, locale?: string): string {
  const options: Intl.DateTimeFormatOptions =
    interval === 'month' ? { month: 'short', year: 'numeric' } : { month: 'short', day: 'numeric' };
  const key = `${locale ?? ''}|${interval}`;
  let format = labelFormats.get(key);
  if (!format) {
    // A date is a date: formatted at noon UTC in UTC, it is the same day everywhere.
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    labelFormats.set(key, format);
  }
  const text = format.format(new Date(`${start}T12:00:00Z`));
  return interval === 'week' ? `Week of ${text}` : text;
}

/** A currency's minor digits (EUR 2, JPY 0), as Intl knows them. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}
