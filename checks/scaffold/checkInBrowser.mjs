// The browser half of the scaffolder check: Debian's Chromium through playwright-core, with
// the flags TOOLCHAIN.md gives.
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';

const TIMEOUT_MS = 20_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens the app at `url`: the editor must show the sample workflow with the Greet node; then
 * Execute, and every node must reach `completed` on the canvas (statuses arrive over the
 * WebSocket), the run must be completed in the API with Greet's output, and the page must log
 * no error.
 */
export async function checkInBrowser(url, profileDir) {
  const context = await chromium.launchPersistentContext(profileDir, {
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: the checks run outside turbo
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
    await page.goto(url);
    const node = (type) => page.locator(`.flowloom-node[data-node-type="${type}"]`);
    await node('greet').waitFor({ timeout: TIMEOUT_MS });
    await page
      .getByRole('toolbar', { name: 'Workflow' })
      .getByRole('button', { name: 'Execute', exact: true })
      .click();
    for (const type of ['manual_trigger', 'greet', 'log']) {
      await page
        .locator(`.flowloom-node[data-node-type="${type}"][data-status="completed"]`)
        .waitFor({ timeout: TIMEOUT_MS });
    }
    const api = async (path) => (await fetch(`${url}/api/workflow${path}`)).json();
    const { instances } = await api('/instances?limit=1');
    const run = await api(`/instances/${instances[0].instance_id}/status`);
    if (run.status !== 'completed') throw new Error(`The run is ${run.status}, not completed`);
    const greeting = run.steps?.greet?.output_data?.greeting;
    if (greeting !== 'Hello, Flowloom!') {
      throw new Error(`The Greet step output ${JSON.stringify(greeting)}, not "Hello, Flowloom!"`);
    }
    if (errors.length > 0) throw new Error(`The page logged errors:\n${errors.join('\n')}`);
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
