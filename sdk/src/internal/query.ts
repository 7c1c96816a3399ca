export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from an object, leaving out undefined and null values; '' when nothing is left. */
export function queryString(query: object | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as Array<[string, QueryValue]>) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
