import { describe, expect, it } from 'vitest';
import { eventUid, UID_DOMAIN_WITHOUT_PUBLIC_URL } from './event-uid.ts';

const ID = '0b6f7a52-5d4e-4c8e-9f3a-2f1d3c4b5a69';

describe('eventUid', () => {
  it('is <appointmentId>@<host of PUBLIC_URL>, without the port', () => {
    expect(eventUid(ID, 'https://book.example.com')).toBe(`${ID}@book.example.com`);
    expect(eventUid(ID, 'http://localhost:3000')).toBe(`${ID}@localhost`);
    expect(eventUid(ID, 'https://Book.Example.com/api')).toBe(`${ID}@book.example.com`);
  });

  it('uses one fixed name without PUBLIC_URL, never a request host', () => {
    expect(eventUid(ID, undefined)).toBe(`${ID}@${UID_DOMAIN_WITHOUT_PUBLIC_URL}`);
  });
});
