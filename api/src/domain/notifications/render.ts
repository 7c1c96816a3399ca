import { escapeHtml, safeColour, safeUrl } from './html.ts';
import { formatMoney, formatWhen } from './format.ts';
import type { Locale } from './message-kinds.ts';
import { isProviderKind, type MessageModel } from './message-model.ts';
import { en, providerTemplates } from './templates/en.ts';
import { es } from './templates/es.ts';
import type { MessageText, Texts, Values } from './templates/texts.ts';

const TEXTS: Record<Locale, Texts> = { en, es };
const DEFAULT_COLOUR = '#1f2937';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** An email in its reader's language and zone: subject, a plain-text and an HTML version. */
export function renderEmail(model: MessageModel): RenderedEmail {
  const texts = TEXTS[model.locale];
  const values = valuesOf(model, texts);
  const message: MessageText = isProviderKind(model.kind)
    ? providerTemplates[model.kind as keyof typeof providerTemplates](values)
    : texts.client[model.kind as keyof Texts['client']](values);
  const parts: EmailParts = {
    greeting: texts.greeting(
      isProviderKind(model.kind) ? (model.providerName ?? model.tenant.name) : model.clientName,
    ),
    message,
    details: detailsOf(model, texts, values),
    manage: manageOf(model, texts),
    footer: texts.footer(model.tenant.name),
  };
  return { subject: message.subject, text: textOf(parts), html: htmlOf(parts, model) };
}

/** A reminder by SMS: one short line, no link (a token has no place in a text message). */
export function renderSms(model: MessageModel): string {
  const texts = TEXTS[model.locale];
  return texts.smsReminder(valuesOf(model, texts));
}

interface EmailParts {
  greeting: string;
  message: MessageText;
  details: Array<[string, string]>;
  manage: { url: string | null; label: string | null; note: string | null } | null;
  footer: string;
}

function valuesOf(model: MessageModel, texts: Texts): Values {
  const when = formatWhen(model.start, model.zone, model.locale);
  const before = model.previousStart ? formatWhen(model.previousStart, model.zone, model.locale) : null;
  const money = (cents: number) => formatMoney(cents, model.money.currency, model.locale);
  return {
    tenant: model.tenant.name,
    client: model.clientName,
    service: model.serviceName,
    provider: model.providerName,
    date: when.date,
    time: when.time,
    previousDate: before?.date ?? null,
    previousTime: before?.time ?? null,
    amount: model.amountCents ? money(model.amountCents) : null,
    paidSomething: model.money.paidCents > 0,
    offset: model.offsetMinutes === null ? null : texts.inDuration(model.offsetMinutes),
  };
}

function detailsOf(model: MessageModel, texts: Texts, values: Values): Array<[string, string]> {
  const { labels } = texts;
  const rows: Array<[string, string]> = [
    [labels.when, `${values.date}, ${values.time}`],
    [labels.service, values.service],
  ];
  if (isProviderKind(model.kind)) return [...rows, [labels.client, values.client]];
  if (values.provider) rows.push([labels.provider, values.provider]);
  if (model.kind === 'cancellation' || model.kind === 'payment-received') return rows;
  const money = (cents: number) => formatMoney(cents, model.money.currency, model.locale);
  const { totalCents, paidCents, dueCents } = model.money;
  if (totalCents > 0) rows.push([labels.total, money(totalCents)]);
  if (paidCents > 0) rows.push([labels.paid, money(paidCents)]);
  if (dueCents > 0) rows.push([labels.due, money(dueCents)]);
  return rows;
}

function manageOf(model: MessageModel, texts: Texts): EmailParts['manage'] {
  if (isProviderKind(model.kind) || model.kind === 'cancellation') return null;
  if (!model.manage) return { url: null, label: null, note: texts.noManageLink(model.tenant.name) };
  return {
    url: model.manage.url,
    label: texts.manage,
    note: model.manage.withToken ? null : texts.manageWithoutToken,
  };
}

function textOf(parts: EmailParts): string {
  const lines = [
    parts.greeting,
    '',
    parts.message.heading,
    '',
    ...parts.message.paragraphs.flatMap((p) => [p, '']),
  ];
  for (const [label, value] of parts.details) lines.push(`${label}: ${value}`);
  lines.push('');
  if (parts.manage?.url) lines.push(`${parts.manage.label}: ${parts.manage.url}`);
  if (parts.manage?.note) lines.push(parts.manage.note);
  if (parts.manage) lines.push('');
  lines.push('-- ', parts.footer, '');
  return lines.join('\n');
}

function htmlOf(parts: EmailParts, model: MessageModel): string {
  const colour = safeColour(model.tenant.primaryColor, DEFAULT_COLOUR);
  const logo = safeUrl(model.tenant.logoUrl);
  const brand = logo
    ? `<img src="${escapeHtml(logo)}" alt="${escapeHtml(model.tenant.name)}" style="max-height:48px;max-width:200px">`
    : `<div style="font-size:18px;font-weight:bold;color:${colour}">${escapeHtml(model.tenant.name)}</div>`;
  const paragraphs = [parts.greeting, ...parts.message.paragraphs]
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`)
    .join('');
  const rows = parts.details
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 16px 4px 0;color:#52525b;font-weight:normal;vertical-align:top">` +
        `${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const url = safeUrl(parts.manage?.url);
  const button =
    url && parts.manage?.label
      ? `<p style="margin:20px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:${colour};` +
        `color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(parts.manage.label)}</a></p>`
      : '';
  const note = parts.manage?.note ? `<p style="margin:0 0 12px">${escapeHtml(parts.manage.note)}</p>` : '';
  return (
    `<!doctype html><html lang="${model.locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(parts.message.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#18181b;font-size:15px;line-height:1.5">` +
    `<div style="max-width:560px;margin:0 auto;padding:24px">` +
    `<div style="background:#ffffff;border-top:4px solid ${colour};padding:24px">${brand}` +
    `<h1 style="font-size:20px;margin:20px 0 12px">${escapeHtml(parts.message.heading)}</h1>${paragraphs}` +
    `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${rows}</table>${button}${note}</div>` +
    `<p style="font-size:12px;color:#71717a;margin:12px 0">${escapeHtml(parts.footer)}</p></div></body></html>`
  );
}
