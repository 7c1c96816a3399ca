/**
 * What the tenant put on the script tag, read once while widget.js runs (document.currentScript is
 * only set then, and it is null for module scripts): the publishable key from `data-tenant-key` and
 * the API's origin, which is where widget.js came from. For the ES build, the first script with a
 * data-tenant-key attribute is used instead.
 */
export interface ScriptConfig {
  tenantKey: string;
  apiBase: string;
}

export function readScriptConfig(script: HTMLScriptElement | null, pageUrl: string): ScriptConfig {
  const tenantKey = script?.dataset.tenantKey ?? '';
  try {
    return { tenantKey, apiBase: new URL(script?.getAttribute('src') || pageUrl, pageUrl).origin };
  } catch {
    return { tenantKey, apiBase: new URL(pageUrl).origin };
  }
}

export const scriptConfig: ScriptConfig = readScriptConfig(
  (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-tenant-key]'),
  location.href,
);
