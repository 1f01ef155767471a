/** `node:url` for the page: file URLs of the virtual file system. */
export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(String(url)).pathname);
}

export function pathToFileURL(path: string): URL {
  return new URL(`file://${encodeURI(path)}`);
}

export default { fileURLToPath, pathToFileURL };
