// Lists one day's appointments (today in the business's time zone, or the YYYY-MM-DD given) with
// the admin client, following every page. MAIS_API_URL (default http://127.0.0.1:3000) and
// MAIS_SECRET_KEY (npm start prints the demo one).
import { MaisAdmin, MaisError } from '@mais/sdk';

const secretKey = process.env.MAIS_SECRET_KEY;
if (!secretKey) {
  console.error('Set MAIS_SECRET_KEY to a secret key (sk_…); `npm start` prints the demo one.');
  process.exit(1);
}
const admin = new MaisAdmin({ baseUrl: process.env.MAIS_API_URL ?? 'http://127.0.0.1:3000', secretKey });

try {
  const business = await admin.tenant.retrieve();
  const zone = business.timezone;
  const day = process.argv[2] ?? new Date().toLocaleDateString('en-CA', { timeZone: zone });

  // Names for the ids in each appointment; `for await` walks every page of each list.
  const services = new Map();
  for await (const service of admin.services.list()) services.set(service.id, service.name);
  const providers = new Map();
  for await (const provider of admin.providers.list()) providers.set(provider.id, provider.name);

  const time = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: zone });
  console.log(`${business.name}: appointments on ${day} (${zone})`);
  let count = 0;
  for await (const appointment of admin.appointments.list({ startDate: day, endDate: day })) {
    count += 1;
    const start = time.format(new Date(appointment.startTimeUtc));
    const end = time.format(new Date(appointment.endTimeUtc));
    const provider = providers.get(appointment.providerId) ?? 'no provider';
    console.log(
      `  ${start}–${end}  ${appointment.status.padEnd(9)}  ${services.get(appointment.serviceId)} with ${provider}` +
        `  ·  ${appointment.client.name} <${appointment.client.email}>`,
    );
  }
  console.log(count === 0 ? '  (none)' : `${count} appointment${count === 1 ? '' : 's'}`);
} catch (error) {
  console.error(error instanceof MaisError ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
}
