import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { AreaElement } from '../../ui/area-element.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import './api-keys-section.ts';
import './audit-log-section.ts';
import './business-section.ts';
import './invoicing-section.ts';
import './outbox-section.ts';
import './payments-section.ts';
import './staff-section.ts';
import './webhooks-section.ts';
import './website-section.ts';

interface Section {
  id: string;
  label: string;
  /** Owner only: the API refuses these routes to managers, so they are not offered. */
  ownerOnly: boolean;
}

const SECTIONS: readonly Section[] = [
  { id: 'business', label: 'Business and branding', ownerOnly: false },
  { id: 'website', label: 'Website and booking page', ownerOnly: false },
  { id: 'payments', label: 'Payments and QuickBooks', ownerOnly: false },
  { id: 'invoicing', label: 'Invoicing', ownerOnly: false },
  { id: 'api-keys', label: 'API keys', ownerOnly: true },
  { id: 'webhooks', label: 'Webhooks', ownerOnly: true },
  { id: 'staff', label: 'Staff and roles', ownerOnly: true },
  { id: 'outbox', label: 'Sent messages', ownerOnly: false },
  { id: 'audit-log', label: 'Audit log', ownerOnly: true },
];

/** Settings (`#/settings/<section>/…`): one section at a time, chosen from a list of links. */
@customElement('mais-settings-area')
export class SettingsArea extends AreaElement {
  static override styles = [
    ...consoleStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: 14rem 1fr;
        gap: 1.5rem;
        align-items: start;
      }
      .sections ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .sections a {
        display: block;
        padding: 0.5rem 0.75rem;
        border-radius: var(--_radius);
        text-decoration: none;
      }
      .sections a[aria-current='page'] {
        background: var(--_soft);
        font-weight: 700;
      }
      .content {
        min-width: 0;
      }
      @media (max-width: 800px) {
        .layout {
          grid-template-columns: 1fr;
          gap: 0.5rem;
        }
        .sections ul {
          display: flex;
          flex-wrap: wrap;
          gap: 0.25rem;
        }
      }
    `,
  ];

  override render() {
    const isOwner = this.ctx.account.role === 'owner';
    const sections = SECTIONS.filter((section) => isOwner || !section.ownerOnly);
    const [wanted, ...rest] = this.route.path;
    const current = sections.find((section) => section.id === wanted) ?? sections[0]!;
    const refused = wanted !== undefined && current.id !== wanted;
    return html`
      <h1>Settings</h1>
      <div class="layout">
        <nav class="sections" aria-label="Settings">
          <ul>
            ${sections.map(
              (section) =>
                html`<li>
                  <a
                    href=${hrefFor('settings', [section.id])}
                    aria-current=${section.id === current.id && !refused ? 'page' : 'false'}
                    >${section.label}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <div class="content">
          ${
            refused
              ? html`<h2>Not available</h2>
                  <p>
                    There is no settings page at this address for your account (${this.ctx.account.role}).
                  </p>`
              : this.sectionView(current.id, rest)
          }
        </div>
      </div>
    `;
  }

  private sectionView(id: string, path: string[]) {
    const { ctx } = this;
    const query = this.route.query;
    switch (id) {
      case 'website':
        return html`<mais-website-settings .ctx=${ctx}></mais-website-settings>`;
      case 'payments':
        return html`<mais-payments-settings .ctx=${ctx}></mais-payments-settings>`;
      case 'invoicing':
        return html`<mais-invoicing-settings .ctx=${ctx}></mais-invoicing-settings>`;
      case 'api-keys':
        return html`<mais-api-keys-settings .ctx=${ctx}></mais-api-keys-settings>`;
      case 'webhooks':
        return html`<mais-webhooks-settings
          .ctx=${ctx}
          .path=${path}
          .query=${query}
        ></mais-webhooks-settings>`;
      case 'staff':
        return html`<mais-staff-settings .ctx=${ctx}></mais-staff-settings>`;
      case 'audit-log':
        return html`<mais-audit-log-settings .ctx=${ctx} .query=${query}></mais-audit-log-settings>`;
      case 'outbox':
        return html`<mais-outbox-settings .ctx=${ctx} .path=${path} .query=${query}></mais-outbox-settings>`;
      default:
        return html`<mais-business-settings .ctx=${ctx}></mais-business-settings>`;
    }
  }
}
