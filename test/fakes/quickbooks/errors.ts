/** QuickBooks' error shapes: the accounting API's Fault, and the OAuth endpoints' { error }. */

export class FaultError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly type = 'ValidationFault',
  ) {
    super(detail);
  }

  body(): object {
    return {
      Fault: { Error: [{ Message: this.message, Detail: this.detail, code: this.code }], type: this.type },
      time: new Date().toISOString(),
    };
  }
}

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
  ) {
    super(error);
  }

  body(): object {
    return { error: this.error };
  }
}

export const authenticationFailed = () =>
  new FaultError(
    401,
    '3200',
    'message=AuthenticationFailed; errorCode=003200; statusCode=401',
    'AUTHENTICATION',
  );

export const invalid = (detail: string, code = '2020') => new FaultError(400, code, detail);
