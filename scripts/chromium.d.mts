/** Types of scripts/chromium.mjs, for the TypeScript test configs. */
export declare const CHROMIUM_FLAGS: string[];
export declare function resolveChromium(options?: {
  env?: Record<string, string | undefined>;
  debianPath?: string;
}): Promise<string>;
export declare function chromiumPathForConfig(): string;
