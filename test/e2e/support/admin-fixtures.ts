import { expect, type APIRequestContext } from '@playwright/test';
import { serverInfo } from './server-info.ts';

/**
 * Data the console specs make for themselves through the admin API with the demo tenant's secret
 * key (each with unique names, so specs sharing the server do not see each other's rows).
 */
export const adminHeaders = () => ({ authorization: `Bearer ${serverInfo().secretKey}` });

async function adminGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`/v1/tenant-admin${path}`, { headers: adminHeaders() });
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

export interface PaidBooking {
  id: string;
  clientName: string;
  clientEmail: string;
  amountCents: number;
}

/**
 * A Haircut with Alex at `startTimeUtc` (outside the rules where needed: overrideRules), paid at
 * the venue at once: a booking, a ledger row now, an invoice and the confirmation in the outbox.
 */
export async function paidHaircut(
  request: APIRequestContext,
  startTimeUtc: string,
  clientName: string,
  clientEmail: string,
): Promise<PaidBooking> {
  const services = await adminGet<{ data: Array<{ id: string; name: string }> }>(
    request,
    '/services?limit=100',
  );
  const providers = await adminGet<{ data: Array<{ id: string; name: string }> }>(
    request,
    '/providers?limit=100',
  );
  const haircut = services.data.find((s) => s.name === 'Haircut')!;
  const alex = providers.data.find((p) => p.name === 'Alex Rivera')!;
  const created = await request.post('/v1/tenant-admin/appointments', {
    headers: adminHeaders(),
    data: {
      serviceId: haircut.id,
      providerId: alex.id,
      startTimeUtc,
      client: { name: clientName, email: clientEmail },
      clientTimezone: 'Europe/Berlin',
      overrideRules: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { appointment } = (await created.json()) as { appointment: { id: string; totalAmountCents: number } };
  const paid = await request.post(`/v1/tenant-admin/appointments/${appointment.id}/collect-balance`, {
    headers: adminHeaders(),
    data: { method: 'venue' },
  });
  expect(paid.status(), await paid.text()).toBe(200);
  return { id: appointment.id, clientName, clientEmail, amountCents: appointment.totalAmountCents };
}
