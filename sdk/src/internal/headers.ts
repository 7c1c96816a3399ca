/**
 * The headers of one request. Browsers send only what the API's CORS policy allows
 * (content-type, x-tenant-key, idempotency-key, x-manage-token), so nothing else is added here.
 */
export function requestHeaders(options: {
  auth: Record<string, string>;
  hasBody: boolean;
  idempotencyKey: string | undefined;
}): Record<string, string> {
  return {
    accept: 'application/json',
    ...options.auth,
    ...(options.hasBody ? { 'content-type': 'application/json' } : {}),
    ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
  };
}
