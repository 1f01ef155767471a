/** Injected into the bundle: the `process` global some loaders read (process.cwd()). */
export { process } from './process.js';
