import { existsSync } from 'node:fs';

/** Debian's chromium, which the browser tests drive through playwright-core (CI installs it). */
export const CHROMIUM = '/usr/bin/chromium';

export const hasChromium = existsSync(CHROMIUM);

/** Headless, offline, no background traffic (docs: ../shared/docs/toolchain.md). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
