/** Types of web/build.mjs (plain ESM so `npm run web` needs no TypeScript loader). */
export function embeddedFiles(): Record<string, string>;
export function bundlePage(entry?: string): Promise<{ code: string; metafile: unknown }>;
export function buildPage(): Promise<{ html: string; metafile: unknown }>;
