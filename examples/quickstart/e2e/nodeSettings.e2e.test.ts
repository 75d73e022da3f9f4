import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { toolbarMessage, UI_TIMEOUT } from './editorActions';
import {
  nodeById,
  openNodeMenu,
  openWorkflow,
  saveChainThroughApi,
  savedDocument,
  selectNodeById,
  waitUntil,
} from './workbenchKit';

const harness = setupEditorHarness();

/** Manual Trigger → HTTP Request to example.com, saved through the API. */
function saveFetchWorkflow(name: string): Promise<string> {
  return saveChainThroughApi(harness, name, [
    { id: 'fetch', type: 'http_request', parameters: { url: 'https://example.com/orders' } },
  ]);
}

/** Saves with Ctrl+S from the canvas and waits for the confirmation. */
async function saveWithKeyboard(): Promise<void> {
  const { page } = harness;
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await page.keyboard.press('Control+s');
  await toolbarMessage(page)
    .getByText('Workflow saved successfully!')
    .waitFor({ timeout: UI_TIMEOUT });
}

describe('node settings', () => {
  it('the Settings tab sets retries with their backoff, a timeout and what an error does', async () => {
    const { page } = harness;
    const id = await saveFetchWorkflow('Settings');
    await openWorkflow(page, harness.url, id, 2);
    await selectNodeById(page, 'fetch');
    // The tabs work with the keyboard: Arrow Right moves to Settings.
    await page.getByRole('tab', { name: 'Parameters' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const form = page.getByRole('form', { name: /run settings/ });
    await form.getByLabel('Retries').fill('2');
    await form.getByLabel('Wait before retrying (ms)').fill('500');
    await form.getByLabel('Timeout (ms)').fill('3000');
    await form.getByLabel('On error').selectOption({ label: 'Take the error branch' });
    await saveWithKeyboard();

    const saved = await savedDocument(harness, id);
    expect(saved.nodes.find((node) => node.id === 'fetch')?.data?.settings).toEqual({
      retry: { max_attempts: 3, backoff_ms: 500, backoff_multiplier: 2 },
      timeout_ms: 3000,
      on_error: 'error_branch',
    });
    expect(harness.consoleErrors).toEqual([]);
  });

  it('a node disabled from its context menu is greyed out and saved as disabled', async () => {
    const { page } = harness;
    const id = await saveFetchWorkflow('Disable');
    await openWorkflow(page, harness.url, id, 2);
    const menu = await openNodeMenu(page, 'fetch');
    await menu.getByRole('menuitem', { name: 'Disable' }).click();
    const node = nodeById(page, 'fetch').locator('.flowloom-node');
    await waitUntil(async () =>
      (await node.getAttribute('class'))!.includes('flowloom-node--disabled'),
    );
    expect(
      Number(await node.evaluate((element) => getComputedStyle(element).opacity)),
    ).toBeLessThan(0.6);
    await saveWithKeyboard();
    const saved = await savedDocument(harness, id);
    expect(saved.nodes.find((node) => node.id === 'fetch')?.data?.disabled).toBe(true);

    // Enabled again from the keyboard: Shift+F10 on the focused node opens its menu.
    await nodeById(page, 'fetch').focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu', { name: 'Node actions' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Run up to here');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Enable');
    await page.keyboard.press('Enter');
    await waitUntil(
      async () => !(await node.getAttribute('class'))!.includes('flowloom-node--disabled'),
    );
    expect(harness.consoleErrors).toEqual([]);
  });
});
