import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ERROR_CODES } from '../../api/src/domain/error-catalogue.ts';
import { ApiError, PaymentRequiredError, type ApiErrorCode } from '../src/index.ts';

/**
 * `ApiError.code` is the API's catalogue of codes (api/src/domain/error-catalogue.ts, through the
 * OpenAPI document and the generated types), so a misspelt code is a compile error. The type
 * checks here run in `tsc --noEmit`.
 */
describe('ApiError.code', () => {
  it("is the API catalogue's codes and unexpected_response", () => {
    expectTypeOf<ApiError['code']>().toEqualTypeOf<ApiErrorCode>();
    expectTypeOf<ApiErrorCode>().toEqualTypeOf<(typeof ERROR_CODES)[number] | 'unexpected_response'>();
  });

  it('makes a misspelt code a type error', () => {
    const error = ApiError.generate(
      409,
      { error: { code: 'slot_unavailable', message: 'Taken.' } },
      new Headers(),
    );
    expect(error.code).toBe('slot_unavailable');
    // @ts-expect-error: 'slot_unavaliable' is not a code, so the comparison cannot be true
    expect(error.code === 'slot_unavaliable').toBe(false);
  });

  it('is a PaymentRequiredError for 402 card_declined, with the bank’s reason in details', () => {
    const error = ApiError.generate(
      402,
      {
        error: {
          code: 'card_declined',
          message: 'The card was declined.',
          details: [{ path: 'card', message: 'insufficient_funds' }],
        },
      },
      new Headers(),
    );
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error).toMatchObject({
      status: 402,
      code: 'card_declined',
      details: [{ message: 'insufficient_funds' }],
    });
  });

  it('is unexpected_response when something other than the API answered', () => {
    const error = ApiError.generate(502, '<html>Bad Gateway</html>', new Headers());
    expect(error.code).toBe('unexpected_response');
  });
});
