import type { ProviderTemplates, Texts } from './texts.ts';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const en: Texts = {
  locale: 'en',
  greeting: (name) => `Hello ${name},`,
  labels: {
    when: 'When',
    service: 'Service',
    provider: 'With',
    client: 'Client',
    total: 'Price',
    paid: 'Paid',
    due: 'Due at the appointment',
  },
  manage: 'View, reschedule or cancel your booking',
  manageWithoutToken: 'To reschedule or cancel, open the link you were given when you booked, or contact us.',
  noManageLink: (tenant) => `To reschedule or cancel, contact ${tenant}.`,
  footer: (tenant) => `Sent by ${tenant} with MAIS Scheduling.`,
  inDuration: (minutes) =>
    minutes % 1440 === 0
      ? `in ${plural(minutes / 1440, 'day', 'days')}`
      : minutes % 60 === 0
        ? `in ${plural(minutes / 60, 'hour', 'hours')}`
        : `in ${plural(minutes, 'minute', 'minutes')}`,
  client: {
    confirmation: (v) => ({
      subject: `Booking confirmed: ${v.service}, ${v.date}`,
      heading: 'Your booking is confirmed',
      paragraphs: [
        `${v.tenant} is looking forward to seeing you.`,
        'The attached invitation adds it to your calendar.',
      ],
    }),
    'payment-received': (v) => ({
      subject: `Payment received: ${v.amount} for ${v.service}`,
      heading: 'Thank you for your payment',
      paragraphs: [`${v.tenant} received ${v.amount} for your booking.`],
    }),
    reschedule: (v) => ({
      subject: `Booking moved: ${v.service}, ${v.date}`,
      heading: 'Your booking has moved',
      paragraphs: [
        `It was on ${v.previousDate} at ${v.previousTime}. The new time is below.`,
        'The attached invitation updates your calendar.',
      ],
    }),
    cancellation: (v) => ({
      subject: `Booking cancelled: ${v.service}, ${v.date}`,
      heading: 'Your booking is cancelled',
      paragraphs: [
        `Your booking of ${v.service} on ${v.date} at ${v.time} is cancelled.`,
        ...(v.amount
          ? [`${v.amount} will be refunded to your card; it may take a few days to arrive.`]
          : v.paidSomething
            ? ['No refund is due under the cancellation policy.']
            : []),
      ],
    }),
    reminder: (v) => ({
      subject: `Reminder: ${v.service} ${v.offset}`,
      heading: 'See you soon',
      paragraphs: [`This is a reminder of your booking with ${v.tenant}, ${v.offset}.`],
    }),
  },
  smsReminder: (v) => `${v.tenant}: reminder of ${v.service} ${v.offset}, ${v.date} at ${v.time}.`,
};

export const providerTemplates: ProviderTemplates = {
  'provider-booked': (v) => ({
    subject: `New booking: ${v.service} with ${v.client}, ${v.date}`,
    heading: 'New booking',
    paragraphs: [`${v.client} booked ${v.service}.`],
  }),
  'provider-rescheduled': (v) => ({
    subject: `Booking moved: ${v.service} with ${v.client}, now ${v.date}`,
    heading: 'A booking has moved',
    paragraphs: [
      `${v.client}'s booking of ${v.service} moved from ${v.previousDate} at ${v.previousTime} to the time below.`,
    ],
  }),
  'provider-cancelled': (v) => ({
    subject: `Booking cancelled: ${v.service} with ${v.client}, ${v.date}`,
    heading: 'A booking was cancelled',
    paragraphs: [`${v.client}'s booking of ${v.service} on ${v.date} at ${v.time} is cancelled.`],
  }),
};
