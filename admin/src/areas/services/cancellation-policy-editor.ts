import type { CancellationPolicy, CancellationTier, Service } from '@mais/sdk';
import { ApiError, ConflictError, NotFoundError } from '@mais/sdk';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatMoney, moneyInputValue, parseMoney } from '../../ui/format.ts';
import {
  draftOfPolicy,
  newTierKey,
  parsePolicyDraft,
  policyErrorsOf,
  type PolicyDraft,
  type TierDraft,
  type TierErrors,
} from './cancellation-policy-draft.ts';
import { describeCancellationTiers, describeRescheduleLimit } from './cancellation-words.ts';
import { formSectionStyles } from './services.styles.ts';

/** The terms that apply when the business has set none (api/src/domain/policies/cancellation-terms.ts). */
const BUILT_IN_TIERS: CancellationTier[] = [
  { hoursBeforeStart: 48, feePercentage: 50, feeFixedCents: null },
  { hoursBeforeStart: 24, feePercentage: 100, feeFixedCents: null },
];

/**
 * The service's cancellation policy: its own tiers, or the business default. The tiers are edited
 * as rows (less than N hours before the start → a share of the price or a fixed fee is kept) with a
 * plain-words preview as they are typed. "Use the business default" removes the service's own policy.
 */
@customElement('mais-cancellation-policy-editor')
export class CancellationPolicyEditor extends LitElement {
  static override styles = [
    consoleStyles,
    formSectionStyles,
    css`
      .tier {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.75rem;
        align-items: start;
        border-bottom: 1px solid var(--_soft);
        padding: 0.5rem 0;
      }
      .tier .field {
        flex: 1 1 9rem;
        margin-bottom: 0.25rem;
      }
      .tier button {
        align-self: center;
      }
      .preview {
        border-left: 4px solid var(--_primary);
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) service!: Service;
  @property({ attribute: false }) ownPolicy: CancellationPolicy | null = null;
  @property({ attribute: false }) defaultPolicy: CancellationPolicy | null = null;
  @state() private draft!: PolicyDraft;
  @state() private serverErrors: { tierErrors: TierErrors; rescheduleError: string | undefined } | null =
    null;
  @state() private message = '';
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('ownPolicy') || changed.has('defaultPolicy') || this.draft === undefined)
      this.resetDraft();
  }

  private resetDraft() {
    const source = this.ownPolicy ?? this.defaultPolicy;
    this.draft = draftOfPolicy(
      source?.tiers ?? BUILT_IN_TIERS,
      source?.rescheduleAllowedUntilHours ?? null,
      (cents) => moneyInputValue(cents, this.service.currency),
    );
    this.serverErrors = null;
  }

  private money = (cents: number) => formatMoney(cents, this.service.currency);

  override render() {
    const parsed = parsePolicyDraft(this.draft, (text) => parseMoney(text, this.service.currency));
    // Until the next edit, the API's messages from the last save; the browser's own checks after that.
    const tierErrors = this.serverErrors?.tierErrors ?? parsed.tierErrors;
    const rescheduleError = this.serverErrors?.rescheduleError ?? parsed.rescheduleError;
    return html`
      <p>
        ${
          this.ownPolicy
            ? 'This service has its own policy.'
            : this.defaultPolicy
              ? 'This service follows the business default policy. Saving here gives it its own.'
              : 'No policy is set: the standard terms below apply. Saving here gives this service its own.'
        }
      </p>
      <div class="notice preview">
        <p class="label">In plain words</p>
        <p id="policy-preview">${describeCancellationTiers(parsed.tiers, this.money)}</p>
        <p>${describeRescheduleLimit(parsed.body.rescheduleAllowedUntilHours ?? null)}</p>
      </div>
      <form novalidate @submit=${this.save} @input=${() => (this.serverErrors = null)}>
        <fieldset class="group">
          <legend>Fees for cancelling late</legend>
          <p class="hint">
            Each tier applies when the client cancels less than its hours before the start; the closest one
            wins.
          </p>
          <ul class="plain">
            ${this.draft.tiers.map((tier, index) => this.tierRow(tier, index, tierErrors[index]))}
          </ul>
          <button type="button" class="btn btn--quiet" @click=${this.addTier}>Add a tier</button>
        </fieldset>
        <div class="field">
          <label for="reschedule-hours">Clients may reschedule until (hours before the start)</label>
          <input
            id="reschedule-hours"
            type="number"
            min="0"
            .value=${this.draft.rescheduleHours}
            aria-invalid=${rescheduleError ? 'true' : 'false'}
            aria-describedby="reschedule-hint ${rescheduleError ? 'reschedule-error' : ''}"
            @input=${(event: Event) =>
              (this.draft = { ...this.draft, rescheduleHours: (event.target as HTMLInputElement).value })}
          />
          <p class="hint" id="reschedule-hint">Empty: for as long as cancelling is free.</p>
          ${rescheduleError ? html`<p class="error field-error" id="reschedule-error">${rescheduleError}</p>` : ''}
        </div>
        <div role="alert">${this.message ? html`<p class="error">${this.message}</p>` : ''}</div>
        <div class="actions">
          <button class="btn" type="submit" ?disabled=${this.busy}>Save policy</button>
          ${
            this.ownPolicy
              ? html`<button
                  type="button"
                  class="btn btn--quiet"
                  ?disabled=${this.busy}
                  @click=${this.useDefault}
                >
                  Use the business default
                </button>`
              : ''
          }
        </div>
      </form>
    `;
  }

  private tierRow(tier: TierDraft, index: number, errors: TierErrors[number] | undefined) {
    const number = index + 1;
    const update = (change: Partial<TierDraft>) =>
      (this.draft = {
        ...this.draft,
        tiers: this.draft.tiers.map((row, at) => (at === index ? { ...row, ...change } : row)),
      });
    const feeLabel = tier.feeKind === 'percent' ? 'Fee kept (%)' : `Fee kept (${this.service.currency})`;
    return html`<li class="tier">
      <div class="field">
        <label for="tier-hours-${tier.key}">Tier ${number}: less than (hours)</label>
        <input
          id="tier-hours-${tier.key}"
          type="number"
          min="0"
          .value=${tier.hours}
          aria-invalid=${errors?.hours ? 'true' : 'false'}
          aria-describedby=${errors?.hours ? `tier-hours-error-${tier.key}` : ''}
          @input=${(event: Event) => update({ hours: (event.target as HTMLInputElement).value })}
        />
        ${
          errors?.hours
            ? html`<p class="error field-error" id="tier-hours-error-${tier.key}">${errors.hours}</p>`
            : ''
        }
      </div>
      <div class="field">
        <label for="tier-kind-${tier.key}">Tier ${number}: fee as</label>
        <select
          id="tier-kind-${tier.key}"
          @change=${(event: Event) =>
            update({ feeKind: (event.target as HTMLSelectElement).value as TierDraft['feeKind'], fee: '' })}
        >
          <option value="percent" ?selected=${tier.feeKind === 'percent'}>Share of the price</option>
          <option value="fixed" ?selected=${tier.feeKind === 'fixed'}>Fixed amount</option>
        </select>
      </div>
      <div class="field">
        <label for="tier-fee-${tier.key}">Tier ${number}: ${feeLabel}</label>
        <input
          id="tier-fee-${tier.key}"
          inputmode=${tier.feeKind === 'percent' ? 'numeric' : 'decimal'}
          .value=${tier.fee}
          aria-invalid=${errors?.fee ? 'true' : 'false'}
          aria-describedby=${errors?.fee ? `tier-fee-error-${tier.key}` : ''}
          @input=${(event: Event) => update({ fee: (event.target as HTMLInputElement).value })}
        />
        ${errors?.fee ? html`<p class="error field-error" id="tier-fee-error-${tier.key}">${errors.fee}</p>` : ''}
      </div>
      <button
        type="button"
        class="btn btn--quiet"
        @click=${() => (this.draft = { ...this.draft, tiers: this.draft.tiers.filter((_, at) => at !== index) })}
      >
        Remove tier ${number}
      </button>
    </li>`;
  }

  private readonly addTier = () => {
    this.draft = {
      ...this.draft,
      tiers: [...this.draft.tiers, { key: newTierKey(), hours: '', feeKind: 'percent', fee: '' }],
    };
  };

  private readonly save = async (event: Event) => {
    event.preventDefault();
    const parsed = parsePolicyDraft(this.draft, (text) => parseMoney(text, this.service.currency));
    if (Object.keys(parsed.tierErrors).length > 0 || parsed.rescheduleError) {
      this.message = 'Some tiers need a look: see the messages under them.';
      return;
    }
    await this.act(async () => {
      this.ownPolicy = await this.ctx.admin.cancellationPolicies.setForService(this.service.id, parsed.body);
      this.ctx.announce('Cancellation policy saved.');
    });
  };

  private readonly useDefault = async () => {
    await this.act(async () => {
      await this.ctx.admin.cancellationPolicies.removeForService(this.service.id);
      this.ownPolicy = null;
      this.ctx.announce('This service follows the business default policy again.');
    });
  };

  private async act(action: () => Promise<void>) {
    this.busy = true;
    this.message = '';
    try {
      await action();
    } catch (error) {
      this.message = errorText(error);
      if (error instanceof ApiError && error.details) this.serverErrors = policyErrorsOf(error.details);
      // Someone else changed or removed the policy meanwhile: show what is stored now.
      if (error instanceof ConflictError || error instanceof NotFoundError) await this.reload();
    } finally {
      this.busy = false;
    }
  }

  private async reload() {
    try {
      this.ownPolicy = await this.ctx.admin.cancellationPolicies.retrieveForService(this.service.id);
    } catch (error) {
      if (error instanceof NotFoundError) this.ownPolicy = null;
    }
  }
}
