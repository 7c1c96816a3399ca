import type { Resource } from '@mais/sdk';
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { hrefFor } from '../../app/routes.ts';
import { reminderDraft, type ReminderDraft } from './service-draft.ts';
import { describedBy, errorOf, inputField, radioGroup, type FormKit } from './service-form-fields.ts';

/** The service form's larger groups: payment and no-show protection, reminders, zone, resources. */

const MAX_REMINDERS = 5;

export function paymentFields(kit: FormKit) {
  const { draft } = kit;
  const currency = draft.currency.toUpperCase();
  return html`
    <fieldset class="group">
      <legend>Price and payment</legend>
      <div class="field-row">
        ${inputField(kit, 'price', `Price (${currency})`, { inputmode: 'decimal', hint: 'For example 45.00.' })}
        ${inputField(kit, 'currency', 'Currency', { maxlength: 3, hint: 'ISO code, e.g. EUR.' })}
      </div>
      ${radioGroup(
        'paymentMode',
        'When the client pays',
        [
          { value: 'NONE', label: 'At the appointment' },
          { value: 'DEPOSIT', label: 'A deposit at booking, the rest at the appointment' },
          { value: 'FULL', label: 'In full at booking' },
        ],
        draft.paymentMode,
        (value) => kit.set('paymentMode', value),
      )}
      ${
        draft.paymentMode === 'DEPOSIT'
          ? html`<div class="sub">
              ${radioGroup(
                'depositKind',
                'Deposit as',
                [
                  { value: 'percent', label: 'A share of the price' },
                  { value: 'amount', label: 'A fixed amount' },
                ],
                draft.depositKind,
                (value) => kit.set('depositKind', value),
              )}
              ${inputField(
                kit,
                'deposit',
                draft.depositKind === 'percent' ? 'Deposit (%)' : `Deposit (${currency})`,
                {
                  inputmode: draft.depositKind === 'percent' ? 'numeric' : 'decimal',
                },
              )}
            </div>`
          : nothing
      }
      ${radioGroup(
        'noShowKind',
        'No-show protection',
        [
          { value: 'none', label: 'No fee' },
          { value: 'percent', label: 'A share of the price' },
          { value: 'amount', label: 'A fixed fee' },
        ],
        draft.noShowKind,
        (value) => kit.set('noShowKind', value),
      )}
      ${
        draft.noShowKind !== 'none'
          ? html`<div class="sub">
              ${inputField(
                kit,
                'noShowFee',
                draft.noShowKind === 'percent' ? 'No-show fee (%)' : `No-show fee (${currency})`,
                {
                  inputmode: draft.noShowKind === 'percent' ? 'numeric' : 'decimal',
                  hint: 'Charged to the card kept at booking when the client does not come.',
                },
              )}
            </div>`
          : errorOf(kit, 'noShowFee')
      }
    </fieldset>
  `;
}

export function reminderFields(kit: FormKit) {
  const reminders = kit.draft.reminders;
  const invalid = kit.errors['reminders'] !== undefined;
  const update = (index: number, change: Partial<ReminderDraft>) =>
    kit.set(
      'reminders',
      reminders.map((reminder, at) => (at === index ? { ...reminder, ...change } : reminder)),
    );
  return html`
    <fieldset class="group">
      <legend>Reminders</legend>
      <p class="hint" id="h-reminders">
        Emails before the start, up to ${MAX_REMINDERS}. None: no reminders.
      </p>
      ${reminders.length === 0 ? html`<p class="muted">No reminders are sent.</p>` : nothing}
      <ul class="plain">
        ${reminders.map(
          (reminder, index) =>
            html`<li class="reminder">
              <div class="field">
                <label for="reminder-${reminder.key}">Reminder ${index + 1}</label>
                <input
                  id="reminder-${reminder.key}"
                  type="number"
                  min="1"
                  .value=${reminder.amount}
                  aria-invalid=${invalid && !/^\d+$/.test(reminder.amount) ? 'true' : 'false'}
                  aria-describedby=${describedBy('reminders', true, invalid)}
                  @input=${(event: Event) => update(index, { amount: (event.target as HTMLInputElement).value })}
                />
              </div>
              <div class="field">
                <label for="reminder-unit-${reminder.key}">Unit of reminder ${index + 1}</label>
                <select
                  id="reminder-unit-${reminder.key}"
                  .value=${reminder.unit}
                  @change=${(event: Event) =>
                    update(index, {
                      unit: (event.target as HTMLSelectElement).value as ReminderDraft['unit'],
                    })}
                >
                  <option value="hours" ?selected=${reminder.unit === 'hours'}>hours before</option>
                  <option value="minutes" ?selected=${reminder.unit === 'minutes'}>minutes before</option>
                </select>
              </div>
              <button
                type="button"
                class="btn btn--quiet"
                @click=${() =>
                  kit.set(
                    'reminders',
                    reminders.filter((_, at) => at !== index),
                  )}
              >
                Remove reminder ${index + 1}
              </button>
            </li>`,
        )}
      </ul>
      <button
        type="button"
        class="btn btn--quiet"
        ?disabled=${reminders.length >= MAX_REMINDERS}
        @click=${() => kit.set('reminders', [...reminders, reminderDraft(null)])}
      >
        Add a reminder
      </button>
      ${errorOf(kit, 'reminders')}
    </fieldset>
  `;
}

let zones: string[] | undefined;
/** Every IANA zone the browser knows, once. */
function allZones(): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
}

export function timezoneField(kit: FormKit, businessZone: string) {
  const current = kit.draft.timezone;
  const choices = current === '' || allZones().includes(current) ? allZones() : [current, ...allZones()];
  const invalid = kit.errors['timezone'] !== undefined;
  return html`
    <div class="field">
      <label for="f-timezone">Time zone</label>
      <select
        id="f-timezone"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy('timezone', false, invalid)}
        @change=${(event: Event) => kit.set('timezone', (event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${current === ''}>The business's zone (${businessZone})</option>
        ${
          // ~400 zones: drawn again only when the choice changes, not on every keystroke elsewhere.
          guard([current], () =>
            choices.map((zone) => html`<option value=${zone} ?selected=${zone === current}>${zone}</option>`),
          )
        }
      </select>
      ${errorOf(kit, 'timezone')}
    </div>
  `;
}

export function resourceFields(kit: FormKit, resources: readonly Resource[]) {
  const selected = kit.draft.resourceIds;
  // Inactive resources only when the service still needs one, so it can be taken off.
  const shown = resources.filter((resource) => resource.active || selected.includes(resource.id));
  const toggle = (id: string, on: boolean) =>
    kit.set('resourceIds', on ? [...selected, id] : selected.filter((other) => other !== id));
  return html`
    <fieldset class="group">
      <legend>Resources needed</legend>
      ${
        shown.length === 0
          ? html`<p class="muted">
              No rooms or equipment yet. <a href=${hrefFor('resources')}>Add them under Resources</a>.
            </p>`
          : html`<p class="hint">A booking needs one of each resource ticked here.</p>
              ${shown.map(
                (resource) =>
                  html`<label class="check">
                    <input
                      type="checkbox"
                      .checked=${selected.includes(resource.id)}
                      @change=${(event: Event) => toggle(resource.id, (event.target as HTMLInputElement).checked)}
                    />
                    ${resource.name} (${resource.kind}${resource.active ? '' : ', inactive'})
                  </label>`,
              )}`
      }
      ${errorOf(kit, 'resourceIds')}
    </fieldset>
  `;
}
