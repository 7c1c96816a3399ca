import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from './routes.ts';

describe('console routes', () => {
  it('opens Today for an empty hash', () => {
    expect(parseHash('')).toMatchObject({ kind: 'area', area: 'today', path: [] });
    expect(parseHash('#/')).toMatchObject({ kind: 'area', area: 'today', path: [] });
  });

  it('reads the area, the path and the query', () => {
    const route = parseHash('#/appointments/5c1e?status=CONFIRMED&q=ana%20l');
    expect(route).toMatchObject({ kind: 'area', area: 'appointments', path: ['5c1e'] });
    if (route.kind !== 'area') throw new Error('not an area');
    expect(route.query.get('status')).toBe('CONFIRMED');
    expect(route.query.get('q')).toBe('ana l');
  });

  it('round-trips hrefFor through parseHash, encoded segments included', () => {
    const href = hrefFor('clients', ['ana+test@example.com'], { tab: 'visits', empty: '' });
    expect(href).toBe('#/clients/ana%2Btest%40example.com?tab=visits');
    expect(parseHash(href)).toMatchObject({ area: 'clients', path: ['ana+test@example.com'] });
  });

  it('takes invitation and reset tokens of the link form only', () => {
    const token = 'a'.repeat(43);
    expect(parseHash(`#/accept/${token}`)).toEqual({ kind: 'accept', token });
    expect(parseHash(`#/reset/${token}`)).toEqual({ kind: 'reset', token });
    expect(parseHash('#/reset/short')).toMatchObject({ kind: 'notFound' });
  });

  it('answers notFound for an unknown area or a malformed segment', () => {
    expect(parseHash('#/nowhere')).toMatchObject({ kind: 'notFound' });
    expect(parseHash('#/appointments/%E0%A4%A')).toMatchObject({ kind: 'area', path: ['%E0%A4%A'] });
  });
});
