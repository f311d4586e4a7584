/**
 * Debian's Chromium, driven by playwright-core (never a browser Playwright downloads itself). The flags
 * keep it off the network it has no business with: this machine's closed network refuses Chromium's
 * background connections, and the preview must make no request but to its own origin anyway.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
}

/** Fails loudly: a browser test that cannot find its browser must not pass by being skipped. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new ChromiumMissingError(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need Debian's chromium: ` +
        '`apt-get install -y --no-install-recommends chromium` (.ci/run does this), or set CHROMIUM_PATH. ' +
        'Never `npx playwright install`.',
    );
  }
  return CHROMIUM_PATH;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium with a new, empty profile that is deleted on close. */
export async function launchChromium(options: { downloadsPath?: string } = {}): Promise<Browser> {
  const executablePath = requireChromium();
  const profile = await mkdtemp(join(tmpdir(), 'jixiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    downloadsPath: options.downloadsPath,
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
