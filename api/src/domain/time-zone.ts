import { IANAZone } from 'luxon';

/**
 * True for IANA zone names such as "Europe/Berlin" or "Asia/Kathmandu".
 * Fixed offsets ("UTC+2") and abbreviations ("CET") are refused: rules are
 * wall-clock times and need a zone that knows its daylight-saving history.
 */
export function isIanaTimeZone(name: string): boolean {
  if (name === 'UTC' || name === 'Etc/UTC') return true;
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(name) && IANAZone.isValidZone(name);
}

/**
 * The spelling to store for a zone the client sent in any letter case:
 * "europe/berlin" → "Europe/Berlin". Undefined for a name Intl does not know.
 *
 * Intl also replaces some links by the name ICU keeps for them: Node 20 turns
 * "Asia/Kolkata" into "Asia/Calcutta" and "Etc/UTC" into "UTC". A link spelled
 * the way IANA spells its names (capitalised words such as "Kolkata", short
 * acronyms such as "UTC") is kept as sent. A link in another case
 * ("asia/kolkata") cannot be checked against a list, so it gets Intl's name,
 * which is the same zone.
 */
export function canonicalTimeZone(name: string): string | undefined {
  // Every availability request names a zone, and building an Intl.DateTimeFormat is slow:
  // remember answers. Bounded, since any letter case of a valid name is valid.
  const known = canonicalNames.get(name);
  if (known !== undefined) return known;
  const canonical = resolveCanonical(name);
  if (canonical !== undefined && canonicalNames.size < MAX_REMEMBERED) canonicalNames.set(name, canonical);
  return canonical;
}

const canonicalNames = new Map<string, string>();
const MAX_REMEMBERED = 2_000;

function resolveCanonical(name: string): string | undefined {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved;
  return name.split(/[/_+-]/).every((word) => IANA_WORD.test(word)) ? name : resolved;
}

const IANA_WORD = /^(?:[A-Z][a-z]*|[A-Z]{2,3}|\d+)$/;
