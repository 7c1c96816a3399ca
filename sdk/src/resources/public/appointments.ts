import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type {
  Appointment,
  BookedAppointment,
  CancellationPreview,
  CreateAppointmentBody,
  RescheduleAppointmentBody,
} from '../../types.ts';

export class PublicAppointments extends ApiResource {
  /** Books a slot; retries reuse one Idempotency-Key (yours, or one made for this call). 409 slot_unavailable if taken. */
  async create(body: CreateAppointmentBody, options?: RequestOptions): Promise<BookedAppointment> {
    return this.client.request({ method: 'POST', path: '/v1/public/appointments', body, options });
  }

  /** A booking, with the manage token from its booking answer. */
  async retrieve(id: string, token: string, options?: RequestOptions): Promise<Appointment> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/public/appointments/${id}`,
      headers: { 'x-manage-token': token },
      options,
    });
  }

  /** What cancelling now would cost or refund, by the cancellation policy. 409 invalid_state once it cannot be cancelled. */
  async cancellationPreview(
    id: string,
    token: string,
    options?: RequestOptions,
  ): Promise<CancellationPreview> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/public/appointments/${id}/cancellation`,
      headers: { 'x-manage-token': token },
      options,
    });
  }

  /** Cancels a booking with its manage token; `reason` (optional) is kept in the booking's history. */
  async cancel(
    id: string,
    token: string,
    body: { reason?: string } = {},
    options?: RequestOptions,
  ): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/public/appointments/${id}/cancel`,
      headers: { 'x-manage-token': token },
      body: body.reason ? { reason: body.reason } : {},
      options,
    });
  }

  /**
   * After paying with Stripe.js (`payment` of the booking answer): the API reads the payment back
   * from Stripe and confirms the booking when it succeeded; otherwise the booking comes back as it was.
   */
  async confirmPayment(id: string, token: string, options?: RequestOptions): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/public/appointments/${id}/confirm-payment`,
      headers: { 'x-manage-token': token },
      body: {},
      options,
    });
  }

  /** Moves the booking to another time: the same appointment (same id and manage token). 409 leaves it unchanged. */
  async reschedule(
    id: string,
    body: RescheduleAppointmentBody,
    options?: RequestOptions,
  ): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/public/appointments/${id}/reschedule`,
      body,
      options,
    });
  }
}
