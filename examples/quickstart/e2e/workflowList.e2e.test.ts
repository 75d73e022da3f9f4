import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { canvasNodes, UI_TIMEOUT } from './editorActions';

const harness = setupEditorHarness();

interface Summary {
  workflow_id: string;
  name: string;
}

/** Webhook trigger → log: can be activated. */
const webhookFlow = {
  nodes: [
    {
      id: 'hook',
      type: 'webhook_trigger',
      position: { x: 0, y: 0 },
      data: { parameters: { path: '/orders' } },
    },
    { id: 'say', type: 'log', position: { x: 300, y: 0 }, data: { parameters: { message: 'hi' } } },
  ],
  edges: [{ id: 'e1', source: 'hook', target: 'say' }],
};

/** Manual trigger → log: valid, but has no trigger that activation would arm. */
const manualFlow = {
  nodes: [
    { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
    { id: 'say', type: 'log', position: { x: 300, y: 0 }, data: { parameters: { message: 'hi' } } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'say' }],
};

async function save(name: string, workflow: unknown): Promise<string> {
  const saved = await harness.api<{ workflow_id: string }>('/editor/save', {
    method: 'POST',
    body: JSON.stringify({ name, workflow_data: workflow }),
  });
  return saved.workflow_id;
}

async function workflows(): Promise<Summary[]> {
  return (await harness.api<{ workflows: Summary[] }>('/editor/list')).workflows;
}

/** Opens the home page and waits for the list. */
async function openHome(page: Page): Promise<Locator> {
  await page.goto(harness.url);
  const table = page.getByRole('table', { name: 'Saved workflows' });
  await table.waitFor({ timeout: UI_TIMEOUT });
  return table;
}

/** The list's row of a workflow, by its name. */
function rowOf(table: Locator, name: string): Locator {
  return table.locator('tr', {
    has: table.page().getByRole('button', { name: `Open ${name}`, exact: true }),
  });
}

describe('the workflow list (home page)', () => {
  it('opens a workflow in the editor', async () => {
    const { page } = harness;
    const id = await save('List: open me', manualFlow);
    const table = await openHome(page);
    await table.getByRole('button', { name: 'Open List: open me', exact: true }).click();
    await expect.poll(() => canvasNodes(page).count(), { timeout: UI_TIMEOUT }).toBe(2);
    expect(page.url()).toContain(`#/workflows/${encodeURIComponent(id)}`);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('activates by pointer and deactivates by keyboard, and says why one can’t be', async () => {
    const { page } = harness;
    const id = await save('List: webhook', webhookFlow);
    await save('List: by hand', manualFlow);
    const table = await openHome(page);
    const toggle = table.getByRole('switch', { name: 'Active: List: webhook' });
    await expect.poll(() => toggle.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await toggle.getAttribute('aria-checked')).toBe('false');

    await toggle.click();
    await expect
      .poll(() => toggle.getAttribute('aria-checked'), { timeout: UI_TIMEOUT })
      .toBe('true');
    expect((await harness.api<{ active: boolean }>(`/workflows/${id}`)).active).toBe(true);

    await toggle.focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => toggle.getAttribute('aria-checked'), { timeout: UI_TIMEOUT })
      .toBe('false');
    expect((await harness.api<{ active: boolean }>(`/workflows/${id}`)).active).toBe(false);

    const manual = table.getByRole('switch', { name: 'Active: List: by hand' });
    await expect.poll(() => manual.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
    await manual.click();
    const alert = rowOf(table, 'List: by hand').getByRole('alert');
    await alert.waitFor({ timeout: UI_TIMEOUT });
    expect(await alert.textContent()).toContain('no webhook or schedule trigger');
    expect(await manual.getAttribute('aria-checked')).toBe('false');
  });

  it('duplicates a workflow, and deletes one after confirming', async () => {
    const { page } = harness;
    await save('List: original', manualFlow);
    const doomed = await save('List: doomed', manualFlow);
    const table = await openHome(page);

    await table.getByRole('button', { name: 'Duplicate List: original' }).click();
    await table
      .getByRole('button', { name: 'Open List: original (copy)', exact: true })
      .waitFor({ timeout: UI_TIMEOUT });
    expect((await workflows()).map((w) => w.name)).toContain('List: original (copy)');

    await table.getByRole('button', { name: 'Delete List: doomed' }).click();
    await table.getByRole('button', { name: 'Confirm deleting List: doomed' }).click();
    await expect
      .poll(() => table.getByRole('button', { name: 'Open List: doomed', exact: true }).count(), {
        timeout: UI_TIMEOUT,
      })
      .toBe(0);
    expect((await workflows()).some((w) => w.workflow_id === doomed)).toBe(false);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('exports a workflow as <name>.flowloom.json', async () => {
    const { page } = harness;
    const id = await save('List export', manualFlow);
    const table = await openHome(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI_TIMEOUT }),
      table.getByRole('button', { name: 'Export List export' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('List export.flowloom.json');
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(file).toEqual(await harness.api(`/workflows/${encodeURIComponent(id)}/export`));
  });
});
