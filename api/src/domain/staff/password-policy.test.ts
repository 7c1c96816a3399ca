import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('refuses short, overlong and blank passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
    expect(passwordProblem(' '.repeat(12))).toMatch(/spaces/);
  });

  it('accepts 10 to 200 characters, counted as code points', () => {
    expect(passwordProblem('correct horse')).toBeNull();
    expect(passwordProblem('x'.repeat(200))).toBeNull();
    expect(passwordProblem('😀'.repeat(10))).toBeNull();
  });
});
