import { describe, expect, it } from 'vitest';
import { cookieSecure, sessionLive } from './session-policy.ts';

const signedIn = new Date('2026-12-02T08:00:00Z');
const session = {
  lastSeenAt: signedIn,
  expiresAt: new Date('2027-01-01T08:00:00Z'),
  revokedAt: null,
};

describe('sessionLive', () => {
  it('ends 12 hours after the last use', () => {
    expect(sessionLive(session, new Date('2026-12-02T19:59:59Z'))).toBe(true);
    expect(sessionLive(session, new Date('2026-12-02T20:00:00Z'))).toBe(false);
  });

  it('ends at the absolute expiry however recently used, and when revoked', () => {
    const late = new Date('2027-01-01T08:00:00Z');
    expect(sessionLive({ ...session, lastSeenAt: late }, late)).toBe(false);
    expect(sessionLive({ ...session, revokedAt: signedIn }, signedIn)).toBe(false);
  });
});

describe('cookieSecure', () => {
  it('is Secure except in development, tests and on a local http PUBLIC_URL', () => {
    expect(cookieSecure('production', 'https://book.example.com')).toBe(true);
    expect(cookieSecure(undefined, undefined)).toBe(true);
    expect(cookieSecure('production', 'http://book.example.com')).toBe(true);
    expect(cookieSecure('test', undefined)).toBe(false);
    expect(cookieSecure('development', 'https://x.example')).toBe(false);
    expect(cookieSecure(undefined, 'http://localhost:3000')).toBe(false);
    expect(cookieSecure(undefined, 'http://127.0.0.1')).toBe(false);
    expect(cookieSecure(undefined, 'http://localhost.evil.example')).toBe(true);
  });
});
