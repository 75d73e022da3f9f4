import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { canvasNodes, nodeOfType, waitForCount } from './editorActions';
import { openNewEditor } from './workbenchKit';

const harness = setupEditorHarness();

describe('an empty canvas', () => {
  it('says how to start and offers the triggers as one-click starts, by keyboard too', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);
    const hint = page.getByRole('region', { name: 'Getting started' });
    expect(await hint.getByText('Drag a trigger from the left to start').count()).toBe(1);
    expect(await hint.getByRole('button').allTextContents()).toEqual([
      'Start with Manual Trigger',
      'Start with Webhook Trigger',
      'Start with Schedule Trigger',
    ]);
    await hint.getByRole('button', { name: 'Start with Manual Trigger' }).focus();
    await page.keyboard.press('Enter');
    await waitForCount(canvasNodes(page), 1);
    expect(await nodeOfType(page, 'manual_trigger').count()).toBe(1);
    expect(await hint.count()).toBe(0);
    // Undo empties the canvas: the hint is back.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await waitForCount(canvasNodes(page), 0);
    expect(await hint.count()).toBe(1);
    expect(harness.consoleErrors).toEqual([]);
  });
});
