import type { AdminAppointment, OutboxMessage } from '@mais/sdk';
import { html } from 'lit';
import { formatDateTime, formatMoney, humanize } from '../../ui/format.ts';
import { actorText, historyText } from './history-text.ts';

/** The appointment page's read-only sections, as template functions of the loaded data. */

export function factsSection(a: AdminAppointment, zone: string) {
  const money = (cents: number) => formatMoney(cents, a.currency);
  const otherZone = a.clientTimezone !== zone;
  return html`
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">Details</h2>
      <dl class="facts">
        <dt>When</dt>
        <dd>
          ${formatDateTime(a.startTimeUtc, zone)} – ${formatDateTime(a.endTimeUtc, zone)}
          <span class="muted">(${zone})</span>
        </dd>
        ${
          otherZone
            ? html`<dt>Client's time</dt>
                <dd>
                  ${formatDateTime(a.startTimeUtc, a.clientTimezone)}
                  <span class="muted">(${a.clientTimezone})</span>
                </dd>`
            : ''
        }
        <dt>Client</dt>
        <dd>
          ${a.client.name}<br /><a href=${`mailto:${a.client.email}`}>${a.client.email}</a>${
            a.client.phone ? html`<br />${a.client.phone}` : ''
          }
        </dd>
        <dt>Service</dt>
        <dd>${a.serviceName}</dd>
        <dt>Provider</dt>
        <dd>${a.providerName ?? '—'}</dd>
        ${
          a.resourceName
            ? html`<dt>Resource</dt>
                <dd>${a.resourceName}</dd>`
            : ''
        }
        <dt>Seats</dt>
        <dd>${a.seats}</dd>
        <dt>Status</dt>
        <dd><span class="badge" data-testid="status">${humanize(a.status)}</span></dd>
        <dt>Payment</dt>
        <dd><span class="badge" data-testid="payment-status">${humanize(a.paymentStatus)}</span></dd>
        <dt>Total</dt>
        <dd>
          ${money(a.totalAmountCents)}${a.depositAmountCents > 0 ? html` (deposit ${money(a.depositAmountCents)})` : ''}
        </dd>
        ${
          a.noShowFeeCents > 0
            ? html`<dt>No-show fee</dt>
                <dd>${money(a.noShowFeeCents)}</dd>`
            : ''
        }
        <dt>Due now</dt>
        <dd>${money(a.amountDueCents)}</dd>
        <dt>Card kept</dt>
        <dd>${a.cardOnFile ? 'Yes' : 'No'}</dd>
      </dl>
    </section>
  `;
}

export function intakeSection(a: AdminAppointment) {
  return html`
    <section aria-labelledby="intake-heading">
      <h2 id="intake-heading">Intake answers</h2>
      ${
        a.intake.length === 0
          ? html`<p class="muted">No answers.</p>`
          : html`<dl class="facts">
              ${a.intake.map(
                (answer) =>
                  html`<dt>${answer.label}</dt>
                    <dd>
                      ${typeof answer.value === 'boolean' ? (answer.value ? 'Yes' : 'No') : answer.value}
                    </dd>`,
              )}
            </dl>`
      }
    </section>
  `;
}

export function historySection(a: AdminAppointment, zone: string) {
  return html`
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol class="history">
        ${a.history.map(
          (event) =>
            html`<li>
              <time datetime=${event.occurredAt}>${formatDateTime(event.occurredAt, zone)}</time>:
              ${historyText(event, a.currency)} <span class="muted">by ${actorText(event.actor)}</span>
            </li>`,
        )}
      </ol>
    </section>
  `;
}

export function ledgerSection(a: AdminAppointment, zone: string) {
  return html`
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Payments and refunds</h2>
      ${
        a.ledger.length === 0
          ? html`<p class="muted">No money has moved.</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Payments and refunds, table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">What</th>
                    <th scope="col" class="num">Amount</th>
                    <th scope="col">Reference</th>
                  </tr>
                </thead>
                <tbody>
                  ${a.ledger.map(
                    (entry) =>
                      html`<tr>
                        <td>${formatDateTime(entry.occurredAt, zone)}</td>
                        <td>${humanize(entry.kind)}</td>
                        <td class="num">${formatMoney(entry.amountCents, entry.currency)}</td>
                        <td>${entry.stripeObjectId ?? 'At the venue'}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>
  `;
}

export function messagesSection(messages: readonly OutboxMessage[], zone: string) {
  return html`
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages sent</h2>
      ${
        messages.length === 0
          ? html`<p class="muted">No messages yet.</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Messages sent, table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Built</th>
                    <th scope="col">Message</th>
                    <th scope="col">To</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  ${messages.map(
                    (m) =>
                      html`<tr>
                        <td>${formatDateTime(m.createdAt, zone)}</td>
                        <td>
                          ${humanize(m.kind.replaceAll('-', '_'))}<br /><span class="muted"
                            >${m.subject}</span
                          >
                        </td>
                        <td>${m.recipient}</td>
                        <td>
                          <span class="badge" data-tone=${m.status === 'FAILED' ? 'danger' : ''}
                            >${humanize(m.status)}</span
                          >
                          ${m.lastError ? html`<br /><span class="muted">${m.lastError}</span>` : ''}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>
  `;
}
