import type Stripe from 'stripe';
import { invalidParam, invalidRequest } from './errors.ts';
import type { Params } from './form.ts';
import { optionalEnum, optionalObject, stringList } from './params.ts';

/**
 * Which payment method types an intent accepts. Since API version 2026-09-30.endive (stripe-node
 * 23), requests name them with `allowed_payment_method_types[]` and `excluded_payment_method_types[]`
 * (`payment_method_types` is gone from create, update and confirm; the objects still report it).
 * Without a list, an intent uses the Dashboard's methods (`automatic_payment_methods`). The fake
 * knows cards only, so `payment_method_types` is the allowed list, or `['card']`, minus exclusions.
 */

export interface MethodTypeFields {
  allowed_payment_method_types: string[] | null;
  excluded_payment_method_types: string[] | null;
  automatic_payment_methods: { enabled: boolean; allow_redirects?: 'always' | 'never' } | null;
  payment_method_types: string[];
}

type Intent = Stripe.PaymentIntent | Stripe.SetupIntent;

/** On create: the fields from the parameters. */
export function initialMethodTypes(params: Params): MethodTypeFields {
  refuseRemovedParameter(params);
  const allowed = stringList(params, 'allowed_payment_method_types') ?? null;
  const excluded = stringList(params, 'excluded_payment_method_types') ?? null;
  const automatic = optionalObject(params, 'automatic_payment_methods');
  if (allowed && automatic) {
    throw invalidRequest(
      'You may only specify one of these parameters: allowed_payment_method_types, automatic_payment_methods.',
      { code: 'parameters_exclusive' },
    );
  }
  return {
    allowed_payment_method_types: allowed,
    excluded_payment_method_types: excluded,
    automatic_payment_methods: allowed
      ? null
      : {
          enabled: true,
          allow_redirects: optionalEnum(automatic ?? {}, 'allow_redirects', ['always', 'never']) ?? 'always',
        },
    payment_method_types: compatible(allowed, excluded),
  };
}

/** On update or confirm: changes the lists named in the parameters. */
export function updateMethodTypes(intent: Intent, params: Params): void {
  refuseRemovedParameter(params);
  const allowed = stringList(params, 'allowed_payment_method_types');
  const excluded = stringList(params, 'excluded_payment_method_types');
  const fields = intent as unknown as MethodTypeFields;
  if (allowed) {
    fields.allowed_payment_method_types = allowed;
    fields.automatic_payment_methods = null;
  }
  if (excluded) fields.excluded_payment_method_types = excluded;
  fields.payment_method_types = compatible(
    fields.allowed_payment_method_types,
    fields.excluded_payment_method_types,
  );
}

/** Confirming with a card when the intent does not take cards. */
export function checkCardAllowed(intent: Intent): void {
  if (!intent.payment_method_types.includes('card')) {
    throw invalidRequest(
      `The PaymentMethod provided (card) is not allowed for this ${intent.object === 'payment_intent' ? 'PaymentIntent' : 'SetupIntent'}. ` +
        `Allowed payment method types: ${intent.payment_method_types.join(', ') || 'none'}.`,
      { code: 'payment_intent_incompatible_payment_method', param: 'payment_method' },
    );
  }
}

function compatible(allowed: string[] | null, excluded: string[] | null): string[] {
  return (allowed ?? ['card']).filter((type) => !excluded?.includes(type));
}

function refuseRemovedParameter(params: Params): void {
  if (params.payment_method_types !== undefined) {
    throw invalidParam(
      'Received unknown parameter: payment_method_types (removed in API version 2026-09-30.endive; ' +
        'use allowed_payment_method_types)',
      'parameter_unknown',
      'payment_method_types',
    );
  }
}
