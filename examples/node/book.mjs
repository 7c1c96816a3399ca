// Books the first free slot of the first service, as a booking page would, with the public client.
// MAIS_API_URL (default http://127.0.0.1:3000) and MAIS_PUBLISHABLE_KEY (npm start prints it).
import { ConflictError, MaisClient, MaisError } from '@mais/sdk';

const publishableKey = process.env.MAIS_PUBLISHABLE_KEY;
if (!publishableKey) {
  console.error('Set MAIS_PUBLISHABLE_KEY to a publishable key (pk_…); `npm start` prints the demo one.');
  process.exit(1);
}
const client = new MaisClient({
  baseUrl: process.env.MAIS_API_URL ?? 'http://127.0.0.1:3000',
  publishableKey,
});
// The client's own zone: availability days and local times are given in it.
const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;

try {
  const business = await client.tenant.retrieve();
  const { data: services } = await client.services.list();
  const service = services[0];
  if (!service) throw new Error(`${business.name} has no active services.`);

  // The API answers at most 62 days at once; the next four weeks are plenty for a first free slot.
  const { slots } = await client.availability.list(service.id, {
    startDate: dayIn(timezone, 0),
    endDate: dayIn(timezone, 28),
    timezone,
  });
  const slot = slots[0];
  if (!slot) throw new Error(`No free time for ${service.name} in the next four weeks.`);

  const { appointment, manageToken } = await client.appointments.create({
    serviceId: service.id,
    startTimeUtc: slot.startTimeUtc,
    client: { name: 'Ada Lovelace', email: 'ada@example.com' },
    clientTimezone: timezone,
    intake: sampleAnswers(service.intakeFields),
  });

  const provider = service.providers.find((candidate) => candidate.id === appointment.providerId);
  const when = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: timezone,
  });
  const price = new Intl.NumberFormat('en-GB', { style: 'currency', currency: appointment.currency });
  console.log(`Booked ${service.name} at ${business.name}`);
  console.log(`  when:      ${when.format(new Date(appointment.startTimeUtc))} (${timezone})`);
  console.log(`  with:      ${provider?.name ?? 'any available'}`);
  console.log(`  price:     ${price.format(appointment.totalAmountCents / 100)}`);
  console.log(
    `  status:    ${appointment.status}${appointment.holdExpiresAt ? ` (held until ${appointment.holdExpiresAt})` : ''}`,
  );
  console.log(`  id:        ${appointment.id}`);
  console.log(`  manage:    token ${manageToken} (client.appointments.retrieve / cancel / reschedule)`);
} catch (error) {
  if (error instanceof ConflictError) {
    console.error(`That time was just taken (${error.code}); run again for the next one.`);
  } else if (error instanceof MaisError) {
    console.error(`${error.name}: ${error.message}${error.requestId ? ` (request ${error.requestId})` : ''}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
}

/** YYYY-MM-DD, `days` from today in `zone`. */
function dayIn(zone, days) {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: zone });
}

/** Answers for the required questions of the service's intake form, as a client might give them. */
function sampleAnswers(fields) {
  const sample = {
    TEXT: 'Nothing special',
    TEXTAREA: 'Nothing special',
    SELECT: null,
    CHECKBOX: true,
    DATE: dayIn(timezone, 0),
    PHONE: '+44 20 7946 0000',
    EMAIL: 'ada@example.com',
  };
  return Object.fromEntries(
    fields
      .filter((field) => field.required)
      .map((field) => [field.id, field.fieldType === 'SELECT' ? field.options[0] : sample[field.fieldType]]),
  );
}
