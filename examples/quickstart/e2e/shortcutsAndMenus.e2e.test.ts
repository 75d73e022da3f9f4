import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { canvasNodes, handleOf, UI_TIMEOUT, waitForCount } from './editorActions';
import {
  nodeBoxes,
  nodeById,
  openNewEditor,
  openNodeMenu,
  openWorkflow,
  recordPosts,
  saveChainThroughApi,
  waitUntil,
} from './workbenchKit';

const harness = setupEditorHarness();

/** Manual Trigger → Log, saved through the API. */
function saveTwoSteps(name: string): Promise<string> {
  return saveChainThroughApi(harness, name, [
    { id: 'say', type: 'log', parameters: { message: 'hi' } },
  ]);
}

const selectedIds = () =>
  harness.page
    .locator('.react-flow__node.selected')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.id).sort());

/** A click on an empty spot of the pane, so the canvas has the keyboard. */
const clickPane = () =>
  harness.page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });

describe('keyboard shortcuts', () => {
  it('Ctrl+A selects all, Ctrl+D duplicates, Ctrl+X cuts, Ctrl+S saves and Ctrl+Enter executes', async () => {
    const { page } = harness;
    const id = await saveTwoSteps('Shortcuts');
    await openWorkflow(page, harness.url, id, 2);
    const saves = recordPosts(page, /\/editor\/save$/);
    const executes = recordPosts(page, /\/execute$/);
    await clickPane();

    await page.keyboard.press('Control+a');
    await waitUntil(async () => (await selectedIds()).length === 2);

    await page.keyboard.press('Control+d');
    await waitForCount(canvasNodes(page), 4);
    expect(await selectedIds()).toEqual(['log_1', 'manual_trigger_1']);
    // The copied edge is drawn once its new nodes have been measured.
    await waitForCount(page.locator('.react-flow__edge'), 2);

    await page.keyboard.press('Control+x');
    await waitForCount(canvasNodes(page), 2);
    await clickPane();
    await page.keyboard.press('Control+v');
    await waitForCount(canvasNodes(page), 4);

    await page.keyboard.press('Control+s');
    await waitUntil(async () => saves.length === 1);
    expect((saves[0]!.workflow_data as { nodes: unknown[] }).nodes).toHaveLength(4);

    await clickPane();
    await page.keyboard.press('Control+Enter');
    await waitUntil(async () => executes.length === 1);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('leaves the shortcuts alone while typing in a field', async () => {
    const { page } = harness;
    const id = await saveTwoSteps('Typing');
    await openWorkflow(page, harness.url, id, 2);
    const saves = recordPosts(page, /\/editor\/save$/);
    const name = page.getByLabel('Workflow name');
    await name.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+d');
    await page.keyboard.press('Control+s');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('Renamed');
    expect(await name.inputValue()).toBe('Renamed');
    expect(await selectedIds()).toEqual([]);
    expect(await canvasNodes(page).count()).toBe(2);
    await page.waitForTimeout(300);
    expect(saves).toEqual([]);
  });
});

describe('context menus and the component picker', () => {
  it('a node’s menu duplicates, copies and deletes it', async () => {
    const { page } = harness;
    const id = await saveTwoSteps('Node menu');
    await openWorkflow(page, harness.url, id, 2);
    let menu = await openNodeMenu(page, 'say');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Run up to here',
      'Connect to…',
      'DuplicateCtrl+D',
      'Disable',
      'CopyCtrl+C',
      'DeleteDel',
    ]);
    await menu.getByRole('menuitem', { name: /Duplicate/ }).click();
    await waitForCount(canvasNodes(page), 3);

    menu = await openNodeMenu(page, 'say');
    await menu.getByRole('menuitem', { name: /Delete/ }).click();
    await waitForCount(canvasNodes(page), 2);
    expect(await nodeById(page, 'say').count()).toBe(0);

    menu = await openNodeMenu(page, 'start');
    await menu.getByRole('menuitem', { name: /Copy/ }).click();
    // The pane's menu pastes the copy where it was opened.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + 500, pane.y + 350, { button: 'right' });
    const paneMenu = page.getByRole('menu', { name: 'Canvas actions' });
    await paneMenu.waitFor({ timeout: UI_TIMEOUT });
    await paneMenu.getByRole('menuitem', { name: /Paste/ }).click();
    await waitForCount(canvasNodes(page), 3);
    const pasted = (await nodeBoxes(page)).manual_trigger_1!;
    expect(Math.abs(pasted.x - (pane.x + 500))).toBeLessThan(3);
    expect(Math.abs(pasted.y - (pane.y + 350))).toBeLessThan(3);

    // And its Auto-layout lays the graph out.
    const before = JSON.stringify(await nodeBoxes(page));
    await page.mouse.click(pane.x + 100, pane.y + 500, { button: 'right' });
    await page.getByRole('menuitem', { name: 'Auto-layout' }).click();
    await waitUntil(async () => JSON.stringify(await nodeBoxes(page)) !== before);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('the canvas’s menu adds a node from a searchable picker, with the keyboard', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + 200, pane.y + 150, { button: 'right' });
    const menu = page.getByRole('menu', { name: 'Canvas actions' });
    await menu.waitFor({ timeout: UI_TIMEOUT });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Add node…',
      'PasteCtrl+V',
      'Auto-layout',
    ]);
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: 'Add a step' });
    await picker.waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.type('dela');
    expect(await picker.getByRole('option').allTextContents()).toEqual(['Delay']);
    await page.keyboard.press('Enter');
    await waitForCount(canvasNodes(page), 1);
    const box = (await nodeBoxes(page)).delay_1!;
    expect(Math.abs(box.x + box.width / 2 - (pane.x + 200))).toBeLessThan(3);
    expect(await picker.count()).toBe(0);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('a connection dropped on the empty canvas opens the picker and inserts the chosen node connected', async () => {
    const { page } = harness;
    const id = await saveTwoSteps('Drop a connection');
    await openWorkflow(page, harness.url, id, 2);
    const from = (await handleOf(nodeById(page, 'say'), 'output').boundingBox())!;
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    // Down and to the left: empty canvas, clear of the minimap and the panel.
    await page.mouse.move(start.x - 120, start.y + 80, { steps: 10 });
    await page.mouse.move(start.x - 250, start.y + 150, { steps: 10 });
    await page.mouse.up();
    const picker = page.getByRole('dialog', { name: 'Add a connected step' });
    await picker.waitFor({ timeout: UI_TIMEOUT });
    // Triggers take no input: they are not offered here.
    expect(await picker.getByRole('option', { name: 'Manual Trigger' }).count()).toBe(0);
    await picker.getByRole('combobox').fill('transf');
    await picker.getByRole('option', { name: 'Transform' }).click();
    await waitForCount(canvasNodes(page), 3);
    await waitForCount(page.locator('.react-flow__edge'), 2);
    const edge = page.locator('.react-flow__edge[data-id*="say.output-transform_1"]');
    expect(await edge.count()).toBe(1);
    expect(await selectedIds()).toEqual(['transform_1']);
    expect(harness.consoleErrors).toEqual([]);
  });
});
