/**
 * Escaping for the hosted booking page, which puts tenant-written text (name, description,
 * address, service names) into HTML text, attribute values and a JSON-LD script block.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in element text and in quoted attribute values (both quote kinds). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * JSON for inside `<script type="application/ld+json">`: a `</script>` or `<!--` in a value must
 * not end or change the block, so `<`, `>` and `&` become \u escapes (still the same JSON), and so
 * do U+2028/U+2029, which some JavaScript parsers once refused in strings.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
