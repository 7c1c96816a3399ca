/**
 * Every value put into an email's HTML goes through escapeHtml: client names, service and tenant
 * names, URLs. A client called `<script>` is shown as text, never run, and a quote cannot end an
 * attribute.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** A brand colour as stored ("#RRGGBB", checked by the tenant schema), else `fallback`. */
export function safeColour(colour: string | null | undefined, fallback: string): string {
  return colour && /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : fallback;
}

/** An http(s) URL, else null: nothing else goes into an href or src. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
