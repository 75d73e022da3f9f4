import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { canvasNodes, UI_TIMEOUT, waitForCount } from './editorActions';
import { describeFocus, focusedMatches, tabTo } from './keyboardKit';
import { lastRunStatus, openNewEditor, savedDocument, waitUntil } from './workbenchKit';

const harness = setupEditorHarness();

describe('the editor by keyboard alone', () => {
  it('builds Manual Trigger → Log, connects them, executes, and focus follows the run', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);

    // Add both steps from the palette with Enter.
    await tabTo(page, `.flowloom-palette__entry[data-component-type="manual_trigger"]`);
    await page.keyboard.press('Enter');
    await waitForCount(canvasNodes(page), 1);
    await tabTo(page, `.flowloom-palette__entry[data-component-type="log"]`);
    await page.keyboard.press('Enter');
    await waitForCount(canvasNodes(page), 2);
    expect(await page.locator('.flowloom-editor [aria-live="polite"]').textContent()).toBe(
      'Added Log to the canvas.',
    );

    // The Log is selected: its message field is in the side panel.
    await tabTo(
      page,
      '.flowloom-field[data-parameter="message"] :is(input, textarea, .cm-content)',
    );
    await page
      .locator('.flowloom-field[data-parameter="message"] .cm-content')
      .waitFor({ timeout: UI_TIMEOUT });
    await waitUntil(() => focusedMatches(page, '.cm-content'));
    await page.keyboard.type('typed, not clicked');

    // Connect: back on the canvas, the trigger's output handle, Enter, then the step.
    await tabTo(
      page,
      '.react-flow__node[data-id^="manual_trigger"] .react-flow__handle.source',
      true,
    );
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: 'Connect Manual Trigger to…' });
    await picker.waitFor({ timeout: UI_TIMEOUT });
    expect(await picker.getByRole('option').allTextContents()).toEqual(['Log']);
    await page.keyboard.press('Enter');
    await waitForCount(page.locator('.react-flow__edge'), 1);
    await waitUntil(
      async () =>
        (await page.locator('.flowloom-editor [aria-live="polite"]').textContent()) ===
        'Connected Manual Trigger to Log.',
    );
    // Focus is back on the handle the connection started from, not on <body>.
    expect(await focusedMatches(page, '.react-flow__handle.source')).toBe(true);

    // Execute: Tab back to the toolbar's Execute, Enter; focus moves to the panel.
    await tabTo(
      page,
      '.flowloom-toolbar .flowloom-split-button > .flowloom-button:first-child',
      true,
    );
    await page.keyboard.press('Enter');
    const panel = page.locator('.flowloom-execution-panel');
    await waitUntil(() => focusedMatches(page, '.flowloom-execution-panel'));
    await waitUntil(async () => (await panel.getAttribute('data-status')) === 'completed');

    const workflowId = new URL(page.url()).hash.replace('#/workflows/', '');
    expect(await lastRunStatus(harness, workflowId)).toBe('completed');
    const saved = await savedDocument(harness, workflowId);
    const [trigger, log] = ['manual_trigger', 'log'].map(
      (type) => saved.nodes.find((node) => node.type === type)!.id,
    );
    expect(saved.edges).toMatchObject([{ source: trigger, target: log }]);
    expect(saved.nodes.find((node) => node.type === 'log')!.data?.parameters?.message).toBe(
      'typed, not clicked',
    );

    // Closing the panel gives focus back to Execute, the button that opened it.
    await tabTo(page, '.flowloom-execution-panel button[aria-label="Close execution panel"]');
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(await describeFocus(page)).toMatch(/^button\..*Execute/);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('opens a workflow from the list with the keyboard and puts focus on its canvas', async () => {
    const { page } = harness;
    const saved = await harness.api<{ workflow_id: string }>('/editor/save', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Opened by keyboard',
        workflow_data: {
          nodes: [{ id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } }],
          edges: [],
        },
      }),
    });
    await page.goto(harness.url);
    await page.getByRole('table', { name: 'Saved workflows' }).waitFor({ timeout: UI_TIMEOUT });
    await tabTo(page, 'button[aria-label="Open Opened by keyboard"]');
    await page.keyboard.press('Enter');
    await waitForCount(canvasNodes(page), 1);
    expect(page.url()).toContain(saved.workflow_id);
    await waitUntil(() => focusedMatches(page, '.react-flow'));
    expect(await describeFocus(page)).not.toBe('body');
    expect(harness.consoleErrors).toEqual([]);
  });
});
