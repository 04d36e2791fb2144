/**
 * What the browser specs share: launching Debian's Chromium through playwright-core, a signed-in user per
 * browser context (a burner key, as a person without a wallet would), and screenshots kept as artifacts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

/** The gateway under test: BASE_URL when vitest started (see vitest.config.ts). */
export const BASE_URL = required('E2E_BASE_URL');
const ARTIFACTS_DIR = process.env.ARTIFACTS_DIR ?? join(process.cwd(), 'target', 'browser-artifacts');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name === 'E2E_BASE_URL' ? 'BASE_URL' : name} is not set: run the browser tests through BrowserTest (./mvnw verify), or set it by hand`);
  return value;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--no-sandbox'],
  });
}

export interface User {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly address: string;
}

/**
 * A new person: a fresh browser context (its own cookies and localStorage) signed in with a new burner key.
 * `prepare` runs on the context before the first page opens (permissions, init scripts).
 */
export async function signUp(browser: Browser, name: string, prepare?: (context: BrowserContext) => Promise<void>): Promise<User> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1180, height: 800 } });
  await prepare?.(context);
  const page = await context.newPage();
  forwardErrors(page, name);
  await page.goto(BASE_URL);
  await page.getByRole('button', { name: 'Create a burner key and sign in' }).click();
  const me = page.locator('[data-me]');
  await me.waitFor();
  const address = await me.getAttribute('data-me');
  if (!address) throw new Error(`${name} has no address after signing in`);
  await connected(page);
  return { context, page, address };
}

/** Another tab of the same person (same cookies): signed in already. */
export async function anotherTab(user: User, name: string): Promise<Page> {
  const page = await user.context.newPage();
  forwardErrors(page, name);
  await page.goto(BASE_URL);
  await page.locator('[data-me]').waitFor();
  await connected(page);
  return page;
}

export async function connected(page: Page): Promise<void> {
  await page.locator('.connection[data-state="open"]').waitFor({ timeout: 20_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Page errors and console errors go to the test's output, so a failure says what the page saw. */
function forwardErrors(page: Page, name: string): void {
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`[${name}] console ${message.type()}: ${message.text()}`);
  });
}
