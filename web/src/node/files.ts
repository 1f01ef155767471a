/**
 * The files of the page's virtual file system, path → text. Empty here: web/build.mjs replaces
 * this module with the bundled datasets (datasets/**) and a package.json named trialstat,
 * under /trialstat, so the CLI's loaders find them where they look in a checkout.
 */
export const FILES: Readonly<Record<string, string>> = {};
