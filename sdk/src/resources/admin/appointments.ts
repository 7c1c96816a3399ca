import type { RequestOptions } from '../../client.ts';
import type { PagePromise } from '../../core/pagination.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type {
  AdminAppointmentListQuery,
  AdminCancelAppointmentBody,
  AdminAppointment,
  AdminAppointmentListItem,
  AdminCancellationPreview,
  AdminCreateAppointmentBody,
  AdminRefundBody,
  AdminRescheduleAppointmentBody,
  Appointment,
  BookedAppointment,
  CollectBalanceBody,
} from '../../types.ts';

export class Appointments extends ApiResource {
  /**
   * Appointments by start time, with the service's, provider's and resource's names, filtered by
   * days (tenant's zone), status, provider, service, payment status or client (`q`: name or email
   * contains); `for await` walks all pages.
   */
  list(query?: AdminAppointmentListQuery, options?: RequestOptions): PagePromise<AdminAppointmentListItem> {
    return this.client.requestPage('/v1/tenant-admin/appointments', query, options);
  }

  /** One appointment, with its names, history (every change, with who made it) and ledger rows, oldest first. */
  async retrieve(id: string, options?: RequestOptions): Promise<AdminAppointment> {
    return this.client.request({ method: 'GET', path: path`/v1/tenant-admin/appointments/${id}`, options });
  }

  /** What the policy would refund if the client cancelled now, and what a cancel can give back by card. */
  async cancellationPreview(id: string, options?: RequestOptions): Promise<AdminCancellationPreview> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/tenant-admin/appointments/${id}/cancellation-preview`,
      options,
    });
  }

  /**
   * Sends the confirmation email again (it shows in `outbox.list({ appointmentId })`). Pass the
   * same `idempotencyKey` for one intent (a double click) and it is sent once.
   */
  async resendConfirmation(id: string, options?: RequestOptions): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/appointments/${id}/resend-confirmation`,
      options,
    });
  }

  /** Books for a client, confirmed at once; `overrideRules` lifts hours and notice, never overlaps. */
  async create(body: AdminCreateAppointmentBody, options?: RequestOptions): Promise<BookedAppointment> {
    return this.client.request({ method: 'POST', path: '/v1/tenant-admin/appointments', body, options });
  }

  /** Cancels an appointment, with an optional reason; refunds what was paid by card, or `refundCents`. */
  async cancel(
    id: string,
    body: AdminCancelAppointmentBody = {},
    options?: RequestOptions,
  ): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/appointments/${id}/cancel`,
      body,
      options,
    });
  }

  /** Moves the appointment to another time with the same provider (same id); 409 leaves it unchanged. */
  async reschedule(
    id: string,
    body: AdminRescheduleAppointmentBody,
    options?: RequestOptions,
  ): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/appointments/${id}/reschedule`,
      body,
      options,
    });
  }

  /** Marks an appointment completed (only after its start). */
  async complete(id: string, options?: RequestOptions): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/appointments/${id}/complete`,
      options,
    });
  }

  /**
   * Marks the client as not having come (only after the start) and charges the no-show fee agreed
   * at booking to the kept card; a declined card leaves it in `amountDueCents`.
   */
  async noShow(id: string, options?: RequestOptions): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/appointments/${id}/no-show`,
      options,
    });
  }

  /**
   * Collects what is still due (`amountDueCents`): `card` charges the card kept at booking
   * (PaymentRequiredError `card_declined` leaves it due), `venue` records money taken at the business.
   */
  async collectBalance(id: string, body: CollectBalanceBody, options?: RequestOptions): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/appointments/${id}/collect-balance`,
      body,
      options,
    });
  }

  /** Gives back part or all of what was paid by card (a goodwill refund), with a reason. */
  async refund(id: string, body: AdminRefundBody, options?: RequestOptions): Promise<Appointment> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/appointments/${id}/refund`,
      body,
      options,
    });
  }
}
