import type { Service } from '@mais/sdk';
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatMoney } from '../../ui/format.ts';
import { durationText, paymentModeText } from './service-words.ts';

/** `#/services`: every service with its duration, price and payment mode; inactive ones on request. */
@customElement('mais-service-list')
export class ServiceList extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  /** From the address (`?inactive=shown`), so the choice survives a reload and the back button. */
  @property({ attribute: false }) showInactive = false;

  private readonly services = new Task(this, {
    task: async ([ctx, showInactive], { signal }) =>
      ctx.admin.services
        .list({ limit: 100, ...(showInactive ? {} : { active: 'true' }) }, { signal })
        .toArray(),
    args: () => [this.ctx, this.showInactive] as const,
  });

  override render() {
    return html`
      <h1>Services</h1>
      <div class="toolbar">
        <a class="btn" href=${hrefFor('services', ['new'])}>New service</a>
        <label class="check">
          <input
            type="checkbox"
            .checked=${this.showInactive}
            @change=${(event: Event) => {
              const shown = (event.target as HTMLInputElement).checked;
              location.hash = hrefFor('services', [], { inactive: shown ? 'shown' : undefined });
            }}
          />
          Show inactive services
        </label>
      </div>
      ${this.services.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (services) => this.table(services),
      })}
    `;
  }

  private table(services: Service[]) {
    if (services.length === 0) {
      return html`<p class="muted">No services yet. Add the first with “New service”.</p>`;
    }
    return html`
      <div class="table-wrap">
        <table>
          <caption class="sr-only">
            Services
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Duration</th>
              <th scope="col" class="num">Price</th>
              <th scope="col">Payment</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            ${services.map(
              (service) =>
                html`<tr>
                  <td><a href=${hrefFor('services', [service.id])}>${service.name}</a></td>
                  <td>${durationText(service.durationMinutes)}</td>
                  <td class="num">${formatMoney(service.priceBaseCents, service.currency)}</td>
                  <td>${paymentModeText(service)}</td>
                  <td>
                    ${
                      service.active
                        ? html`<span class="badge">Active</span>`
                        : html`<span class="badge" data-tone="danger">Inactive</span>`
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}
