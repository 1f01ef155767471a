/**
 * Any Node built-in the page has no shim for (child_process, worker_threads, os, crypto, …):
 * every export is a function that throws when called, so a code path no calculator should
 * reach fails loudly instead of doing nothing. CommonJS so that esbuild accepts any named
 * import from it; the names are only looked up at run time.
 */
module.exports = new Proxy(
  {},
  {
    get(_, name) {
      if (name === '__esModule') return false;
      return () => {
        throw new Error(`node built-in ${String(name)}: not available in the browser page`);
      };
    },
  },
);
