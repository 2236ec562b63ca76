import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureConsoleBuilt } from '../web/console/build.ts';
import { createDemoProgramme, generateDemo } from '../src/demo/generate.ts';
import type { Deps } from '../src/flows/deps.ts';
import { startServer } from '../src/server.ts';
import type { Db } from '../src/store/db.ts';

/** Debian's Chromium, headless, with nothing that reaches for the internet (the machine has none). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--lang=ru-RU', '--disable-background-networking', '--disable-component-update', '--disable-default-apps', '--disable-sync', '--no-first-run'],
  });
}

/** Where the browser tests leave their screenshots (not committed). */
export const screenshotDir = join(import.meta.dirname, '..', 'test-results', 'console');

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  // A sandboxed frame shows content staff wrote (an e-mail's HTML), not the console's own; axe cannot enter it.
  const result = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A real Kopilka server with the console built, over the demo programme with a short history. */
export async function consoleServer(db: Db) {
  await ensureConsoleBuilt();
  const deps: Deps = { db, now: () => new Date() };
  const until = new Date();
  const demo = await createDemoProgramme(deps, new Date(until.getTime() - 62 * 86_400_000));
  await generateDemo(deps, demo.programId, { members: 60, months: 2, seed: 42, until });
  // Its messenger sends the demo's messages only: on a shared PostgreSQL other test files' programmes have their own clocks.
  const running = startServer(deps, { port: 0, jobIntervalMs: 0, statistics: false, dispatch: true, messages: demo.programId });
  await new Promise((resolve) => running.server.once('listening', resolve));
  const url = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
  return { url, deps, demo, close: () => running.close() };
}
