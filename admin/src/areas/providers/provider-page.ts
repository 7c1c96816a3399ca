import type { Provider } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import './calendar-links.ts';
import './date-overrides.ts';
import { loadProviderPage, type ProviderPageData } from './provider-data.ts';
import './provider-profile.ts';
import './provider-services.ts';
import './week-schedule.ts';

/** One provider's page: every section loads in one parallel round, then saves on its own. */
@customElement('mais-provider-page')
export class ProviderPage extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      section {
        margin-bottom: 2rem;
      }
      .back {
        display: inline-block;
        margin-bottom: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property() providerId = '';
  /** The signed-in provider's own page (a provider account): no list to go back to. */
  @property({ type: Boolean }) own = false;

  /** The provider as a section last saved it (profile, services): the heading and the others follow. */
  @state() private savedProvider: Provider | null = null;

  private readonly data = new Task(this, {
    task: async ([ctx, id], { signal }) => {
      const data = await loadProviderPage(ctx, id, signal);
      this.savedProvider = null;
      return data;
    },
    args: () => [this.ctx, this.providerId] as const,
  });

  private providerChanged(event: CustomEvent<Provider>) {
    this.savedProvider = event.detail;
  }

  override render() {
    return this.data.render({
      pending: () =>
        html`<h1>Provider</h1>
          <p class="muted" role="status">Loading…</p>`,
      error: (error) =>
        html`<h1>Provider</h1>
          ${this.own ? '' : html`<a class="back" href=${hrefFor('providers')}>All providers</a>`}
          <p class="error" role="alert">${errorText(error)}</p>`,
      complete: (data) => this.page(data),
    });
  }

  private page(data: ProviderPageData) {
    const provider = this.savedProvider ?? data.provider;
    const zone = provider.timezone ?? this.ctx.zone;
    return html`
      ${this.own ? '' : html`<a class="back" href=${hrefFor('providers')}>All providers</a>`}
      <h1>
        ${provider.name}${provider.active ? '' : html` <span class="badge" data-tone="danger">Inactive</span>`}
      </h1>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <mais-provider-profile
          .ctx=${this.ctx}
          .provider=${provider}
          ?readonly=${this.own}
          @provider-changed=${this.providerChanged}
        ></mais-provider-profile>
      </section>
      <section aria-labelledby="hours-heading">
        <h2 id="hours-heading">Weekly hours</h2>
        <mais-week-schedule
          .ctx=${this.ctx}
          providerId=${provider.id}
          zone=${zone}
          .rules=${data.rules}
        ></mais-week-schedule>
      </section>
      <section aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">Days off and special hours</h2>
        <mais-date-overrides
          .ctx=${this.ctx}
          providerId=${provider.id}
          month=${data.month}
          .overrides=${data.overrides}
        ></mais-date-overrides>
      </section>
      <section aria-labelledby="services-heading">
        <h2 id="services-heading">Services offered</h2>
        <mais-provider-services
          .ctx=${this.ctx}
          .provider=${provider}
          .services=${data.services}
          @provider-changed=${this.providerChanged}
        ></mais-provider-services>
      </section>
      <section aria-labelledby="calendars-heading">
        <h2 id="calendars-heading">Calendars</h2>
        <mais-calendar-links
          .ctx=${this.ctx}
          providerId=${provider.id}
          .google=${data.google}
          .feed=${data.feed}
        ></mais-calendar-links>
      </section>
    `;
  }
}
