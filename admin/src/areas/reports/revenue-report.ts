import type { RevenueReport } from '@mais/sdk';
import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { errorText } from '../../ui/api-error.ts';
import { formatMoney, formatLongDate } from '../../ui/format.ts';
import './revenue-chart.ts';
import { periodDownloads, reportCsvHref } from './report-downloads.ts';
import { ReportElement } from './report-element.ts';
import { exportsAllowed, MAX_DAILY_DAYS } from './report-range.ts';
import { bucketLabel, minorDigits, revenueSeries } from './revenue-series.ts';

type CurrencyFigures = RevenueReport['currencies'][number];
type Figures = CurrencyFigures['totals'];

/** Revenue: totals, a chart and a table per currency, what clients owe now, and the period's files. */
@customElement('mais-revenue-report')
export class RevenueReportElement extends ReportElement {
  private readonly report = new Task(this, {
    task: ([query], { signal }) =>
      this.ctx.admin.reports.revenue(
        { startDate: query.startDate, endDate: query.endDate, interval: query.interval, basis: query.basis },
        { signal },
      ),
    args: () => [this.query] as const,
  });

  override render() {
    return this.report.render({
      pending: () => html`<p class="muted" role="status">Loading revenue…</p>`,
      error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
      complete: (report) => this.view(report),
    });
  }

  private view(report: RevenueReport) {
    const currencies: CurrencyFigures[] =
      report.currencies.length > 0
        ? report.currencies
        : [{ currency: this.ctx.currency, buckets: [], totals: zeroFigures() }];
    return html`
      ${currencies.map((figures) => this.currencyView(report, figures))}
      <h2>Owed now</h2>
      ${
        report.outstanding.length === 0
          ? html`<p class="muted">No client owes anything.</p>`
          : html`<dl class="facts">
              ${report.outstanding.map(
                (owed) => html`
                  <dt>Balances after deposits (${owed.depositBalancesCount})</dt>
                  <dd>${formatMoney(owed.depositBalancesCents, owed.currency)}</dd>
                  <dt>No-show fees (${owed.noShowFeesCount})</dt>
                  <dd>${formatMoney(owed.noShowFeesCents, owed.currency)}</dd>
                `,
              )}
            </dl>`
      }
      ${this.downloads()}
    `;
  }

  private currencyView(report: RevenueReport, { currency, buckets, totals }: CurrencyFigures) {
    const money = (cents: number) => formatMoney(cents, currency);
    const digits = minorDigits(currency);
    const series = revenueSeries(buckets, report.interval, digits);
    const title = `Revenue in ${currency.toUpperCase()}`;
    return html`
      <section aria-labelledby="revenue-${currency}">
        <h2 id="revenue-${currency}">${title}</h2>
        <div class="cards">
          ${figureCard('Gross', money(totals.grossCents))}
          ${figureCard('Refunds', money(totals.refundsCents))}
          ${figureCard('Fees', money(totals.stripeFeesCents + totals.platformFeesCents))}
          ${figureCard('Net', money(totals.netCents))}
        </div>
        ${
          buckets.length > 0
            ? html`<mais-revenue-chart
                .series=${series}
                .formatAmount=${(major: number) => formatMoney(Math.round(major * 10 ** digits), currency)}
                description="Chart of gross, refunds and net per ${report.interval}, ${formatLongDate(
                  report.startDate,
                )} to ${formatLongDate(report.endDate)}. The table below has the same figures."
              ></mais-revenue-chart>`
            : ''
        }
        <div class="table-wrap" tabindex="0" role="region" aria-label="${title} table">
          <table>
            <caption class="sr-only">
              ${title} per ${report.interval}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  ${report.interval === 'day' ? 'Day' : report.interval === 'week' ? 'Week' : 'Month'}
                </th>
                <th scope="col" class="num">Gross</th>
                <th scope="col" class="num">Refunds</th>
                <th scope="col" class="num">Disputes</th>
                <th scope="col" class="num">Fees</th>
                <th scope="col" class="num">Net</th>
              </tr>
            </thead>
            <tbody>
              ${buckets.map(
                (bucket) =>
                  html`<tr>
                    <th scope="row">${bucketLabel(bucket.start, report.interval)}</th>
                    ${amountCells(bucket, money)}
                  </tr>`,
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                ${amountCells(totals, money)}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    `;
  }

  private downloads() {
    const allowed = exportsAllowed(this.query);
    return html`
      <h2>Downloads</h2>
      <ul>
        <li><a href=${reportCsvHref('revenue', this.query)} download>Revenue report (CSV)</a></li>
        ${
          allowed
            ? periodDownloads(this.query).map(
                (file) => html`<li><a href=${file.href} download>${file.label}</a></li>`,
              )
            : ''
        }
      </ul>
      ${
        allowed
          ? ''
          : html`<p class="hint">
              The ledger, appointments and QuickBooks files cover at most ${MAX_DAILY_DAYS} days: choose a
              shorter period for them.
            </p>`
      }
    `;
  }
}

function figureCard(label: string, value: string) {
  return html`<div class="card">
    <p class="muted">${label}</p>
    <p class="figure">${value}</p>
  </div>`;
}

function amountCells(figures: Figures, money: (cents: number) => string) {
  return html`<td class="num">${money(figures.grossCents)}</td>
    <td class="num">${money(figures.refundsCents)}</td>
    <td class="num">${money(figures.disputesCents)}</td>
    <td class="num">${money(figures.stripeFeesCents + figures.platformFeesCents)}</td>
    <td class="num">${money(figures.netCents)}</td>`;
}

function zeroFigures(): Figures {
  return {
    grossCents: 0,
    depositsCents: 0,
    balancesCardCents: 0,
    balancesVenueCents: 0,
    noShowFeesCents: 0,
    refundsCents: 0,
    disputesCents: 0,
    stripeFeesCents: 0,
    platformFeesCents: 0,
    netCents: 0,
  };
}
