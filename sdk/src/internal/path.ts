import { MaisError } from '../core/errors.ts';

/**
 * Builds a request path, percent-encoding every interpolated value (openai-node
 * `src/internal/utils/path.ts`). `path\`/v1/tenant-admin/services/${id}\`` with id "a/b" gives
 * ".../services/a%2Fb". Empty, "." and ".." values are refused: they would turn
 * `services/${id}` into another route (`services/` is the list, `services/..` the parent).
 */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((built, literal, index) => {
    if (index === 0) return literal;
    return built + encodeSegment(values[index - 1]) + literal;
  }, '');
}

function encodeSegment(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new MaisError(
      `Path parameters must be non-empty strings other than "." and "..", got ${JSON.stringify(value)}.`,
    );
  }
  return encodeURIComponent(value);
}
