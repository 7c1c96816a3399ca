/** Types of scripts/chromium.mjs, for the TypeScript test configs. */
export declare const CHROMIUM_FLAGS: string[];
export declare function resolveChromium(): Promise<string>;
export declare function chromiumPathForConfig(): string;
