import { describe, expect, it } from 'vitest';
import { googleEventIdFor } from './google-event-id.ts';

describe('googleEventIdFor', () => {
  it('is "mais" and the UUID without dashes: base32hex, 36 characters', () => {
    const id = googleEventIdFor('3F2504E0-4F89-11D3-9A0C-0305E82C3301');
    expect(id).toBe('mais3f2504e04f8911d39a0c0305e82c3301');
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
  });

  it('is the same for the same appointment and differs between appointments', () => {
    const a = '00000000-0000-4000-8000-000000000001';
    expect(googleEventIdFor(a)).toBe(googleEventIdFor(a));
    expect(googleEventIdFor(a)).not.toBe(googleEventIdFor('00000000-0000-4000-8000-000000000002'));
  });

  it('refuses what is not a UUID', () => {
    expect(() => googleEventIdFor('not-a-uuid')).toThrow();
  });
});
