import { spreadsheetText } from '../exports/csv-cells.ts';

/**
 * Text typed by someone else, as one QuickBooks field: control characters (tab, CR, LF…) and
 * Unicode line separators, which would end an IIF field or line, become spaces; a colon, which
 * QuickBooks reads as "parent:child" in names of customers, items and accounts, becomes "-"; then
 * the spreadsheet formula guard, because both files are opened in Excel as often as in QuickBooks.
 */
export function oneLine(text: string): string {
  const flat = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .replaceAll(':', '-')
    .trim();
  return spreadsheetText(flat)!;
}

/** FNV-1a over UTF-16 units, base 36, 7 characters: a short stable tag, not a secret. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * `text` within `max` characters, still telling different long texts apart: one that is too long
 * keeps its start and ends in " ~" and a hash of the whole (QuickBooks Desktop names hold 41
 * characters; two clients with one long name prefix must not merge into one customer).
 */
export function boundedName(text: string, max: number): string {
  const units = [...text];
  if (units.length <= max) return text;
  return `${units.slice(0, max - 9).join('')} ~${shortHash(text)}`;
}

/**
 * A client as a QuickBooks customer: "Name (email)", because QuickBooks needs customer names to be
 * unique and two clients can share a name; the email (lower case, as clients are keyed) tells
 * them apart. A client who booked under two spellings of a name becomes two customers.
 */
export function customerName(clientName: string, clientEmail: string, max: number): string {
  return boundedName(oneLine(`${clientName} (${clientEmail.toLowerCase()})`), max);
}

/** "2027-03-28" → "03/28/2027": the US date both QuickBooks imports read by default. */
export function usDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${month}/${day}/${year}`;
}
