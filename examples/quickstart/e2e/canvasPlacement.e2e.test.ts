import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { canvasNodes, paletteEntry, waitForCount } from './editorActions';
import { nodeBoxes, openNewEditor, overlap, waitUntil } from './workbenchKit';

const harness = setupEditorHarness();

describe('where new nodes land', () => {
  it('palette clicks put each new node in a free spot near the centre, never on another', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);
    for (let added = 1; added <= 4; added += 1) {
      await paletteEntry(page, 'Log').click();
      await waitForCount(canvasNodes(page), added);
    }
    const boxes = Object.values(await nodeBoxes(page));
    for (const [at, box] of boxes.entries()) {
      for (const other of boxes.slice(at + 1)) expect(overlap(box, other)).toBe(false);
    }
    // All of them on screen, around the canvas's centre.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(pane.x);
      expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
      expect(box.y).toBeGreaterThanOrEqual(pane.y);
      expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
    }
    expect(harness.consoleErrors).toEqual([]);
  });

  it('a paste lands beside the original without covering it, and is the selection', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);
    await paletteEntry(page, 'Log').click();
    await waitForCount(canvasNodes(page), 1);
    await page.locator('.react-flow__node[data-id="log_1"] .flowloom-node__header').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await waitForCount(canvasNodes(page), 2);
    const boxes = await nodeBoxes(page);
    expect(overlap(boxes.log_1!, boxes.log_2!)).toBe(false);
    expect(
      Math.hypot(boxes.log_2!.x - boxes.log_1!.x, boxes.log_2!.y - boxes.log_1!.y),
    ).toBeLessThan(300);
    expect(
      await page
        .locator('.react-flow__node.selected')
        .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.id)),
    ).toEqual(['log_2']);
    // A second paste goes beside the first one, not onto it.
    await page.keyboard.press('Control+v');
    await waitForCount(canvasNodes(page), 3);
    const again = await nodeBoxes(page);
    expect(overlap(again.log_3!, again.log_2!)).toBe(false);
    expect(overlap(again.log_3!, again.log_1!)).toBe(false);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('the first drop on an empty canvas lands under the pointer and stays there', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const drop = { x: 160, y: 140 };
    await paletteEntry(page, 'Manual Trigger').dragTo(page.locator('.react-flow__pane'), {
      targetPosition: drop,
    });
    await waitForCount(canvasNodes(page), 1);
    // Longer than any fit-view animation: the node must not move afterwards.
    await page.waitForTimeout(600);
    const box = Object.values(await nodeBoxes(page))[0]!;
    expect(Math.abs(box.x + box.width / 2 - (pane.x + drop.x))).toBeLessThan(3);
    expect(Math.abs(box.y + box.height / 2 - (pane.y + drop.y))).toBeLessThan(3);
    // And a second drop lands under the pointer too.
    await paletteEntry(page, 'Log').dragTo(page.locator('.react-flow__pane'), {
      targetPosition: { x: 520, y: 300 },
    });
    await waitForCount(canvasNodes(page), 2);
    await waitUntil(async () => Object.keys(await nodeBoxes(page)).length === 2);
    const log = (await nodeBoxes(page)).log_1!;
    expect(Math.abs(log.x + log.width / 2 - (pane.x + 520))).toBeLessThan(3);
    expect(harness.consoleErrors).toEqual([]);
  });
});
