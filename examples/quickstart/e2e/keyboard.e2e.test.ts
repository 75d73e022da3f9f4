import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import {
  canvasNodes,
  connectHandles,
  dragFromPalette,
  fillParameter,
  handleOf,
  nodeOfType,
  parameterInput,
  parameterText,
  waitForCount,
} from './editorActions';
import { openNewEditor } from './workbenchKit';

const harness = setupEditorHarness();

describe('keyboard shortcuts on the canvas', () => {
  it('Delete removes the selected node and its edge; Ctrl+Z brings them back; Ctrl+Shift+Z removes them again', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);
    await dragFromPalette(page, 'Manual Trigger', { x: 150, y: 150 });
    await dragFromPalette(page, 'Log', { x: 450, y: 150 });
    const trigger = nodeOfType(page, 'manual_trigger');
    const log = nodeOfType(page, 'log');
    await connectHandles(page, handleOf(trigger, 'output'), handleOf(log, 'input'));
    const edges = page.locator('.react-flow__edge');

    await log.locator('.flowloom-node__header').click();
    await page.keyboard.press('Delete');
    await waitForCount(canvasNodes(page), 1);
    await waitForCount(edges, 0);
    expect(await log.count()).toBe(0);

    await page.keyboard.press('Control+z');
    await waitForCount(canvasNodes(page), 2);
    await waitForCount(edges, 1);
    expect(await log.count()).toBe(1);

    await page.keyboard.press('Control+Shift+z');
    await waitForCount(canvasNodes(page), 1);
    await waitForCount(edges, 0);

    await page.keyboard.press('Control+z');
    await waitForCount(canvasNodes(page), 2);
    await waitForCount(edges, 1);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('Ctrl+Z undoes an added node and Ctrl+Y redoes it; typing in a field is left alone', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);
    await dragFromPalette(page, 'Manual Trigger', { x: 150, y: 150 });
    await dragFromPalette(page, 'Log', { x: 450, y: 150 });

    // Backspace inside the Log's message field edits the text, not the canvas.
    await fillParameter(page, 'message', 'hello');
    await parameterInput(page, 'message').press('Backspace');
    expect(await parameterText(page, 'message')).toBe('hell');
    await waitForCount(canvasNodes(page), 2);

    // Back on the canvas: undo the message edit, then the Log node itself.
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    let undos = 0;
    while ((await canvasNodes(page).count()) === 2 && undos < 10) {
      await page.keyboard.press('Control+z');
      undos += 1;
    }
    await waitForCount(canvasNodes(page), 1);
    expect(await nodeOfType(page, 'log').count()).toBe(0);
    await page.keyboard.press('Control+y');
    await waitForCount(canvasNodes(page), 2);
    expect(await nodeOfType(page, 'log').count()).toBe(1);
    expect(harness.consoleErrors).toEqual([]);
  });
});
