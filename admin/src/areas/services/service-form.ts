import type { Resource, Service } from '@mais/sdk';
import { ApiError } from '@mais/sdk';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { moneyInputValue, parseMoney } from '../../ui/format.ts';
import {
  changedFields,
  createBodyOf,
  draftOfService,
  fieldErrorsOf,
  newServiceDraft,
  parseServiceDraft,
  type FieldErrors,
  type Money,
  type ServiceDraft,
} from './service-draft.ts';
import { inputField, type FormKit } from './service-form-fields.ts';
import { paymentFields, reminderFields, resourceFields, timezoneField } from './service-form-sections.ts';
import { formSectionStyles } from './services.styles.ts';

const money: Money = { text: moneyInputValue, parse: parseMoney };

/**
 * Every field of a service. A new service is POSTed whole; an existing one PATCHes only what
 * changed. The API's field errors (details[].path) appear under their inputs; its message by the
 * button. Fires `service-saved` with the stored service.
 */
@customElement('mais-service-form')
export class ServiceForm extends LitElement {
  static override styles = [
    consoleStyles,
    formSectionStyles,
    css`
      .reminder {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.75rem;
        align-items: end;
        margin-bottom: 0.5rem;
      }
      .reminder .field {
        flex: 1 1 8rem;
        margin-bottom: 0;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) service: Service | null = null;
  @property({ attribute: false }) resources: Resource[] = [];
  @state() private draft!: ServiceDraft;
  @state() private errors: FieldErrors = {};
  @state() private message = '';
  @state() private saving = false;

  protected override willUpdate(changed: PropertyValues<this>) {
    // A newly stored service (after a save) is the form's new starting point.
    if (changed.has('service') || this.draft === undefined) {
      this.draft = this.service ? draftOfService(this.service, money) : newServiceDraft(this.ctx.currency);
      this.errors = {};
    }
  }

  private readonly kit = (): FormKit => ({
    draft: this.draft,
    errors: this.errors,
    set: (key, value) => {
      this.draft = { ...this.draft, [key]: value };
    },
  });

  override render() {
    const kit = this.kit();
    const isNew = this.service === null;
    return html`
      <form novalidate @submit=${this.submit}>
        <fieldset class="group">
          <legend>About</legend>
          ${inputField(kit, 'name', 'Name')}
          ${
            isNew
              ? ''
              : inputField(kit, 'slug', 'Address name (slug)', {
                  hint: 'The booking page is /book/<business>/<slug>: lower-case letters, digits and hyphens.',
                })
          }
          ${inputField(kit, 'description', 'Description', { multiline: true })}
          <label class="check">
            <input
              type="checkbox"
              .checked=${this.draft.active}
              @change=${(event: Event) => kit.set('active', (event.target as HTMLInputElement).checked)}
            />
            Active (clients can book it)
          </label>
          ${inputField(kit, 'sortOrder', 'Sort order', {
            type: 'number',
            hint: 'Lower numbers come first in the booking widget.',
          })}
        </fieldset>
        <fieldset class="group">
          <legend>Time</legend>
          <div class="field-row">
            ${inputField(kit, 'durationMinutes', 'Duration (minutes)', { type: 'number' })}
            ${inputField(kit, 'slotIntervalMinutes', 'Start times every (minutes)', {
              type: 'number',
              hint: 'Empty: the duration.',
            })}
          </div>
          <div class="field-row">
            ${inputField(kit, 'bufferBeforeMinutes', 'Buffer before (minutes)', { type: 'number' })}
            ${inputField(kit, 'bufferAfterMinutes', 'Buffer after (minutes)', { type: 'number' })}
          </div>
          <div class="field-row">
            ${inputField(kit, 'minimumNoticeMinutes', 'Minimum notice (minutes)', {
              type: 'number',
              hint: '1440 minutes is 24 hours.',
            })}
            ${inputField(kit, 'bookingWindowDays', 'Bookable up to (days ahead)', { type: 'number' })}
          </div>
          <div class="field-row">
            ${inputField(kit, 'capacity', 'Seats per appointment', {
              type: 'number',
              hint: 'More than 1 makes it a class.',
            })}
            ${timezoneField(kit, this.ctx.zone)}
          </div>
        </fieldset>
        ${paymentFields(kit)} ${reminderFields(kit)} ${resourceFields(kit, this.resources)}
        <div role="alert">${this.message ? html`<p class="error">${this.message}</p>` : ''}</div>
        <div class="actions">
          <button class="btn" type="submit" ?disabled=${this.saving}>
            ${isNew ? 'Create service' : 'Save details'}
          </button>
        </div>
      </form>
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const { values, errors } = parseServiceDraft(this.draft, money);
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      this.message = 'Some fields need a look: see the messages under them.';
      await this.focusFirstInvalid();
      return;
    }
    const service = this.service;
    const changes = service ? changedFields(service, values) : undefined;
    if (changes && Object.keys(changes).length === 0) {
      this.message = '';
      this.ctx.announce('Nothing has changed.');
      return;
    }
    this.saving = true;
    this.message = '';
    try {
      const saved = service
        ? await this.ctx.admin.services.update(service.id, changes!)
        : await this.ctx.admin.services.create(createBodyOf(values));
      this.ctx.announce(service ? `${saved.name} saved.` : `${saved.name} created.`);
      this.dispatchEvent(new CustomEvent<Service>('service-saved', { detail: saved }));
    } catch (error) {
      this.message = errorText(error);
      if (error instanceof ApiError && error.details) {
        this.errors = fieldErrorsOf(error.details);
        await this.focusFirstInvalid();
      }
    } finally {
      this.saving = false;
    }
  }

  private async focusFirstInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}
