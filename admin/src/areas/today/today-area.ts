import type { Appointment, DashboardSummary, GoogleCalendarStatus, Provider } from '@mais/sdk';
import { Task, TaskStatus } from '@lit/task';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { today } from '../../dates/zoned-time.ts';
import { errorText } from '../../ui/api-error.ts';
import { AreaElement } from '../../ui/area-element.ts';
import { formatMoney, formatTime, humanize } from '../../ui/format.ts';

interface CalendarProblem {
  provider: Provider;
  status: GoogleCalendarStatus;
}

interface TodayData {
  /** Managers and owners: the dashboard summary. Providers see their own day only. */
  summary: DashboardSummary | null;
  /** Appointments in progress now. */
  inNow: Appointment[];
  problems: CalendarProblem[];
}

/**
 * Today: the next appointments, who is in now, this week's revenue against last week's, no-shows,
 * balances due and providers whose Google Calendar needs attention.
 */
@customElement('mais-today-area')
export class TodayArea extends AreaElement {
  private readonly data = new Task(this, {
    task: async (_args, { signal }) => this.load(signal),
    args: () => [this.ctx],
  });

  private async load(signal: AbortSignal): Promise<TodayData> {
    const { admin, account } = this.ctx;
    const now = new Date();
    const isManager = account.role !== 'provider';
    const [summary, todays, problems] = await Promise.all([
      isManager ? admin.reports.summary({ signal }) : Promise.resolve(null),
      admin.appointments.list(
        { startDate: today(this.ctx.zone), endDate: today(this.ctx.zone), limit: 100 },
        { signal },
      ),
      isManager ? this.calendarProblems(signal) : Promise.resolve([]),
    ]);
    const inNow = todays.data.filter(
      (a) =>
        (a.status === 'CONFIRMED' || a.status === 'PENDING') &&
        Date.parse(a.startTimeUtc) <= now.getTime() &&
        now.getTime() < Date.parse(a.endTimeUtc),
    );
    return { summary, inNow, problems };
  }

  private async calendarProblems(signal: AbortSignal): Promise<CalendarProblem[]> {
    const providers = (await this.ctx.admin.providers.list({ limit: 100 }, { signal })).data.filter(
      (p) => p.active,
    );
    const statuses = await Promise.all(
      providers.map((provider) =>
        this.ctx.admin.calendars
          .googleStatus(provider.id, { signal })
          .then((status) => ({ provider, status })),
      ),
    );
    return statuses.filter(
      ({ status }) => status.status === 'NEEDS_REAUTH' || (status.connected && status.lastError),
    );
  }

  protected override updated() {
    // The console's "interactive" moment for test/bench/console-load.bench.ts: Today drawn with its data.
    if (
      this.data.status === TaskStatus.COMPLETE &&
      performance.getEntriesByName('console:today').length === 0
    ) {
      performance.mark('console:today');
    }
  }

  override render() {
    return html`
      <h1>Today</h1>
      ${this.data.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (data) => this.view(data),
      })}
    `;
  }

  private view({ summary, inNow, problems }: TodayData) {
    const { zone } = this.ctx;
    return html`
      ${
        problems.length > 0
          ? html`<div class="notice" data-tone="danger" role="alert">
              <strong>Calendar connection problems:</strong>
              ${problems.map(
                ({ provider, status }) =>
                  html` <a href=${hrefFor('providers', [provider.id])}>${provider.name}</a>
                    (${status.status === 'NEEDS_REAUTH' ? 'needs to be connected again' : status.lastError})`,
              )}
            </div>`
          : ''
      }
      ${summary ? this.figures(summary) : ''}
      <h2>In now</h2>
      ${
        inNow.length === 0
          ? html`<p class="muted">Nobody is in right now.</p>`
          : html`<ul>
              ${inNow.map(
                (a) =>
                  html`<li>
                    <a href=${hrefFor('appointments', [a.id])}>${a.client.name}</a>, until
                    ${formatTime(a.endTimeUtc, zone)}
                  </li>`,
              )}
            </ul>`
      }
      ${
        summary
          ? html`<h2>Next today</h2>
              ${
                summary.today.next.length === 0
                  ? html`<p class="muted">No more appointments today.</p>`
                  : html`<div class="table-wrap">
                      <table>
                        <thead>
                          <tr>
                            <th>Time</th>
                            <th>Client</th>
                            <th>Service</th>
                            <th>Provider</th>
                            <th>Status</th>
                          </tr>
                        </thead>
                        <tbody>
                          ${summary.today.next.map(
                            (a) =>
                              html`<tr>
                                <td>${formatTime(a.startTimeUtc, zone)}</td>
                                <td><a href=${hrefFor('appointments', [a.id])}>${a.clientName}</a></td>
                                <td>${a.serviceName}</td>
                                <td>${a.providerName ?? '—'}</td>
                                <td><span class="badge">${humanize(a.status)}</span></td>
                              </tr>`,
                          )}
                        </tbody>
                      </table>
                    </div>`
              }`
          : html`<p><a href=${hrefFor('calendar')}>Open your calendar</a></p>`
      }
    `;
  }

  private figures(summary: DashboardSummary) {
    const revenue = summary.week.revenue;
    return html`
      <div class="cards">
        <section class="card" aria-labelledby="today-count">
          <h2 id="today-count">Appointments today</h2>
          <p class="figure">${summary.today.appointments}</p>
        </section>
        <section class="card" aria-labelledby="week-revenue">
          <h2 id="week-revenue">Revenue this week</h2>
          ${
            revenue.length === 0
              ? html`<p class="figure">${formatMoney(0, this.ctx.currency)}</p>
                  <p class="muted">Last week to date: ${formatMoney(0, this.ctx.currency)}</p>`
              : revenue.map(
                  (r) =>
                    html`<p class="figure">${formatMoney(r.thisWeek.grossCents, r.currency)}</p>
                      <p class="muted">
                        Last week to date: ${formatMoney(r.lastWeek.grossCents, r.currency)}
                        ${trend(r.thisWeek.grossCents, r.lastWeek.grossCents)}
                      </p>`,
                )
          }
        </section>
        <section class="card" aria-labelledby="week-no-shows">
          <h2 id="week-no-shows">No-shows this week</h2>
          <p class="figure">${summary.week.noShows}</p>
        </section>
        <section class="card" aria-labelledby="balances-due">
          <h2 id="balances-due">Balances due</h2>
          ${
            summary.outstanding.length === 0
              ? html`<p class="figure">${formatMoney(0, this.ctx.currency)}</p>`
              : summary.outstanding.map(
                  (o) =>
                    html`<p class="figure">${formatMoney(o.amountDueCents, o.currency)}</p>
                      <p class="muted">${o.appointments} appointment(s)</p>`,
                )
          }
        </section>
      </div>
    `;
  }
}

function trend(now: number, before: number): string {
  if (before === 0) return now > 0 ? '(up from nothing)' : '';
  const change = Math.round(((now - before) / before) * 100);
  return change === 0 ? '(the same)' : `(${change > 0 ? 'up' : 'down'} ${Math.abs(change)} %)`;
}
