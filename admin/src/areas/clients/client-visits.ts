import type { ClientHistory } from '@mais/sdk';
import { html } from 'lit';
import { hrefFor } from '../../app/routes.ts';
import { formatDateTime, formatMoney, humanize } from '../../ui/format.ts';

/** The client's appointments as a table, newest first, each linking to its page in Appointments. */
export function visitsTable(history: ClientHistory, zone: string) {
  if (history.appointments.length === 0) return html`<p class="muted">No appointments.</p>`;
  return html`
    ${
      history.truncated
        ? html`<p class="notice">
            Showing the latest ${history.appointments.length} appointments; the totals count all.
          </p>`
        : ''
    }
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Service</th>
            <th scope="col">Provider</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">Price</th>
            <th scope="col" class="num">Paid</th>
            <th scope="col" class="num">Due</th>
          </tr>
        </thead>
        <tbody>
          ${history.appointments.map(
            (a) =>
              html`<tr>
                <td>
                  <a href=${hrefFor('appointments', [a.id])}>${formatDateTime(a.startTimeUtc, zone)}</a>
                </td>
                <td>${a.service.name}</td>
                <td>${a.provider?.name ?? '—'}</td>
                <td>
                  <span class="badge" data-tone=${a.status === 'NO_SHOW' ? 'danger' : ''}
                    >${humanize(a.status)}</span
                  >
                </td>
                <td class="num">${formatMoney(a.totalAmountCents, a.currency)}</td>
                <td class="num">${formatMoney(a.paidCents - a.refundedCents, a.currency)}</td>
                <td class="num">${formatMoney(a.amountDueCents, a.currency)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  `;
}
