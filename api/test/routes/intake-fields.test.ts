import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let tenant: CreatedTenant;
let other: CreatedTenant;

const formUrl = (serviceId: string) => `/v1/tenant-admin/services/${serviceId}/intake-fields`;

async function createService(owner: CreatedTenant, name: string): Promise<string> {
  const response = await admin(t.app, owner, {
    method: 'POST',
    url: '/v1/tenant-admin/services',
    payload: { name, durationMinutes: 30, priceBaseCents: 2000 },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function putForm(owner: CreatedTenant, serviceId: string, payload: unknown) {
  return admin(t.app, owner, { method: 'PUT', url: formUrl(serviceId), payload: payload as object });
}

/** Every stored field (active or not), in a stable order. */
async function storedFields() {
  return t.db.intakeFormField.findMany({ orderBy: { id: 'asc' } });
}

/** A booking that answered `fieldId`, so the field can no longer be deleted. */
async function answer(serviceId: string, fieldId: string) {
  const start = new Date('2030-03-04T10:00:00Z');
  const end = new Date('2030-03-04T10:30:00Z');
  const appointment = await t.db.appointment.create({
    data: {
      tenantId: tenant.tenant.id,
      serviceId,
      clientName: 'Ada',
      clientEmail: 'ada@example.com',
      clientTimezone: 'Europe/Berlin',
      startTimeUtc: start,
      endTimeUtc: end,
      occupiedStartUtc: start,
      occupiedEndUtc: end,
      sessionKey: `${serviceId}|${start.toISOString()}`,
      status: 'CONFIRMED',
      currency: 'EUR',
      totalAmountCents: 2000,
      manageTokenHash: 'x'.repeat(64),
    },
  });
  await t.db.intakeFormResponse.create({
    data: {
      tenantId: tenant.tenant.id,
      appointmentId: appointment.id,
      fieldId,
      label: 'Allergies',
      value: 'none',
    },
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  other = await createTestTenant(t.db);
});
afterAll(() => t.close());

describe('intake form', () => {
  it('starts empty', async () => {
    const serviceId = await createService(tenant, 'Empty');
    const response = await admin(t.app, tenant, { method: 'GET', url: formUrl(serviceId) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: [] });
  });

  it('creates fields in order with defaults, and GET reads them back', async () => {
    const serviceId = await createService(tenant, 'Facial');
    const response = await putForm(tenant, serviceId, [
      { label: 'Skin type', fieldType: 'SELECT', required: true, options: ['Dry', 'Oily', 'Mixed'] },
      { label: 'Allergies', fieldType: 'TEXTAREA', placeholder: 'e.g. nuts' },
      { label: 'Birthday', fieldType: 'DATE' },
    ]);
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data).toEqual([
      {
        id: expect.any(String),
        serviceId,
        label: 'Skin type',
        fieldType: 'SELECT',
        required: true,
        options: ['Dry', 'Oily', 'Mixed'],
        placeholder: null,
        sortOrder: 0,
      },
      {
        id: expect.any(String),
        serviceId,
        label: 'Allergies',
        fieldType: 'TEXTAREA',
        required: false,
        options: [],
        placeholder: 'e.g. nuts',
        sortOrder: 1,
      },
      {
        id: expect.any(String),
        serviceId,
        label: 'Birthday',
        fieldType: 'DATE',
        required: false,
        options: [],
        placeholder: null,
        sortOrder: 2,
      },
    ]);
    const read = await admin(t.app, tenant, { method: 'GET', url: formUrl(serviceId) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ data });
  });

  it('replaces the form: updates by id, reorders, creates new and deletes unanswered fields', async () => {
    const serviceId = await createService(tenant, 'Replace');
    const [a, b, c] = (
      await putForm(tenant, serviceId, [
        { label: 'A', fieldType: 'TEXT' },
        { label: 'B', fieldType: 'PHONE' },
        { label: 'C', fieldType: 'EMAIL' },
      ])
    ).json().data;

    const response = await putForm(tenant, serviceId, [
      { id: c.id, label: 'C renamed', fieldType: 'SELECT', required: true, options: ['yes', 'no'] },
      { label: 'D', fieldType: 'CHECKBOX' },
      { id: a.id, label: 'A', fieldType: 'TEXT', placeholder: 'now with a hint' },
    ]);
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data.map((field: { id: string }) => field.id)).toEqual([c.id, expect.any(String), a.id]);
    expect(data).toMatchObject([
      { label: 'C renamed', fieldType: 'SELECT', required: true, options: ['yes', 'no'], sortOrder: 0 },
      { label: 'D', fieldType: 'CHECKBOX', required: false, options: [], sortOrder: 1 },
      { label: 'A', fieldType: 'TEXT', placeholder: 'now with a hint', sortOrder: 2 },
    ]);
    expect(await t.db.intakeFormField.findUnique({ where: { id: b.id } })).toBeNull();
    expect(await t.db.intakeFormField.count({ where: { serviceId } })).toBe(3);

    // Omitted optional values are cleared, not kept: PUT replaces the whole field.
    const cleared = await putForm(tenant, serviceId, [{ id: a.id, label: 'A', fieldType: 'TEXT' }]);
    expect(cleared.json().data).toEqual([
      {
        id: a.id,
        serviceId,
        label: 'A',
        fieldType: 'TEXT',
        required: false,
        options: [],
        placeholder: null,
        sortOrder: 0,
      },
    ]);
    expect(await t.db.intakeFormField.count({ where: { serviceId } })).toBe(1);

    const emptied = await putForm(tenant, serviceId, []);
    expect(emptied.statusCode).toBe(200);
    expect(emptied.json()).toEqual({ data: [] });
    expect(await t.db.intakeFormField.count({ where: { serviceId } })).toBe(0);
  });

  it('deactivates instead of deleting a removed field that has answers, and can bring it back', async () => {
    const serviceId = await createService(tenant, 'Answered');
    const [answered, unanswered] = (
      await putForm(tenant, serviceId, [
        { label: 'Allergies', fieldType: 'TEXT' },
        { label: 'Notes', fieldType: 'TEXTAREA' },
      ])
    ).json().data;
    await answer(serviceId, answered.id);

    const response = await putForm(tenant, serviceId, [{ label: 'New', fieldType: 'TEXT' }]);
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toMatchObject([{ label: 'New', sortOrder: 0 }]);
    const kept = await t.db.intakeFormField.findUniqueOrThrow({ where: { id: answered.id } });
    expect(kept).toMatchObject({ active: false, label: 'Allergies', sortOrder: 0 });
    expect(await t.db.intakeFormField.findUnique({ where: { id: unanswered.id } })).toBeNull();
    expect(await t.db.intakeFormResponse.count({ where: { fieldId: answered.id } })).toBe(1);

    const read = await admin(t.app, tenant, { method: 'GET', url: formUrl(serviceId) });
    expect(read.json().data.map((field: { label: string }) => field.label)).toEqual(['New']);

    const revived = await putForm(tenant, serviceId, [
      { id: answered.id, label: 'Allergies', fieldType: 'TEXT' },
    ]);
    expect(revived.statusCode).toBe(200);
    expect(revived.json().data).toMatchObject([{ id: answered.id, label: 'Allergies', sortOrder: 0 }]);
    expect(await t.db.intakeFormField.findUniqueOrThrow({ where: { id: answered.id } })).toMatchObject({
      active: true,
    });
  });

  it('shows the fields in order in the public catalog', async () => {
    const serviceId = await createService(tenant, 'Public');
    await putForm(tenant, serviceId, [
      { label: 'First', fieldType: 'TEXT' },
      { label: 'Second', fieldType: 'SELECT', options: ['x'] },
    ]);
    const put = await putForm(tenant, serviceId, [
      { label: 'Zeroth', fieldType: 'EMAIL', required: true, placeholder: 'you@example.com' },
      { label: 'Second', fieldType: 'SELECT', options: ['x', 'y'] },
    ]);
    expect(put.statusCode).toBe(200);
    const response = await publicRequest(t.app, tenant, { method: 'GET', url: '/v1/public/services' });
    expect(response.statusCode).toBe(200);
    const service = response.json().data.find((item: { id: string }) => item.id === serviceId);
    expect(service.intakeFields).toEqual([
      {
        id: put.json().data[0].id,
        label: 'Zeroth',
        fieldType: 'EMAIL',
        required: true,
        options: [],
        placeholder: 'you@example.com',
        sortOrder: 0,
      },
      {
        id: put.json().data[1].id,
        label: 'Second',
        fieldType: 'SELECT',
        required: false,
        options: ['x', 'y'],
        placeholder: null,
        sortOrder: 1,
      },
    ]);
  });
});

describe('intake form ownership', () => {
  let serviceId: string;
  let otherServiceId: string;
  let otherFieldId: string;
  let siblingFieldId: string;

  beforeAll(async () => {
    serviceId = await createService(tenant, 'Owner');
    const sibling = await createService(tenant, 'Sibling');
    siblingFieldId = (await putForm(tenant, sibling, [{ label: 'Sibling', fieldType: 'TEXT' }])).json()
      .data[0].id;
    otherServiceId = await createService(other, 'Foreign');
    otherFieldId = (await putForm(other, otherServiceId, [{ label: 'Foreign', fieldType: 'TEXT' }])).json()
      .data[0].id;
    await putForm(tenant, serviceId, [{ label: 'Mine', fieldType: 'TEXT' }]);
  });

  it.each([
    ['GET', undefined],
    ['PUT', [{ label: 'Hijack', fieldType: 'TEXT' }]],
  ] as const)(
    "answers 404 on %s for another tenant's service and changes nothing",
    async (method, payload) => {
      const before = await storedFields();
      const response = await admin(t.app, tenant, { method, url: formUrl(otherServiceId), payload });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
      expect(await storedFields()).toEqual(before);
    },
  );

  it.each([
    ["another tenant's field", () => otherFieldId],
    ["another service's field", () => siblingFieldId],
    ['a missing field', () => '00000000-0000-4000-8000-000000000000'],
  ])('answers 404 for %s id in the body and changes nothing', async (_name, fieldId) => {
    const before = await storedFields();
    const response = await putForm(tenant, serviceId, [
      { label: 'New', fieldType: 'TEXT' },
      { id: fieldId(), label: 'Taken', fieldType: 'TEXT' },
    ]);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect(await storedFields()).toEqual(before);
  });

  it('answers 404 for a missing service and 400 for a malformed id', async () => {
    const missing = await putForm(tenant, '00000000-0000-4000-8000-000000000000', []);
    expect(missing.statusCode).toBe(404);
    const malformed = await admin(t.app, tenant, { method: 'GET', url: formUrl('nope') });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details).toEqual([expect.objectContaining({ path: 'id' })]);
  });
});

describe('malformed forms', () => {
  let serviceId: string;
  let fieldId: string;

  beforeAll(async () => {
    serviceId = await createService(tenant, 'Malformed');
    fieldId = (await putForm(tenant, serviceId, [{ label: 'Keep me', fieldType: 'TEXT' }])).json().data[0].id;
  });

  const text = { label: 'Name', fieldType: 'TEXT' };
  const cases: [string, unknown, string][] = [
    ['SELECT without options', [{ label: 'Pick', fieldType: 'SELECT' }], '0.options'],
    ['SELECT with empty options', [text, { label: 'Pick', fieldType: 'SELECT', options: [] }], '1.options'],
    ['options on TEXT', [{ ...text, options: ['a'] }], '0.options'],
    ['duplicate options', [{ label: 'Pick', fieldType: 'SELECT', options: ['a', 'a'] }], '0.options'],
    ['unknown fieldType', [{ label: 'Pick', fieldType: 'RADIO' }], '0.fieldType'],
    ['unknown field', [{ ...text, hint: 'x' }], '0.hint'],
    ['empty label', [{ label: '   ', fieldType: 'TEXT' }], '0.label'],
    ['missing label', [{ fieldType: 'TEXT' }], '0.label'],
    ['label too long', [{ label: 'x'.repeat(201), fieldType: 'TEXT' }], '0.label'],
    ['required not a boolean', [{ ...text, required: 'yes' }], '0.required'],
    ['malformed id', [{ ...text, id: 'abc' }], '0.id'],
    ['not an array', { fields: [text] }, ''],
    ['51 fields', Array.from({ length: 51 }, (_, i) => ({ label: `Q${i}`, fieldType: 'TEXT' })), ''],
  ];

  it.each(cases)('refuses %s with 400 and changes nothing', async (_name, payload, path) => {
    const before = await storedFields();
    const response = await putForm(tenant, serviceId, payload);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toContainEqual(expect.objectContaining({ path }));
    expect(await storedFields()).toEqual(before);
  });

  it('refuses the same id twice with 400 and changes nothing', async () => {
    const before = await storedFields();
    const response = await putForm(tenant, serviceId, [
      { id: fieldId, ...text },
      { id: fieldId, label: 'Again', fieldType: 'TEXT' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: '1.id', message: 'appears more than once' }],
    });
    expect(await storedFields()).toEqual(before);
  });
});
