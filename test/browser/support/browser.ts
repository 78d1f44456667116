import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, Browser, BrowserContext, BrowserContextOptions, LaunchOptions, Page } from 'playwright-core';

/** Debian's package (`bash scripts/infra/chromium.sh` installs it); playwright-core never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium's flags on this machine. The network is closed: without the background-networking, component,
 * sync and QUIC flags Chromium keeps trying Google's hosts and gets refused. No sandbox: the tests run as root.
 * No GPU in a container. playwright-core adds `--headless` itself (headless is its default) and a new empty
 * `--user-data-dir` for each launch (it refuses one in `args`), so every run starts from a blank profile.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where `screenshot()` writes: committed, so the README can show the pages. */
export const SCREENSHOTS_DIR = join(__dirname, '..', 'screenshots');

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // as a French user's browser: date and time fields read 25/10/2026 and 18:30 (with Debian's chromium-l10n)
    env: { ...process.env, LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr' },
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/** Closes what `launchBrowser` opened; safe in an `afterAll` whose `beforeAll` failed. */
export async function closeBrowser(browser: Browser | undefined): Promise<void> {
  await browser?.close();
}

export interface RoleSession {
  role: string;
  context: BrowserContext;
  page: Page;
  /** `screenshot(page, `${pageName}-${role}`)`: e.g. `national-council.png`. */
  screenshot(pageName: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fresh context (own cookies and storage: one signed-in person) for one role, in French and Paris time,
 * with one page open. Pass `baseURL` to use relative paths in `page.goto`.
 */
export async function newRoleContext(browser: Browser, role: string, options: BrowserContextOptions = {}): Promise<RoleSession> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const page = await context.newPage();
  return {
    role,
    context,
    page,
    screenshot: (pageName) => screenshot(page, screenshotName(pageName, role)),
    close: () => context.close(),
  };
}

/**
 * A browser context signed in with `token` by the sign-in link (`/sign-in#token=…`: the page's script copies the token
 * from the fragment and submits the form), once it has landed where the sign-in sends that role.
 */
export async function signedInContext(browser: Browser, baseUrl: string, role: string, token: string): Promise<RoleSession> {
  const session = await newRoleContext(browser, role);
  await session.page.goto(`${baseUrl}/sign-in#token=${token}`);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await session.page.waitForLoadState('networkidle');
  return session;
}

/** `national` + `council` → `national-council`: lowercase, accents dropped, anything else becomes a hyphen. */
export function screenshotName(...parts: string[]): string {
  return parts
    .map((part) =>
      part
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
}

/** A full-page PNG named `<name>.png` under `dir` (default SCREENSHOTS_DIR); returns its path. */
export async function screenshot(page: Page, name: string, options: { dir?: string } = {}): Promise<string> {
  const dir = options.dir ?? SCREENSHOTS_DIR;
  const file = screenshotName(name);
  if (!file) throw new Error(`a screenshot needs a name, got ${JSON.stringify(name)}`);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${file}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

// the whole rig from one import
export * from './a11y';
export * from './figures';
export * from './keyboard';
