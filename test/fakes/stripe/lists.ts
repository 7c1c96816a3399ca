import { invalidParam, noSuch } from './errors.ts';
import type { Params } from './form.ts';
import { optionalInteger, optionalObject, optionalString } from './params.ts';

/** Parameters every Stripe list takes (https://docs.stripe.com/api/pagination). */
export const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'created'] as const;

export interface ApiList<T> {
  object: 'list';
  url: string;
  has_more: boolean;
  data: T[];
}

/**
 * One page of `items` (already newest first): `created` as an exact time or a range
 * (`created[gte]`, `[gt]`, `[lte]`, `[lt]`), `limit` from 1 to 100 (default 10), and a cursor,
 * `starting_after` (older than that object) or `ending_before` (newer than it).
 */
export function listPage<T extends { id: string; created: number }>(
  items: T[],
  params: Params,
  url: string,
  resource: string,
): ApiList<T> {
  const matching = items.filter(createdFilter(params));
  const limit = optionalInteger(params, 'limit', 1) ?? 10;
  if (limit > 100) {
    throw invalidParam('This value must be less than or equal to 100.', 'parameter_invalid_integer', 'limit');
  }
  const after = optionalString(params, 'starting_after');
  const before = optionalString(params, 'ending_before');
  if (after !== undefined) {
    const index = cursorIndex(matching, after, 'starting_after', resource);
    const rest = matching.slice(index + 1);
    return { object: 'list', url, has_more: rest.length > limit, data: rest.slice(0, limit) };
  }
  if (before !== undefined) {
    const index = cursorIndex(matching, before, 'ending_before', resource);
    const newer = matching.slice(0, index);
    return { object: 'list', url, has_more: newer.length > limit, data: newer.slice(-limit) };
  }
  return { object: 'list', url, has_more: matching.length > limit, data: matching.slice(0, limit) };
}

function cursorIndex(items: { id: string }[], id: string, param: string, resource: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw noSuch(resource, id, param, 400);
  return index;
}

function createdFilter(params: Params): (item: { created: number }) => boolean {
  const exact = typeof params.created === 'string' ? optionalInteger(params, 'created') : undefined;
  const range = typeof params.created === 'string' ? undefined : optionalObject(params, 'created');
  const bound = (name: string) => (range ? optionalInteger(range, name) : undefined);
  const gt = bound('gt');
  const gte = bound('gte');
  const lt = bound('lt');
  const lte = bound('lte');
  return ({ created }) =>
    (exact === undefined || created === exact) &&
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}
