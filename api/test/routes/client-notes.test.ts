import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { asSession, createStaff, signIn, type Session } from '../helpers/staff-sessions.ts';

// Client notes: GET/POST /v1/tenant-admin/clients/:email/notes, PATCH/DELETE /client-notes/:id.
// Checked through the API and in the table itself.
let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;
let owner: Session;
let manager: Session;
let provider: Session;
let ownerId: string;

const CLIENT = 'ada.lovelace@example.com';
const SHARED = 'shared@example.com';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** A booking for `email` (admin-made, outside the rules), so the tenant has that client. */
async function bookFor(owner: CreatedTenant, email: string, at: string) {
  const service = (
    await admin(t.app, owner, {
      method: 'POST',
      url: '/v1/tenant-admin/services',
      payload: { name: `Cut ${at}`, durationMinutes: 30, priceBaseCents: 2500 },
    })
  ).json();
  const provider = (
    await admin(t.app, owner, {
      method: 'POST',
      url: '/v1/tenant-admin/providers',
      payload: { name: `Pro ${at}`, email: `pro-${at.slice(0, 10)}@studio.example` },
    })
  ).json();
  await admin(t.app, owner, {
    method: 'PUT',
    url: `/v1/tenant-admin/providers/${provider.id}/services`,
    payload: [{ serviceId: service.id }],
  });
  const booked = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: {
      serviceId: service.id,
      providerId: provider.id,
      startTimeUtc: at,
      client: { name: 'Ada Lovelace', email },
      clientTimezone: 'Europe/Berlin',
      overrideRules: true,
    },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  return provider.id as string;
}

const notesUrl = (email: string) => `/v1/tenant-admin/clients/${encodeURIComponent(email)}/notes`;

async function storedNotes(tenantId = tenant.tenant.id) {
  return t.db.clientNote.findMany({ where: { tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

async function addNote(body: string, email = CLIENT, owner = tenant) {
  const response = await admin(t.app, owner, { method: 'POST', url: notesUrl(email), payload: { body } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; body: string; createdAt: string; updatedAt: string }>();
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
  const providerId = await bookFor(tenant, 'Ada.Lovelace@Example.com', '2030-01-07T09:00:00Z');
  await bookFor(tenant, SHARED, '2030-01-08T09:00:00Z');
  await bookFor(other, SHARED, '2030-01-08T09:00:00Z');
  const ownerAccount = await createStaff(t.app, tenant, { role: 'owner' });
  ownerId = ownerAccount.id;
  owner = await signIn(t.app, ownerAccount.email);
  manager = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'manager' })).email);
  provider = await signIn(t.app, (await createStaff(t.app, tenant, { role: 'provider', providerId })).email);
});
afterAll(() => t.close());

describe('client notes', () => {
  it('adds, lists newest first, edits and deletes a note, with the session as author', async () => {
    const created = await asSession(t.app, owner, {
      method: 'POST',
      url: notesUrl('ADA.LOVELACE@example.com'),
      payload: { body: '  Prefers mornings.  ' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const note = created.json();
    expect(note).toEqual({
      id: expect.any(String),
      clientEmail: CLIENT,
      body: 'Prefers mornings.',
      author: { accountId: ownerId, name: expect.stringMatching(/^Staff \d+$/) },
      createdAt: expect.any(String),
      updatedAt: note.createdAt,
    });
    const row = await t.db.clientNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(row).toMatchObject({
      tenantId: tenant.tenant.id,
      clientEmail: CLIENT,
      body: 'Prefers mornings.',
      authorAccountId: ownerId,
      authorName: note.author.name,
    });

    const second = await asSession(t.app, manager, {
      method: 'POST',
      url: notesUrl(CLIENT),
      payload: { body: 'Allergic to lavender.' },
    });
    expect(second.statusCode).toBe(201);
    const list = await asSession(t.app, owner, { method: 'GET', url: notesUrl(CLIENT) });
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((n: { body: string }) => n.body)).toEqual([
      'Allergic to lavender.',
      'Prefers mornings.',
    ]);

    const edited = await asSession(t.app, manager, {
      method: 'PATCH',
      url: `/v1/tenant-admin/client-notes/${note.id}`,
      payload: { body: 'Prefers mornings, never Mondays.' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ body: 'Prefers mornings, never Mondays.', author: note.author });
    expect(Date.parse(edited.json().updatedAt)).toBeGreaterThanOrEqual(Date.parse(note.createdAt));
    expect((await t.db.clientNote.findUniqueOrThrow({ where: { id: note.id } })).body).toBe(
      'Prefers mornings, never Mondays.',
    );

    const removed = await asSession(t.app, owner, {
      method: 'DELETE',
      url: `/v1/tenant-admin/client-notes/${note.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect(await t.db.clientNote.findUnique({ where: { id: note.id } })).toBeNull();
    for (const method of ['PATCH', 'DELETE'] as const) {
      const again = await asSession(t.app, owner, {
        method,
        url: `/v1/tenant-admin/client-notes/${note.id}`,
        ...(method === 'PATCH' ? { payload: { body: 'Back?' } } : {}),
      });
      expect(again.statusCode).toBe(404);
      expect(again.json().error.code).toBe('not_found');
    }
  });

  it('names a secret key\'s notes "API key" and pages them newest first', async () => {
    const email = SHARED;
    const written: string[] = [];
    for (const body of ['one', 'two', 'three']) written.push((await addNote(body, email)).id);
    const first = await admin(t.app, tenant, { method: 'GET', url: `${notesUrl(email)}?limit=2` });
    expect(first.json().data.map((n: { body: string }) => n.body)).toEqual(['three', 'two']);
    expect(first.json().data[0].author).toEqual({ accountId: null, name: 'API key' });
    const next = await admin(t.app, tenant, {
      method: 'GET',
      url: `${notesUrl(email)}?limit=2&cursor=${first.json().nextCursor}`,
    });
    expect(next.json()).toEqual({ data: [expect.objectContaining({ body: 'one' })], nextCursor: null });
    for (const id of written)
      await admin(t.app, tenant, { method: 'DELETE', url: `/v1/tenant-admin/client-notes/${id}` });
  });

  it('refuses a client the tenant does not have: 404, nothing stored', async () => {
    const before = await storedNotes();
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: notesUrl('nobody@example.com'),
      payload: { body: 'Who?' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    for (const method of ['PATCH', 'DELETE'] as const) {
      const missing = await admin(t.app, tenant, {
        method,
        url: `/v1/tenant-admin/client-notes/${MISSING_ID}`,
        ...(method === 'PATCH' ? { payload: { body: 'Hello' } } : {}),
      });
      expect(missing.statusCode).toBe(404);
    }
    expect(await storedNotes()).toEqual(before);
  });

  it("keeps tenants apart: another tenant's note id is 404, its client of the same email shows no notes", async () => {
    const note = await addNote('Tenant A only', SHARED);
    const otherSession = await signIn(t.app, (await createStaff(t.app, other, { role: 'owner' })).email);
    for (const call of [
      () =>
        admin(t.app, other, {
          method: 'PATCH',
          url: `/v1/tenant-admin/client-notes/${note.id}`,
          payload: { body: 'Mine' },
        }),
      () => admin(t.app, other, { method: 'DELETE', url: `/v1/tenant-admin/client-notes/${note.id}` }),
      () =>
        asSession(t.app, otherSession, {
          method: 'PATCH',
          url: `/v1/tenant-admin/client-notes/${note.id}`,
          payload: { body: 'Mine' },
        }),
      () =>
        asSession(t.app, otherSession, { method: 'DELETE', url: `/v1/tenant-admin/client-notes/${note.id}` }),
    ]) {
      const response = await call();
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const theirs = await admin(t.app, other, { method: 'GET', url: notesUrl(SHARED) });
    expect(theirs.json()).toEqual({ data: [], nextCursor: null });
    // B may keep its own notes on its own client of that email; A's list does not show them.
    await addNote('Tenant B only', SHARED, other);
    const ours = await admin(t.app, tenant, { method: 'GET', url: notesUrl(SHARED) });
    expect(ours.json().data.map((n: { body: string }) => n.body)).toEqual(['Tenant A only']);
    expect((await t.db.clientNote.findUniqueOrThrow({ where: { id: note.id } })).body).toBe('Tenant A only');
    await admin(t.app, tenant, { method: 'DELETE', url: `/v1/tenant-admin/client-notes/${note.id}` });
  });

  it('refuses a provider session on every notes route (403) and changes nothing', async () => {
    const note = await addNote('Managers only');
    const before = await storedNotes();
    for (const [method, url, payload] of [
      ['GET', notesUrl(CLIENT), undefined],
      ['POST', notesUrl(CLIENT), { body: 'Sneaky' }],
      ['PATCH', `/v1/tenant-admin/client-notes/${note.id}`, { body: 'Sneaky' }],
      ['DELETE', `/v1/tenant-admin/client-notes/${note.id}`, undefined],
    ] as const) {
      const response = await asSession(t.app, provider, { method, url, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect(await storedNotes()).toEqual(before);
    await admin(t.app, tenant, { method: 'DELETE', url: `/v1/tenant-admin/client-notes/${note.id}` });
  });

  it('answers 400 naming the field to unstorable, empty, too long or malformed input, storing nothing', async () => {
    const note = await addNote('Original');
    await addNote('x'.repeat(5000)); // the longest allowed
    const before = await storedNotes();
    const cases: Array<[string, string, string, unknown, string]> = [
      ['POST', notesUrl(CLIENT), 'NUL', { body: 'a\u0000b' }, 'body'],
      ['POST', notesUrl(CLIENT), 'lone surrogate', { body: 'a\ud800b' }, 'body'],
      ['POST', notesUrl(CLIENT), '5001 characters', { body: 'x'.repeat(5001) }, 'body'],
      ['POST', notesUrl(CLIENT), 'blank', { body: '   ' }, 'body'],
      ['POST', notesUrl(CLIENT), 'unknown field', { body: 'ok', pinned: true }, ''],
      ['POST', notesUrl('not-an-email'), 'malformed email', { body: 'ok' }, 'email'],
      ['GET', notesUrl('not-an-email'), 'malformed email', undefined, 'email'],
      ['PATCH', `/v1/tenant-admin/client-notes/${note.id}`, 'NUL', { body: 'a\u0000b' }, 'body'],
      ['PATCH', `/v1/tenant-admin/client-notes/${note.id}`, 'lone surrogate', { body: '\udc00' }, 'body'],
      [
        'PATCH',
        `/v1/tenant-admin/client-notes/${note.id}`,
        '5001 characters',
        { body: 'y'.repeat(5001) },
        'body',
      ],
      ['PATCH', '/v1/tenant-admin/client-notes/not-a-uuid', 'malformed id', { body: 'ok' }, 'id'],
    ];
    for (const [method, url, label, payload, field] of cases) {
      const response = await admin(t.app, tenant, {
        method: method as 'POST',
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(response.statusCode, `${method} ${label}: ${response.body}`).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('validation_failed');
      if (field)
        expect(
          error.details.map((d: { path: string }) => d.path),
          label,
        ).toContain(field);
    }
    expect(await storedNotes()).toEqual(before);
  });

  it('ends a PATCH racing a DELETE of one note as one of them alone would', async () => {
    for (let round = 0; round < 12; round++) {
      const note = await addNote(`Round ${round}`);
      const url = `/v1/tenant-admin/client-notes/${note.id}`;
      const patch = () =>
        admin(t.app, tenant, { method: 'PATCH', url, payload: { body: `Edited ${round}` } });
      const remove = () => admin(t.app, tenant, { method: 'DELETE', url });
      const [edited, removed] =
        round % 2
          ? await Promise.all([patch(), remove()])
          : (await Promise.all([remove(), patch()])).reverse();
      // The note existed, so the delete always wins in the end; the edit either went first (200, the
      // new text) or found nothing (404). No 5xx, no half state.
      expect(removed!.statusCode).toBe(204);
      expect([200, 404]).toContain(edited!.statusCode);
      if (edited!.statusCode === 200) expect(edited!.json().body).toBe(`Edited ${round}`);
      expect(await t.db.clientNote.findUnique({ where: { id: note.id } })).toBeNull();
    }
  });

  it('ends two racing edits with one of the two texts', async () => {
    const note = await addNote('Start');
    const url = `/v1/tenant-admin/client-notes/${note.id}`;
    const answers = await Promise.all(
      ['First', 'Second'].map((body) => admin(t.app, tenant, { method: 'PATCH', url, payload: { body } })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(['First', 'Second']).toContain(
      (await t.db.clientNote.findUniqueOrThrow({ where: { id: note.id } })).body,
    );
  });
});
