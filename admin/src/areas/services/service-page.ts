import type { CancellationPolicy, IntakeField, Provider, Resource, Service } from '@mais/sdk';
import { NotFoundError } from '@mais/sdk';
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import './cancellation-policy-editor.ts';
import './intake-builder.ts';
import './service-form.ts';
import './service-providers.ts';

interface PageData {
  service: Service | null;
  resources: Resource[];
  providers: Provider[];
  ownPolicy: CancellationPolicy | null;
  defaultPolicy: CancellationPolicy | null;
  intakeFields: IntakeField[];
}

/**
 * `#/services/<id>` (and `#/services/new`): everything about one service, loaded at once in
 * parallel; each section saves on its own.
 */
@customElement('mais-service-page')
export class ServicePage extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  /** A service's id, or 'new'. */
  @property({ attribute: false }) serviceId = 'new';
  @state() private deactivateError = '';

  private readonly data = new Task(this, {
    task: async ([ctx, serviceId], { signal }) => this.load(ctx, serviceId, signal),
    args: () => [this.ctx, this.serviceId] as const,
  });

  private async load(ctx: ConsoleContext, serviceId: string, signal: AbortSignal): Promise<PageData> {
    const { admin } = ctx;
    const resources = admin.resources.list({ limit: 100 }, { signal }).toArray();
    if (serviceId === 'new') {
      return {
        service: null,
        resources: await resources,
        providers: [],
        ownPolicy: null,
        defaultPolicy: null,
        intakeFields: [],
      };
    }
    const [service, resourceList, providers, ownPolicy, defaultPolicy, intake] = await Promise.all([
      admin.services.retrieve(serviceId, { signal }),
      resources,
      admin.providers.list({ limit: 100 }, { signal }).toArray(),
      orNull(admin.cancellationPolicies.retrieveForService(serviceId, { signal })),
      orNull(admin.cancellationPolicies.retrieveDefault({ signal })),
      admin.intakeFields.list(serviceId, { signal }),
    ]);
    return {
      service,
      resources: resourceList,
      providers,
      ownPolicy,
      defaultPolicy,
      intakeFields: intake.data,
    };
  }

  override render() {
    return this.data.render({
      pending: () =>
        html`<h1>${this.serviceId === 'new' ? 'New service' : 'Service'}</h1>
          <p class="muted" role="status">Loading…</p>`,
      error: (error) =>
        html`<h1>${error instanceof NotFoundError ? 'Service not found' : 'Service'}</h1>
          <p class="error" role="alert">${errorText(error)}</p>
          <p><a href=${hrefFor('services')}>Back to the services</a></p>`,
      complete: (data) => this.page(data),
    });
  }

  private page(data: PageData) {
    const { service } = data;
    return html`
      <p><a href=${hrefFor('services')}>← All services</a></p>
      <h1>${service ? service.name : 'New service'}</h1>
      ${
        service && !service.active
          ? html`<p class="notice">This service is inactive: clients cannot book it.</p>`
          : ''
      }
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <mais-service-form
          .ctx=${this.ctx}
          .service=${service}
          .resources=${data.resources}
          @service-saved=${(event: CustomEvent<Service>) => this.saved(data, event.detail)}
        ></mais-service-form>
        ${service?.active ? this.deactivation(data, service) : ''}
      </section>
      ${
        service
          ? html`
              <section aria-labelledby="policy-heading">
                <h2 id="policy-heading">Cancellation policy</h2>
                <mais-cancellation-policy-editor
                  .ctx=${this.ctx}
                  .service=${service}
                  .ownPolicy=${data.ownPolicy}
                  .defaultPolicy=${data.defaultPolicy}
                ></mais-cancellation-policy-editor>
              </section>
              <section aria-labelledby="intake-heading">
                <h2 id="intake-heading">Intake form</h2>
                <mais-intake-builder
                  .ctx=${this.ctx}
                  .serviceId=${service.id}
                  .fields=${data.intakeFields}
                ></mais-intake-builder>
              </section>
              <section aria-labelledby="providers-heading">
                <h2 id="providers-heading">Providers and prices</h2>
                <mais-service-providers
                  .ctx=${this.ctx}
                  .service=${service}
                  .providers=${data.providers}
                ></mais-service-providers>
              </section>
            `
          : ''
      }
    `;
  }

  private deactivation(data: PageData, service: Service) {
    return html`
      <div class="actions">
        <button class="btn btn--danger" @click=${() => this.deactivate(data, service)}>
          Deactivate service
        </button>
      </div>
      <div role="alert">
        ${this.deactivateError ? html`<p class="error">${this.deactivateError}</p>` : ''}
      </div>
    `;
  }

  private async deactivate(data: PageData, service: Service) {
    this.deactivateError = '';
    try {
      const updated = await this.ctx.admin.services.deactivate(service.id);
      this.saved(data, updated);
      this.ctx.announce(`${updated.name} is inactive: clients can no longer book it.`);
    } catch (error) {
      this.deactivateError = errorText(error);
    }
  }

  private saved(data: PageData, service: Service) {
    if (this.serviceId === 'new') {
      // The new service's own page, where its policy, intake form and providers are set.
      location.hash = hrefFor('services', [service.id]);
      return;
    }
    // Only this section changed: the other sections keep what is being typed in them.
    data.service = service;
    this.requestUpdate();
  }
}

/** A policy that is not set (404) is null: the default, or the built-in terms, apply. */
async function orNull(request: Promise<CancellationPolicy>): Promise<CancellationPolicy | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
