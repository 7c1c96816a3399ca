import { describe, expect, it } from 'vitest';
import { MANAGE_TOKEN_SLOT } from './manage-link.ts';
import { messageModel, type MessageExtras, type NotificationFacts } from './message-model.ts';
import type { MessageKind } from './message-kinds.ts';
import { renderEmail, renderSms } from './render.ts';

const ID = '22222222-2222-4222-8222-222222222222';

function facts(
  overrides: {
    appointment?: Partial<NotificationFacts['appointment']>;
    tenant?: Partial<NotificationFacts['tenant']>;
  } = {},
): NotificationFacts {
  return {
    appointment: {
      id: ID,
      status: 'CONFIRMED',
      // 10:00 CEST in Berlin, the day the clocks went forward.
      startTimeUtc: new Date('2027-03-28T08:00:00Z'),
      endTimeUtc: new Date('2027-03-28T09:00:00Z'),
      clientName: 'Ada Client',
      clientEmail: 'ada@example.com',
      clientPhone: null,
      clientTimezone: 'Europe/Berlin',
      locale: 'en',
      currency: 'EUR',
      totalAmountCents: 4500,
      paidCents: 1000,
      refundedCents: 0,
      noShowFeeCents: 0,
      ...overrides.appointment,
    },
    service: { name: 'Haircut', timezone: null },
    provider: { name: 'Ana Stylist', email: 'ana@studio.example', timezone: 'America/New_York' },
    tenant: {
      name: 'Studio Ana',
      timezone: 'Europe/Berlin',
      branding: { primaryColor: '#aa3366' },
      bookingPageUrl: 'https://studio.example/book?ref=mail',
      ...overrides.tenant,
    },
  };
}

function render(kind: MessageKind, input = facts(), extras: Partial<MessageExtras> = {}) {
  return renderEmail(messageModel(input, kind, { tokensAvailable: true, ...extras }));
}

describe('emails in English', () => {
  it('a confirmation: the time in the client zone, the money, the manage link with the token slot', () => {
    const email = render('confirmation');
    expect(email.subject).toBe('Booking confirmed: Haircut, Sunday, March 28, 2027');
    expect(email.text).toContain('Hello Ada Client,');
    expect(email.text).toContain('When: Sunday, March 28, 2027, 10:00 AM (Europe/Berlin, UTC+02:00)');
    expect(email.text).toContain('With: Ana Stylist');
    expect(email.text).toContain('Price: €45.00');
    expect(email.text).toContain('Paid: €10.00');
    expect(email.text).toContain('Due at the appointment: €35.00');
    const link = `https://studio.example/book?ref=mail&mais-appointment=${ID}&mais-token=${MANAGE_TOKEN_SLOT}`;
    expect(email.text).toContain(`View, reschedule or cancel your booking: ${link}`);
    expect(email.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
    expect(email.html).toContain('<html lang="en">');
    expect(email.html).toContain('#aa3366');
  });

  it('after the autumn change the same wall-clock time shows its own offset', () => {
    const october = facts({
      appointment: {
        startTimeUtc: new Date('2027-10-31T09:00:00Z'),
        endTimeUtc: new Date('2027-10-31T10:00:00Z'),
      },
    });
    expect(render('reminder', october, { offsetMinutes: 1440 }).text).toContain(
      'When: Sunday, October 31, 2027, 10:00 AM (Europe/Berlin, UTC+01:00)',
    );
  });

  it('a reminder says how far ahead', () => {
    expect(render('reminder', facts(), { offsetMinutes: 60 }).subject).toBe('Reminder: Haircut in 1 hour');
    expect(render('reminder', facts(), { offsetMinutes: 1440 }).text).toContain(
      'This is a reminder of your booking with Studio Ana, in 1 day.',
    );
    expect(render('reminder', facts(), { offsetMinutes: 90 }).subject).toBe(
      'Reminder: Haircut in 90 minutes',
    );
  });

  it('a move names the old time', () => {
    const email = render('reschedule', facts(), { previousStart: new Date('2027-03-27T08:00:00Z') });
    expect(email.subject).toBe('Booking moved: Haircut, Sunday, March 28, 2027');
    expect(email.text).toContain('It was on Saturday, March 27, 2027 at 9:00 AM (Europe/Berlin, UTC+01:00).');
  });

  it('a cancellation names its refund, or says none is due, and has no manage link', () => {
    const refunded = render('cancellation', facts({ appointment: { status: 'CANCELLED' } }), {
      amountCents: 1000,
    });
    expect(refunded.text).toContain('€10.00 will be refunded to your card');
    expect(refunded.text).not.toContain('mais-appointment');
    const kept = render('cancellation', facts({ appointment: { status: 'CANCELLED' } }), { amountCents: 0 });
    expect(kept.text).toContain('No refund is due under the cancellation policy.');
    const unpaid = render('cancellation', facts({ appointment: { status: 'CANCELLED', paidCents: 0 } }), {
      amountCents: 0,
    });
    expect(unpaid.text).not.toContain('refund');
  });

  it('a payment receipt', () => {
    expect(render('payment-received', facts(), { amountCents: 3500 }).subject).toBe(
      'Payment received: €35.00 for Haircut',
    );
  });
});

describe('emails in Spanish', () => {
  const spanish = facts({ appointment: { locale: 'es' } });

  it('dates, times and money as a Spanish reader writes them', () => {
    const email = render('confirmation', spanish);
    expect(email.subject).toBe('Reserva confirmada: Haircut, domingo, 28 de marzo de 2027');
    expect(email.text).toContain('Hola, Ada Client:');
    expect(email.text).toContain('Cuándo: domingo, 28 de marzo de 2027, 10:00 (Europe/Berlin, UTC+02:00)');
    expect(email.text).toMatch(/Precio: 45,00\s€/);
    expect(email.text).toContain('Ver, cambiar o cancelar tu reserva');
    expect(email.html).toContain('<html lang="es">');
  });

  it('every client message has its Spanish words', () => {
    expect(render('reminder', spanish, { offsetMinutes: 60 }).subject).toBe(
      'Recordatorio: Haircut en 1 hora',
    );
    expect(render('cancellation', spanish, { amountCents: 1000 }).text).toMatch(/Te devolveremos 10,00\s€/);
    expect(render('reschedule', spanish, { previousStart: new Date('2027-03-27T08:00:00Z') }).subject).toBe(
      'Reserva cambiada: Haircut, domingo, 28 de marzo de 2027',
    );
    expect(render('payment-received', spanish, { amountCents: 100 }).subject).toMatch(
      /^Pago recibido: 1,00\s€/,
    );
  });
});

describe('provider notices', () => {
  it('are in English, in the provider zone, naming the client', () => {
    const email = render('provider-booked', facts({ appointment: { locale: 'es' } }));
    expect(email.subject).toBe('New booking: Haircut with Ada Client, Sunday, March 28, 2027');
    expect(email.text).toContain('Hello Ana Stylist,');
    expect(email.text).toContain('When: Sunday, March 28, 2027, 4:00 AM (America/New_York, UTC-04:00)');
    expect(email.text).toContain('Client: Ada Client');
    expect(email.text).not.toContain('mais-appointment');
  });
});

describe('links and escaping', () => {
  it('escapes everything put into the HTML: a client called <script> is text', () => {
    const hostile = facts({
      appointment: { clientName: '<script>alert("x")</script> & "Co"' },
      tenant: {
        name: 'Studio <b>Ana</b>',
        branding: { primaryColor: 'red;background:url(x)', logoUrl: 'javascript:alert(1)' },
      },
    });
    const email = render('confirmation', hostile);
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).not.toContain('javascript:');
    expect(email.html).not.toContain('red;background');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(email.text).toContain('Hello <script>alert("x")</script> & "Co",');
  });

  it('without ENCRYPTION_KEY the link has no token, and the email says how to manage anyway', () => {
    const email = render('confirmation', facts(), { tokensAvailable: false });
    expect(email.text).toContain(`https://studio.example/book?ref=mail&mais-appointment=${ID}`);
    expect(email.text).not.toContain('mais-token');
    expect(email.text).toContain('open the link you were given when you booked');
  });

  it('without a booking page there is no link, only whom to contact', () => {
    const email = render('confirmation', facts({ tenant: { bookingPageUrl: null } }));
    expect(email.text).not.toContain('http');
    expect(email.text).toContain('To reschedule or cancel, contact Studio Ana.');
  });

  it('shows the logo when the tenant has one', () => {
    const email = render(
      'confirmation',
      facts({ tenant: { branding: { logoUrl: 'https://studio.example/logo.png' } } }),
    );
    expect(email.html).toContain('<img src="https://studio.example/logo.png" alt="Studio Ana"');
  });
});

describe('an SMS reminder', () => {
  it('is one line without a link', () => {
    const sms = renderSms(messageModel(facts(), 'reminder', { offsetMinutes: 60, tokensAvailable: true }));
    expect(sms).toBe(
      'Studio Ana: reminder of Haircut in 1 hour, Sunday, March 28, 2027 at 10:00 AM (Europe/Berlin, UTC+02:00).',
    );
  });
});
