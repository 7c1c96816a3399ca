import type Stripe from 'stripe';
import { noSuch } from './errors.ts';
import { LIST_PARAMS, listPage } from './lists.ts';
import { allowOnly, mergeMetadata, optionalObject, optionalString } from './params.ts';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods.ts';
import { newId, randomString, unixNow, type Context, type Route } from './state.ts';

/** Customers: what saved cards hang on. */

const FIELDS = ['email', 'name', 'description', 'phone'] as const;
const WRITABLE = [...FIELDS, 'metadata', 'invoice_settings'];

function create(ctx: Context): Stripe.Customer {
  allowOnly(ctx.params, [...WRITABLE, 'payment_method']);
  const customer = {
    id: newId('cus', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created: unixNow(ctx.state),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: randomString(8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: {},
    name: null,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  } as Stripe.Customer;
  ctx.state.customers.add(ctx.account, customer);
  const paymentMethodId = optionalString(ctx.params, 'payment_method');
  if (paymentMethodId) {
    const paymentMethod = resolvePaymentMethod(ctx.state, ctx.account, paymentMethodId);
    attachPaymentMethod(ctx.state, ctx.account, paymentMethod, customer.id);
  }
  return applyUpdate(ctx, customer);
}

function retrieve(ctx: Context): Stripe.Customer {
  const customer = ctx.state.customers.get(ctx.id, ctx.account);
  if (!customer) throw noSuch('customer', ctx.id, 'id');
  return customer;
}

function update(ctx: Context): Stripe.Customer {
  allowOnly(ctx.params, WRITABLE);
  return applyUpdate(ctx, retrieve(ctx));
}

function applyUpdate(ctx: Context, customer: Stripe.Customer): Stripe.Customer {
  for (const field of FIELDS) {
    const value = optionalString(ctx.params, field);
    if (value !== undefined) customer[field] = value === '' ? null : value;
  }
  customer.metadata = mergeMetadata(customer.metadata, ctx.params);
  const defaultPaymentMethod = optionalString(
    optionalObject(ctx.params, 'invoice_settings') ?? {},
    'default_payment_method',
  );
  if (defaultPaymentMethod !== undefined) {
    const attached = ctx.state.paymentMethods.get(defaultPaymentMethod, ctx.account);
    if (!attached || attached.customer !== customer.id) {
      throw noSuch('PaymentMethod', defaultPaymentMethod, 'invoice_settings[default_payment_method]', 400);
    }
    customer.invoice_settings.default_payment_method = defaultPaymentMethod;
  }
  return customer;
}

export const customerRoutes: Route[] = [
  { method: 'POST', path: '/v1/customers', handle: create },
  {
    method: 'GET',
    path: '/v1/customers',
    handle: (ctx) => {
      allowOnly(ctx.params, [...LIST_PARAMS, 'email']);
      const email = optionalString(ctx.params, 'email');
      const matching = ctx.state.customers.list(ctx.account).filter((c) => !email || c.email === email);
      return listPage(matching, ctx.params, '/v1/customers', 'customer');
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id',
    handle: (ctx) => {
      allowOnly(ctx.params, []);
      return retrieve(ctx);
    },
  },
  { method: 'POST', path: '/v1/customers/:id', handle: update },
];
