import { describe, expect, it } from 'vitest';
import { idempotencyKeyHash, openAnswer, sealAnswer } from './idempotency-seal.ts';

describe('sealed idempotent answers', () => {
  const answer = { manageToken: 'secret-token-value', appointment: { id: 'a1' } };

  it('opens with the same key and context, and hides the secret', () => {
    const sealed = sealAnswer('key-1', 'tenant POST /x', answer);
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('secret-token-value');
    expect(openAnswer('key-1', 'tenant POST /x', sealed)).toEqual(answer);
  });

  it('does not open with another key or context', () => {
    const sealed = sealAnswer('key-1', 'tenant POST /x', answer);
    expect(() => openAnswer('key-2', 'tenant POST /x', sealed)).toThrow();
    expect(() => openAnswer('key-1', 'tenant POST /y', sealed)).toThrow();
  });

  it('hashes keys per route', () => {
    expect(idempotencyKeyHash('POST /a', 'k')).toMatch(/^[0-9a-f]{64}$/);
    expect(idempotencyKeyHash('POST /a', 'k')).not.toBe(idempotencyKeyHash('POST /b', 'k'));
  });
});
