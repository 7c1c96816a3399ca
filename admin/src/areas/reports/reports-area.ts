import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { today } from '../../dates/zoned-time.ts';
import { AreaElement } from '../../ui/area-element.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import './clients-report.ts';
import './invoices-report.ts';
import './providers-report.ts';
import './report-range-picker.ts';
import './revenue-report.ts';
import './services-report.ts';
import { queryParams, readReportQuery, type ReportQuery } from './report-range.ts';

const TABS = [
  { id: 'revenue', label: 'Revenue' },
  { id: 'services', label: 'Services' },
  { id: 'providers', label: 'Providers' },
  { id: 'clients', label: 'Clients' },
  { id: 'invoices', label: 'Invoices' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * Reports (`#/reports/<tab>?startDate&endDate&interval&basis`): one period for every tab, kept in
 * the address so a report can be bookmarked and shared, and so switching tabs keeps it.
 */
@customElement('mais-reports-area')
export class ReportsArea extends AreaElement {
  static override styles = [
    ...consoleStyles,
    css`
      .tabs ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        padding: 0;
        margin: 0 0 1rem;
        border-bottom: 1px solid var(--_line);
      }
      .tabs a {
        display: block;
        padding: 0.5rem 0.9rem;
        text-decoration: none;
        border-radius: var(--_radius) var(--_radius) 0 0;
      }
      .tabs a[aria-current='page'] {
        background: var(--_soft);
        font-weight: 700;
      }
    `,
  ];

  private get tab(): TabId {
    const wanted = this.route.path[0];
    return TABS.find((tab) => tab.id === wanted)?.id ?? 'revenue';
  }

  private changeRange(event: CustomEvent<ReportQuery>) {
    location.hash = hrefFor('reports', [this.tab], queryParams(event.detail));
  }

  override render() {
    const todayDate = today(this.ctx.zone);
    const query = readReportQuery(this.route.query, todayDate);
    const tab = this.tab;
    return html`
      <h1>Reports</h1>
      <nav class="tabs" aria-label="Reports">
        <ul>
          ${TABS.map(
            ({ id, label }) =>
              html`<li>
                <a
                  href=${hrefFor('reports', [id], queryParams(query))}
                  aria-current=${id === tab ? 'page' : 'false'}
                  >${label}</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <mais-report-range-picker
        .query=${query}
        todayDate=${todayDate}
        ?revenueOptions=${tab === 'revenue'}
        @range-change=${this.changeRange}
      ></mais-report-range-picker>
      ${this.tabView(tab, query)}
    `;
  }

  private tabView(tab: TabId, query: ReportQuery) {
    switch (tab) {
      case 'revenue':
        return html`<mais-revenue-report .ctx=${this.ctx} .query=${query}></mais-revenue-report>`;
      case 'services':
        return html`<mais-services-report .ctx=${this.ctx} .query=${query}></mais-services-report>`;
      case 'providers':
        return html`<mais-providers-report .ctx=${this.ctx} .query=${query}></mais-providers-report>`;
      case 'clients':
        return html`<mais-clients-report .ctx=${this.ctx} .query=${query}></mais-clients-report>`;
      case 'invoices':
        return html`<mais-invoices-report .ctx=${this.ctx} .query=${query}></mais-invoices-report>`;
    }
  }
}
