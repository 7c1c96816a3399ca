import type Stripe from 'stripe';
import { invalidParam } from './errors.ts';
import type { ParamValue, Params } from './form.ts';

/** Readers for form parameters, with Stripe's validation errors (all raised before execution). */

/** Stripe refuses parameters it does not know: `Received unknown parameter: amonut`. */
export function allowOnly(params: Params, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (key !== 'expand' && !allowed.includes(key)) {
      throw invalidParam(`Received unknown parameter: ${key}`, 'parameter_unknown', key);
    }
  }
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw invalidParam(`Invalid string: ${JSON.stringify(value)}`, 'parameter_invalid_string', name);
  }
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === '') {
    throw invalidParam(`Missing required param: ${name}.`, 'parameter_missing', name);
  }
  return value;
}

export function optionalInteger(params: Params, name: string, min = 0): number | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) {
    throw invalidParam(`Invalid integer: ${text}`, 'parameter_invalid_integer', name);
  }
  const value = Number(text);
  if (value < min) {
    const what = min === 1 ? 'positive integer' : 'non-negative integer';
    throw invalidParam(`Invalid ${what}`, 'parameter_invalid_integer', name);
  }
  return value;
}

export function requiredInteger(params: Params, name: string, min = 0): number {
  const value = optionalInteger(params, name, min);
  if (value === undefined) throw invalidParam(`Missing required param: ${name}.`, 'parameter_missing', name);
  return value;
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  if (text !== 'true' && text !== 'false') {
    throw invalidParam(`Invalid boolean: ${text}`, 'parameter_invalid_boolean', name);
  }
  return text === 'true';
}

/** One of a fixed set of values: `Invalid capture_method: must be one of automatic, …`. */
export function optionalEnum<T extends string>(
  params: Params,
  name: string,
  values: readonly T[],
): T | undefined {
  const text = optionalString(params, name);
  if (text === undefined) return undefined;
  if (!(values as readonly string[]).includes(text)) {
    throw invalidParam(
      `Invalid ${name}: must be one of ${values.join(', ')}`,
      'parameter_invalid_string',
      name,
    );
  }
  return text as T;
}

export function stringList(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalidParam(`Invalid array`, 'parameter_invalid_array', name);
  }
  return value as string[];
}

export function optionalObject(params: Params, name: string): Params | undefined {
  const value: ParamValue | undefined = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' || Array.isArray(value)) {
    throw invalidParam(`Invalid object`, 'parameter_invalid_object', name);
  }
  return value;
}

/**
 * Metadata updates merge: a key set to '' is removed, and `metadata=''` clears them all.
 * https://docs.stripe.com/api/metadata
 */
export function mergeMetadata(current: Stripe.Metadata | null, params: Params): Stripe.Metadata {
  const update = params.metadata;
  if (update === undefined) return current ?? {};
  if (update === '') return {};
  if (typeof update === 'string' || Array.isArray(update)) {
    throw invalidParam('Invalid object', 'parameter_invalid_object', 'metadata');
  }
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (typeof value !== 'string') {
      throw invalidParam(`Invalid string: metadata[${key}]`, 'parameter_invalid_string', `metadata[${key}]`);
    }
    if (value === '') delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export function expandPaths(params: Params): string[] {
  return stringList(params, 'expand') ?? [];
}
