/**
 * Stripe's form encoding, decoded: `metadata[key]=v`, `expand[0]=x` (what stripe-node sends),
 * `expand[]=x` (what curl examples send) and `items[0][price]=p` become nested objects and arrays.
 * Values stay strings; each endpoint reads them as integers or booleans itself, as Stripe does.
 */

export type ParamValue = string | Params | ParamValue[];
export interface Params {
  [key: string]: ParamValue;
}

export function parseForm(encoded: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    assign(root, splitKey(key), value);
  }
  return root;
}

/** `a[b][0]` → ['a', 'b', '0']. A key without brackets is one segment. */
function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first <= 0) return [key];
  const segments = [key.slice(0, first)];
  for (const match of key.slice(first).matchAll(/\[([^\]]*)\]/g)) segments.push(match[1] ?? '');
  return segments;
}

function assign(container: Params | ParamValue[], segments: string[], value: string): void {
  const [head, ...rest] = segments as [string, ...string[]];
  if (rest.length === 0) {
    setChild(container, head, value);
    return;
  }
  // A numeric or empty next segment makes an array, except under metadata, whose keys are free text.
  const wantsArray = /^\d*$/.test(rest[0] ?? '') && head !== 'metadata';
  let child = getChild(container, head);
  if (child === undefined || typeof child === 'string') {
    child = wantsArray ? [] : {};
    setChild(container, head, child);
  }
  assign(child, rest, value);
}

function getChild(container: Params | ParamValue[], key: string): ParamValue | undefined {
  if (!Array.isArray(container)) return container[key];
  return key === '' ? undefined : container[Number(key)];
}

function setChild(container: Params | ParamValue[], key: string, value: ParamValue): void {
  if (!Array.isArray(container)) container[key] = value;
  else if (key === '') container.push(value);
  else container[Number(key)] = value;
}

/** A stable text of the parameters: the idempotency layer compares requests with it. */
export function canonical(params: ParamValue): string {
  if (typeof params === 'string') return JSON.stringify(params);
  if (Array.isArray(params)) return `[${params.map(canonical).join(',')}]`;
  const keys = Object.keys(params).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(params[key] as ParamValue)}`).join(',')}}`;
}
