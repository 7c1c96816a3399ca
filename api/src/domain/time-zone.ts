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
