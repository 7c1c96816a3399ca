import { ApiConnectionError, ApiError } from '@mais/sdk';
import { expect } from '@open-wc/testing';
import { en } from '../i18n/en.ts';
import { failureText, toFailure } from './failure.ts';

const answer = (status: number, code: string) =>
  ApiError.generate(status, { error: { code, message: code } }, new Headers());

describe('toFailure', () => {
  it('sorts API errors into what the widget does about them', () => {
    const kinds = [
      [401, 'invalid_api_key'],
      [403, 'wrong_key_kind'],
      [403, 'origin_not_allowed'],
      [409, 'slot_unavailable'],
      [409, 'invalid_state'],
      [404, 'not_found'],
      [400, 'validation_failed'],
      [429, 'rate_limited'],
      [503, 'internal_error'],
      [418, 'teapot'],
    ].map(([status, code]) => toFailure(answer(status as number, code as string)).kind);
    expect(kinds).to.deep.equal([
      'setup',
      'setup',
      'setup',
      'taken',
      'state',
      'missing',
      'invalid',
      'network',
      'network',
      'unknown',
    ]);
    expect(toFailure(new ApiConnectionError('offline'))).to.deep.equal({
      kind: 'network',
      code: 'network_error',
      message: 'offline',
      details: [],
    });
  });

  it('has a sentence for the client', () => {
    expect(failureText(toFailure(answer(429, 'rate_limited')), en)).to.equal(en.errorBusy);
    expect(failureText(toFailure(answer(403, 'origin_not_allowed')), en)).to.equal(en.errorSetup);
    // A reschedule past the policy's limit says why, not only that it cannot change.
    expect(failureText(toFailure(answer(409, 'reschedule_too_late')), en)).to.equal(en.errorTooLateToMove);
    expect(failureText(toFailure(answer(409, 'invalid_state')), en)).to.equal(en.errorCannotChange);
  });
});
