import { invalid, notFound } from './errors.ts';
import { randomToken, type Channel, type FakeGoogleState, type Notification } from './state.ts';

/**
 * Push channels (https://developers.google.com/calendar/api/guides/push): events.watch opens one on
 * a calendar and sends it a `sync` message; every change then sends `exists`. Notifications are
 * queued, not sent at once, so a test decides when they arrive (deliverNotifications). A channel
 * stops at its expiration (the fake's clock) or on channels.stop.
 */

const DEFAULT_TTL_SECONDS = 604_800;
const MAX_TTL_SECONDS = 2_592_000;

export function openChannel(
  state: FakeGoogleState,
  email: string,
  body: { id?: unknown; type?: unknown; address?: unknown; token?: unknown; params?: { ttl?: unknown } },
): Channel {
  if (typeof body.id !== 'string' || !/^[A-Za-z0-9/_+=-]{1,64}$/.test(body.id))
    throw invalid('Invalid channel id.');
  if (body.type !== 'web_hook' && body.type !== 'webhook') throw invalid('Invalid channel type.');
  if (typeof body.address !== 'string' || !/^https?:\/\//.test(body.address))
    throw invalid('Invalid address.');
  if (state.channels.has(body.id)) throw invalid(`Channel id ${body.id} not unique`);
  const ttl = Math.min(
    Number(body.params?.ttl ?? DEFAULT_TTL_SECONDS) || DEFAULT_TTL_SECONDS,
    MAX_TTL_SECONDS,
  );
  const channel: Channel = {
    id: body.id,
    resourceId: randomToken('', 18),
    resourceUri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(email)}/events?alt=json`,
    token: typeof body.token === 'string' ? body.token : null,
    address: body.address,
    calendar: email,
    expiration: state.now().getTime() + ttl * 1000,
    stopped: false,
    messageNumber: 0,
  };
  state.channels.set(channel.id, channel);
  queue(state, channel, 'sync');
  return channel;
}

export function stopChannel(
  state: FakeGoogleState,
  email: string,
  body: { id?: unknown; resourceId?: unknown },
): void {
  const channel = typeof body.id === 'string' ? state.channels.get(body.id) : undefined;
  if (!channel || channel.stopped || channel.resourceId !== body.resourceId || channel.calendar !== email) {
    throw notFound();
  }
  channel.stopped = true;
}

export function isOpen(state: FakeGoogleState, channel: Channel): boolean {
  return !channel.stopped && channel.expiration > state.now().getTime();
}

export function queueNotifications(state: FakeGoogleState, email: string, resourceState: 'exists'): void {
  for (const channel of state.channels.values()) {
    if (channel.calendar === email && isOpen(state, channel)) queue(state, channel, resourceState);
  }
}

function queue(state: FakeGoogleState, channel: Channel, resourceState: 'sync' | 'exists'): void {
  channel.messageNumber += 1;
  state.notifications.push({
    channelId: channel.id,
    address: channel.address,
    headers: {
      'X-Goog-Channel-ID': channel.id,
      ...(channel.token === null ? {} : { 'X-Goog-Channel-Token': channel.token }),
      'X-Goog-Channel-Expiration': new Date(channel.expiration).toUTCString(),
      'X-Goog-Resource-ID': channel.resourceId,
      'X-Goog-Resource-URI': channel.resourceUri,
      'X-Goog-Resource-State': resourceState,
      'X-Goog-Message-Number': String(channel.messageNumber),
    },
  });
}

/** How a notification reaches its address: fetch by default; a test may route it to app.inject. */
export type Sender = (address: string, headers: Record<string, string>) => Promise<number>;

export interface Delivery {
  notification: Notification;
  status: number;
}

export const fetchSender: Sender = async (address, headers) => {
  const response = await fetch(address, { method: 'POST', headers, body: '' });
  await response.arrayBuffer();
  return response.status;
};

/** Sends the queued notifications in order (Google POSTs an empty body with the X-Goog-* headers). */
export async function deliver(state: FakeGoogleState, send: Sender): Promise<Delivery[]> {
  const queued = state.notifications.splice(0);
  const deliveries: Delivery[] = [];
  for (const notification of queued) {
    deliveries.push({ notification, status: await send(notification.address, notification.headers) });
  }
  return deliveries;
}
