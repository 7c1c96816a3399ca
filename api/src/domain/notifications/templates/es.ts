import type { Texts } from './texts.ts';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const es: Texts = {
  locale: 'es',
  greeting: (name) => `Hola, ${name}:`,
  labels: {
    when: 'Cuándo',
    service: 'Servicio',
    provider: 'Con',
    client: 'Cliente',
    total: 'Precio',
    paid: 'Pagado',
    due: 'A pagar en la cita',
  },
  manage: 'Ver, cambiar o cancelar tu reserva',
  manageWithoutToken:
    'Para cambiarla o cancelarla, abre el enlace que recibiste al reservar o ponte en contacto con nosotros.',
  noManageLink: (tenant) => `Para cambiarla o cancelarla, ponte en contacto con ${tenant}.`,
  footer: (tenant) => `Enviado por ${tenant} con MAIS Scheduling.`,
  inDuration: (minutes) =>
    minutes % 1440 === 0
      ? `en ${plural(minutes / 1440, 'día', 'días')}`
      : minutes % 60 === 0
        ? `en ${plural(minutes / 60, 'hora', 'horas')}`
        : `en ${plural(minutes, 'minuto', 'minutos')}`,
  client: {
    confirmation: (v) => ({
      subject: `Reserva confirmada: ${v.service}, ${v.date}`,
      heading: 'Tu reserva está confirmada',
      paragraphs: [`${v.tenant} te espera.`, 'La invitación adjunta la añade a tu calendario.'],
    }),
    'payment-received': (v) => ({
      subject: `Pago recibido: ${v.amount} por ${v.service}`,
      heading: 'Gracias por tu pago',
      paragraphs: [`${v.tenant} ha recibido ${v.amount} por tu reserva.`],
    }),
    reschedule: (v) => ({
      subject: `Reserva cambiada: ${v.service}, ${v.date}`,
      heading: 'Tu reserva ha cambiado',
      paragraphs: [
        `Era el ${v.previousDate} a las ${v.previousTime}. La nueva hora está abajo.`,
        'La invitación adjunta actualiza tu calendario.',
      ],
    }),
    cancellation: (v) => ({
      subject: `Reserva cancelada: ${v.service}, ${v.date}`,
      heading: 'Tu reserva está cancelada',
      paragraphs: [
        `Tu reserva de ${v.service} del ${v.date} a las ${v.time} está cancelada.`,
        ...(v.amount
          ? [`Te devolveremos ${v.amount} en tu tarjeta; puede tardar unos días en llegar.`]
          : v.paidSomething
            ? ['Según la política de cancelación, no corresponde ningún reembolso.']
            : []),
      ],
    }),
    reminder: (v) => ({
      subject: `Recordatorio: ${v.service} ${v.offset}`,
      heading: 'Hasta pronto',
      paragraphs: [`Te recordamos tu reserva con ${v.tenant}, ${v.offset}.`],
    }),
  },
  smsReminder: (v) => `${v.tenant}: recordatorio de ${v.service} ${v.offset}, ${v.date} a las ${v.time}.`,
};
