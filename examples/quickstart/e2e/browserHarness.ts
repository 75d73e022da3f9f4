import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type RunningQuickstart, startQuickstart } from '../server/startQuickstart';

const EXAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where a failed test's screenshot goes (gitignored). */
export const TEST_RESULTS_DIR = path.join(EXAMPLE_DIR, 'test-results');

/** The Chromium flags TOOLCHAIN.md gives for Debian's Chromium in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Debian's Chromium is (`CHROMIUM_PATH` to use another). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The editor page's size: the README screenshot is taken at this size too. */
export const VIEWPORT = { width: 1280, height: 800 };

/** Launches Debian's Chromium headless with a fresh profile folder. */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });
}

/** Launches Debian's Chromium headless for `browser.newContext()` pages (what axe-core needs). */
export async function launchChromiumBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Options of {@link setupEditorHarness}. */
export interface EditorHarnessOptions {
  /**
   * Gives each test a page of a fresh `browser.newContext()` instead of a tab of one persistent
   * profile: `@axe-core/playwright` needs such a page.
   * @default false
   */
  freshContexts?: boolean;
}

/** What a browser test works with; valid inside a test. */
export interface EditorHarness {
  /** The quickstart's address, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The demo endpoint's URL for one order, served by the same process on a port of its own. */
  demoOrderUrl(id: number): string;
  /** This test's page (a fresh tab). */
  readonly page: Page;
  /** Console errors and uncaught page errors seen by this test's page. */
  readonly consoleErrors: readonly string[];
  /** Calls the workflow API (`/api/workflow` + `apiPath`) and returns the parsed JSON. */
  api<T = unknown>(apiPath: string, init?: RequestInit): Promise<T>;
}

/** Filesystem-safe name for a test's screenshot. */
function fileNameOf(testName: string): string {
  return testName
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
}

/**
 * Registers the hooks of a browser test file: one quickstart (fresh SQLite file in a temp folder)
 * and one Chromium for the file, a fresh tab (or, with `freshContexts`, a fresh context) per test
 * whose console errors are collected, and a full-page screenshot under `test-results/` when a
 * test fails.
 */
export function setupEditorHarness({
  freshContexts = false,
}: EditorHarnessOptions = {}): EditorHarness {
  let quickstart: RunningQuickstart | undefined;
  let context: BrowserContext | undefined;
  let browser: Browser | undefined;
  let testContext: BrowserContext | undefined;
  let page: Page | undefined;
  let tempDir = '';
  let errors: string[] = [];
  const serverErrors: string[] = [];

  beforeAll(async () => {
    tempDir = mkdtempSync(path.join(tmpdir(), 'flowloom-e2e-'));
    quickstart = await startQuickstart({
      port: 0,
      host: '127.0.0.1',
      databasePath: path.join(tempDir, 'flowloom.db'),
      logger: {
        info: () => {},
        warn: () => {},
        error: (message, error) => serverErrors.push(`${message}: ${String(error)}`),
      },
    });
    if (freshContexts) browser = await launchChromiumBrowser();
    else context = await launchChromium(path.join(tempDir, 'profile'));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await quickstart?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    errors = [];
    if (browser) {
      testContext = await browser.newContext({ viewport: VIEWPORT });
      page = await testContext.newPage();
    } else {
      if (!context) throw new Error('Chromium did not start');
      page = await context.newPage();
    }
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      errors.push(where ? `${message.text()} (${where})` : message.text());
    });
    page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
  });

  afterEach(async ({ task }) => {
    if (page && task.result?.state === 'fail') {
      mkdirSync(TEST_RESULTS_DIR, { recursive: true });
      const file = path.join(TEST_RESULTS_DIR, `${fileNameOf(task.name)}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`Screenshot of the failed test: ${file}`);
      if (errors.length) console.error(`Console errors:\n${errors.join('\n')}`);
      if (serverErrors.length) console.error(`Server errors:\n${serverErrors.join('\n')}`);
    }
    await page?.close();
    page = undefined;
    await testContext?.close();
    testContext = undefined;
  });

  const running = () => {
    if (!quickstart) throw new Error('The quickstart is not running');
    return quickstart;
  };
  return {
    get url() {
      return running().url;
    },
    demoOrderUrl: (id) => `${running().demoUrl}/demo/orders/${id}`,
    get page() {
      if (!page) throw new Error('No page: use the harness inside a test');
      return page;
    },
    get consoleErrors() {
      return errors;
    },
    async api<T>(apiPath: string, init?: RequestInit): Promise<T> {
      const response = await fetch(`${running().url}/api/workflow${apiPath}`, {
        ...init,
        headers: { 'content-type': 'application/json', ...init?.headers },
      });
      const body = await response.json();
      if (!response.ok) {
        throw new Error(
          `${init?.method ?? 'GET'} ${apiPath}: ${response.status} ${JSON.stringify(body)}`,
        );
      }
      return body as T;
    },
  };
}
