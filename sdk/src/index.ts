/** @mais/sdk: typed clients for the MAIS Scheduling API. */
export { MaisClient, type MaisClientOptions } from './mais-client.ts';
export { MaisAdmin, type MaisAdminOptions } from './mais-admin.ts';
export { MaisAuth } from './mais-auth.ts';
export type { ClientOptions, RequestOptions } from './client.ts';
export {
  MaisError,
  ApiError,
  ValidationError,
  AuthenticationError,
  PaymentRequiredError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  InternalServerError,
  ApiConnectionError,
  TimeoutError,
  type ApiErrorCode,
  type ErrorDetail,
} from './core/errors.ts';
export { PagePromise, type Page } from './core/pagination.ts';
export type * from './types.ts';
export {
  verifyWebhookSignature,
  WebhookSignatureError,
  type VerifyWebhookOptions,
  type WebhookEvent,
} from './webhooks.ts';
