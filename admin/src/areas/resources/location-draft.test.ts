import { describe, expect, it } from 'vitest';
import { addressText, draftOf, EMPTY_LOCATION, locationBody, locationProblems } from './location-draft.ts';

describe('location drafts', () => {
  it('turns the form into the API body: lines split and trimmed, empty optionals null, country upper case', () => {
    expect(
      locationBody({
        ...EMPTY_LOCATION,
        name: ' Mitte ',
        address: 'Torstraße 1\n\n  Hinterhof  \n',
        postalCode: '10119',
        city: 'Berlin',
        country: 'de',
      }),
    ).toEqual({
      name: 'Mitte',
      addressLines: ['Torstraße 1', 'Hinterhof'],
      postalCode: '10119',
      city: 'Berlin',
      country: 'DE',
      phone: null,
      timezone: null,
      active: true,
    });
  });

  it('names what to fix', () => {
    expect(locationProblems(EMPTY_LOCATION)).toEqual({ name: 'Give the location a name.' });
    expect(
      locationProblems({ ...EMPTY_LOCATION, name: 'A', address: '1\n2\n3\n4', country: 'Germany' }),
    ).toEqual({
      address: 'Use at most three address lines.',
      country: 'Use the two-letter country code, such as DE or US.',
    });
  });

  it('reads a location back into the form, and writes its address on one line', () => {
    const location = {
      id: 'l',
      name: 'Mitte',
      addressLines: ['Torstraße 1', 'Hinterhof'],
      postalCode: '10119',
      city: 'Berlin',
      country: 'DE',
      phone: null,
      timezone: 'Europe/Berlin',
      active: false,
      createdAt: '',
      updatedAt: '',
    };
    expect(draftOf(location)).toMatchObject({ address: 'Torstraße 1\nHinterhof', phone: '', active: false });
    expect(addressText(location)).toBe('Torstraße 1, Hinterhof, 10119 Berlin, DE');
    expect(addressText({ addressLines: [], postalCode: '', city: '', country: null })).toBe('');
  });
});
