import type { CreateLocationBody, Location } from '@mais/sdk';

/** A location as its form holds it: the address as one text of up to three lines. */
export interface LocationDraft {
  name: string;
  address: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  timezone: string;
  active: boolean;
}

export const EMPTY_LOCATION: LocationDraft = {
  name: '',
  address: '',
  postalCode: '',
  city: '',
  country: '',
  phone: '',
  timezone: '',
  active: true,
};

export function draftOf(location: Location): LocationDraft {
  return {
    name: location.name,
    address: location.addressLines.join('\n'),
    postalCode: location.postalCode,
    city: location.city,
    country: location.country ?? '',
    phone: location.phone ?? '',
    timezone: location.timezone ?? '',
    active: location.active,
  };
}

/** Non-empty address lines, trimmed. */
export function addressLines(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What the form must fix before sending, by field (the API checks again). */
export function locationProblems(draft: LocationDraft): Partial<Record<keyof LocationDraft, string>> {
  const problems: Partial<Record<keyof LocationDraft, string>> = {};
  if (draft.name.trim() === '') problems.name = 'Give the location a name.';
  if (addressLines(draft.address).length > 3) problems.address = 'Use at most three address lines.';
  if (draft.country.trim() !== '' && !/^[A-Za-z]{2}$/.test(draft.country.trim()))
    problems.country = 'Use the two-letter country code, such as DE or US.';
  return problems;
}

/** The body of POST /locations (and, being complete, of PATCH /locations/{id}). */
export function locationBody(draft: LocationDraft): CreateLocationBody {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: draft.name.trim(),
    addressLines: addressLines(draft.address),
    postalCode: draft.postalCode.trim(),
    city: draft.city.trim(),
    country: optional(draft.country)?.toUpperCase() ?? null,
    phone: optional(draft.phone),
    timezone: optional(draft.timezone),
    active: draft.active,
  };
}

/** "Torstraße 1, 10119 Berlin, DE": a location's address on one line. */
export function addressText(
  location: Pick<Location, 'addressLines' | 'postalCode' | 'city' | 'country'>,
): string {
  const town = [location.postalCode, location.city].filter(Boolean).join(' ');
  return [...location.addressLines, town, location.country ?? ''].filter(Boolean).join(', ');
}
