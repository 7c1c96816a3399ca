import { describe, expect, it } from 'vitest';
import { channelTokenMatches, newChannelToken } from './channel-token.ts';
import { hashOAuthState, newOAuthState } from './oauth-state.ts';

describe('channel tokens', () => {
  it('match their own hash only', () => {
    const { token, hash } = newChannelToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(channelTokenMatches(token, hash)).toBe(true);
    expect(channelTokenMatches(`${token}x`, hash)).toBe(false);
    expect(channelTokenMatches(token, newChannelToken().hash)).toBe(false);
    expect(channelTokenMatches(token, 'not hex')).toBe(false);
  });
});

describe('OAuth states', () => {
  it('are random and stored as their SHA-256', () => {
    const a = newOAuthState();
    expect(a.hash).toBe(hashOAuthState(a.state));
    expect(newOAuthState().state).not.toBe(a.state);
  });
});
