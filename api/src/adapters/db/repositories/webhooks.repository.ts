import { randomUUID } from 'node:crypto';
import { InvalidStateError, NotFoundError } from '../../../domain/errors.ts';
import type { WebhookEnvelope, WebhookEventType } from '../../../domain/webhooks/webhook-events.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { WebhookDeliveryStatus } from '../../../generated/prisma/enums.ts';
import type { WebhookDeliveryModel } from '../../../generated/prisma/models/WebhookDelivery.ts';
import type { WebhookEndpointModel } from '../../../generated/prisma/models/WebhookEndpoint.ts';
import type {
  UpdateWebhookEndpointBody,
  WebhookDeliveryDto,
  WebhookEndpointDto,
} from '../../../schemas/webhook-endpoint.schemas.ts';
import { appointmentStateJson } from '../appointment-state-sql.ts';
import { isForeignKeyViolation } from '../database-errors.ts';
import { newestFirstQuery } from '../newest-first.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';
import type { Client } from '../prisma-client.ts';
import { OutboxRepository, type NewOutboxMessage } from './outbox.repository.ts';

export type WebhookEndpointRow = WebhookEndpointModel;

export function toWebhookEndpointDto(row: WebhookEndpointRow): WebhookEndpointDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    enabled: row.enabled,
    disabledReason:
      row.disabledReason === 'manual' || row.disabledReason === 'failing' ? row.disabledReason : null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryDto(row: WebhookDeliveryModel): WebhookDeliveryDto {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType as WebhookEventType,
    status: row.status,
    attempts: row.attempts,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    responseStatus: row.responseStatus,
    responseBody: row.responseBody,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    redeliveryOf: row.redeliveryOf,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload as Record<string, unknown>,
  };
}

/** A delivery taken for an attempt, with what sending needs of its endpoint. */
export interface ClaimedDelivery {
  delivery: WebhookDeliveryModel;
  endpoint: Pick<
    WebhookEndpointRow,
    | 'id'
    | 'url'
    | 'enabled'
    | 'secretSealed'
    | 'previousSecretSealed'
    | 'previousSecretExpiresAt'
    | 'lastSuccessAt'
  >;
}

/** The outcome of an attempt, as stored on the delivery. */
export interface AttemptOutcome {
  status: WebhookDeliveryStatus;
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
}

/**
 * One tenant's webhook endpoints and deliveries. A delivery moves PENDING → SUCCEEDED or FAILED:
 * each attempt is claimed (claimDelivery: attempts + 1, only while PENDING) and its outcome
 * recorded (recordOutcome), by the webhooks.deliver job (use-cases/webhooks/deliver-webhook.ts).
 */
export class WebhooksRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  async list(query: { cursor?: string; limit: number }): Promise<Page<WebhookEndpointDto>> {
    const page = pageQuery(query.cursor, query.limit);
    const rows = await this.db.webhookEndpoint.findMany({
      ...page,
      where: { ...page.where, tenantId: this.tenantId },
    });
    return toPage(rows, query.limit, toWebhookEndpointDto);
  }

  async getRow(id: string): Promise<WebhookEndpointRow> {
    const row = await this.db.webhookEndpoint.findFirst({ where: { id, tenantId: this.tenantId } });
    if (!row) throw new NotFoundError('Webhook endpoint', id);
    return row;
  }

  /** A new endpoint's id, made before its row: the secret is sealed for that row (sealContext). */
  newId(): string {
    return randomUUID();
  }

  async create(endpoint: {
    id: string;
    url: string;
    description: string;
    events: string[];
    enabled: boolean;
    secretSealed: string;
    now: Date;
  }): Promise<WebhookEndpointRow> {
    const { now, enabled, ...fields } = endpoint;
    return this.db.webhookEndpoint.create({
      data: {
        ...fields,
        tenantId: this.tenantId,
        enabled,
        disabledReason: enabled ? null : 'manual',
        disabledAt: enabled ? null : now,
        createdAt: now,
        updatedAt: now,
      },
    });
  }

  /**
   * Changes an endpoint. Turning it off records why (manual); turning it on clears that, a failing
   * endpoint's too, and counts from now: lastSuccessAt is left, the next final failure judges anew.
   */
  async update(id: string, body: UpdateWebhookEndpointBody, now: Date): Promise<WebhookEndpointRow> {
    const switched =
      body.enabled === undefined
        ? {}
        : body.enabled
          ? { disabledReason: null, disabledAt: null }
          : { disabledReason: 'manual', disabledAt: now };
    const { count } = await this.db.webhookEndpoint.updateMany({
      where: { id, tenantId: this.tenantId },
      data: { ...body, ...switched, updatedAt: now },
    });
    if (count === 0) throw new NotFoundError('Webhook endpoint', id);
    return this.getRow(id);
  }

  async delete(id: string): Promise<void> {
    const { count } = await this.db.webhookEndpoint.deleteMany({ where: { id, tenantId: this.tenantId } });
    if (count === 0) throw new NotFoundError('Webhook endpoint', id);
  }

  /**
   * A new secret in one statement: the current one becomes the previous one, honoured until
   * `previousExpiresAt` (null: not at all). Two rotations at once run one after the other on the
   * row's lock, as two clicks would.
   */
  async rotateSecret(
    id: string,
    secretSealed: string,
    previousExpiresAt: Date | null,
    now: Date,
  ): Promise<WebhookEndpointRow> {
    const rows = await this.db.$queryRaw<Array<{ id: string }>>`
      UPDATE webhook_endpoints
         SET "previousSecretSealed" = CASE WHEN ${previousExpiresAt}::timestamptz IS NULL THEN NULL ELSE "secretSealed" END,
             "previousSecretExpiresAt" = ${previousExpiresAt}::timestamptz,
             "secretSealed" = ${secretSealed}, "updatedAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid
      RETURNING id`;
    if (rows.length === 0) throw new NotFoundError('Webhook endpoint', id);
    return this.getRow(id);
  }

  /** Every sealed secret of the tenant's endpoints, to seal again under a new ENCRYPTION_KEY. */
  async sealedSecrets(): Promise<
    Array<Pick<WebhookEndpointRow, 'id' | 'secretSealed' | 'previousSecretSealed'>>
  > {
    return this.db.webhookEndpoint.findMany({
      where: { tenantId: this.tenantId },
      select: { id: true, secretSealed: true, previousSecretSealed: true },
    });
  }

  /** Stores re-sealed secrets, only if the row still holds what was read (a rotation meanwhile wins). */
  async replaceSealedSecrets(
    id: string,
    before: { secretSealed: string; previousSecretSealed: string | null },
    after: { secretSealed: string; previousSecretSealed: string | null },
  ): Promise<boolean> {
    const { count } = await this.db.webhookEndpoint.updateMany({
      where: { id, tenantId: this.tenantId, ...before },
      data: after,
    });
    return count === 1;
  }

  // Deliveries

  async deliveries(
    endpointId: string,
    query: { cursor?: string; limit: number; status?: WebhookDeliveryStatus },
  ): Promise<Page<WebhookDeliveryDto>> {
    await this.getRow(endpointId);
    const page = newestFirstQuery(query.cursor, query.limit);
    const rows = await this.db.webhookDelivery.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        endpointId,
        ...(query.status ? { status: query.status } : {}),
      },
    });
    return toPage(rows, query.limit, toWebhookDeliveryDto);
  }

  /** The enabled endpoints that asked for `type`. */
  async subscribedEndpoints(type: WebhookEventType): Promise<Array<{ id: string }>> {
    return this.db.webhookEndpoint.findMany({
      where: { tenantId: this.tenantId, enabled: true, events: { has: type } },
      select: { id: true },
    });
  }

  /**
   * One delivery of the event per endpoint, made once however often the event is read (the partial
   * unique index); answers the ids made now, to enqueue.
   */
  async queueDeliveries(endpointIds: string[], envelope: WebhookEnvelope, now: Date): Promise<string[]> {
    if (endpointIds.length === 0) return [];
    const rows = await this.db.$queryRaw<Array<{ id: string }>>`
      INSERT INTO webhook_deliveries ("tenantId", "endpointId", "eventId", "eventType", payload, "createdAt")
      SELECT ${this.tenantId}::uuid, endpoint_id, ${envelope.id}, ${envelope.type},
             ${JSON.stringify(envelope)}::jsonb, ${now}
        FROM unnest(${endpointIds}::uuid[]) AS endpoint_id
      ON CONFLICT ("tenantId", "endpointId", "eventId") WHERE "redeliveryOf" IS NULL DO NOTHING
      RETURNING id`;
    return rows.map((row) => row.id);
  }

  /** A new delivery of a delivery's event to the same endpoint (which must be enabled). */
  async redeliver(deliveryId: string, now: Date): Promise<WebhookDeliveryDto> {
    const original = await this.db.webhookDelivery.findFirst({
      where: { id: deliveryId, tenantId: this.tenantId },
      include: { endpoint: { select: { enabled: true } } },
    });
    // The endpoint is read by a second statement: deleted in between, it comes back null.
    const endpoint = original?.endpoint as { enabled: boolean } | null | undefined;
    if (!original || !endpoint) throw new NotFoundError('Webhook delivery', deliveryId);
    if (!endpoint.enabled) {
      throw new InvalidStateError('The endpoint is disabled: enable it (PATCH enabled: true) to redeliver.');
    }
    try {
      const row = await this.db.webhookDelivery.create({
        data: {
          tenantId: this.tenantId,
          endpointId: original.endpointId,
          eventId: original.eventId,
          eventType: original.eventType,
          payload: original.payload as Prisma.InputJsonValue,
          redeliveryOf: original.redeliveryOf ?? original.id,
          createdAt: now,
        },
      });
      return toWebhookDeliveryDto(row);
    } catch (error) {
      // The endpoint was deleted (with its deliveries) since the read: as if it had been first.
      if (isForeignKeyViolation(error)) throw new NotFoundError('Webhook delivery', deliveryId);
      throw error;
    }
  }

  /**
   * Takes a PENDING delivery for one more attempt (attempts + 1), with its endpoint; null when it
   * is settled or gone (its endpoint deleted).
   */
  async claimDelivery(id: string, now: Date): Promise<ClaimedDelivery | null> {
    const [delivery] = await this.db.$queryRaw<WebhookDeliveryModel[]>`
      UPDATE webhook_deliveries
         SET attempts = attempts + 1, "lastAttemptAt" = ${now}
       WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid AND status = 'PENDING'
      RETURNING *`;
    if (!delivery) return null;
    const endpoint = await this.db.webhookEndpoint.findFirst({
      where: { tenantId: this.tenantId, id: delivery.endpointId },
      select: {
        id: true,
        url: true,
        enabled: true,
        secretSealed: true,
        previousSecretSealed: true,
        previousSecretExpiresAt: true,
        lastSuccessAt: true,
      },
    });
    return endpoint ? { delivery, endpoint } : null;
  }

  /**
   * An attempt's outcome, in one transaction: a success also marks the endpoint as reached; with
   * `disableWith`, a final failure also turns the endpoint off and queues the notice to the owners
   * (see `disableFailing`). So nobody sees the delivery settled and its endpoint not yet updated.
   * Answers whether this call turned the endpoint off.
   */
  async recordOutcome(
    delivery: { id: string; endpointId: string },
    outcome: AttemptOutcome,
    now: Date,
    disableWith?: (owners: string[]) => NewOutboxMessage[],
  ): Promise<boolean> {
    const succeeded = outcome.status === 'SUCCEEDED';
    return this.inOneTransaction(async (tx) => {
      await tx.webhookDelivery.updateMany({
        where: { tenantId: this.tenantId, id: delivery.id },
        data: {
          status: outcome.status,
          responseStatus: outcome.responseStatus,
          responseBody: outcome.responseBody,
          lastError: outcome.error,
          ...(succeeded ? { deliveredAt: now } : {}),
        },
      });
      if (succeeded) {
        await tx.webhookEndpoint.updateMany({
          where: { tenantId: this.tenantId, id: delivery.endpointId },
          data: { lastSuccessAt: now },
        });
      }
      return disableWith ? this.disableFailing(tx, delivery.endpointId, now, disableWith) : false;
    });
  }

  /**
   * Turns a failing endpoint off and queues the notice to the owners; false (and nothing queued)
   * when it was off already, so two final failures at once email once.
   */
  private async disableFailing(
    tx: Prisma.TransactionClient,
    endpointId: string,
    now: Date,
    notice: (owners: string[]) => NewOutboxMessage[],
  ): Promise<boolean> {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { tenantId: this.tenantId, id: endpointId, enabled: true },
      data: { enabled: false, disabledReason: 'failing', disabledAt: now, updatedAt: now },
    });
    if (count === 0) return false;
    const owners = await tx.staffAccount.findMany({
      where: { tenantId: this.tenantId, role: 'OWNER', disabledAt: null },
      select: { email: true },
      orderBy: { createdAt: 'asc' },
    });
    await new OutboxRepository(tx, this.tenantId).add(notice(owners.map((owner) => owner.email)), now);
    return true;
  }

  private inOneTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return '$transaction' in this.db ? this.db.$transaction(work) : work(this.db);
  }

  /**
   * What webhooks tell of an appointment: `state`, the booking as the event's change left it
   * (kept with the event), or the booking as it is now for events kept without one; with its
   * service and provider by their current names. Null when the appointment is gone.
   */
  async appointmentSnapshot(
    appointmentId: string,
    state: Record<string, unknown> | null,
  ): Promise<Record<string, unknown> | null> {
    const [row] = await this.db.$queryRaw<Array<{ appointment: Record<string, unknown> }>>`
      SELECT coalesce(${state === null ? null : JSON.stringify(state)}::jsonb, ${appointmentStateJson('a')})
             || jsonb_build_object('serviceName', s.name, 'providerName', p.name) AS appointment
        FROM appointments a
        JOIN services s ON s."tenantId" = a."tenantId" AND s.id = a."serviceId"
        LEFT JOIN providers p ON p."tenantId" = a."tenantId" AND p.id = a."providerId"
       WHERE a."tenantId" = ${this.tenantId}::uuid AND a.id = ${appointmentId}::uuid`;
    return row?.appointment ?? null;
  }
}
