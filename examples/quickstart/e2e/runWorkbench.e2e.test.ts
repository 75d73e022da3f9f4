import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { canvasNodes, nodeOfType, toolbarButton, UI_TIMEOUT } from './editorActions';

const harness = setupEditorHarness();

/** Trigger → a labelled transform (a fixed order) → a labelled log: runs without the network. */
function orderWorkflow(message = 'Order {{ steps.shape.order.id }}') {
  return {
    nodes: [
      {
        id: 'start',
        type: 'manual_trigger',
        position: { x: 0, y: 0 },
        data: { parameters: {}, label: 'New order' },
      },
      {
        id: 'shape',
        type: 'transform',
        position: { x: 300, y: 0 },
        data: {
          parameters: { mapping: { order: { id: 'A-17', total: 240 } } },
          label: 'Shape order',
        },
      },
      {
        id: 'say',
        type: 'log',
        position: { x: 600, y: 0 },
        data: { parameters: { message }, label: 'Announce' },
      },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'shape' },
      { id: 'e2', source: 'shape', target: 'say' },
    ],
  };
}

/** The same workflow drawn as a tall column: a panel opened under it hides its end. */
function tallOrderWorkflow() {
  const workflow = orderWorkflow();
  return {
    ...workflow,
    nodes: workflow.nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 450 } })),
  };
}

/** Saves a workflow through the API and opens it in the editor; resolves to its id. */
async function openSaved(page: Page, name: string, workflow = orderWorkflow()): Promise<string> {
  const saved = await harness.api<{ workflow_id: string }>('/editor/save', {
    method: 'POST',
    body: JSON.stringify({ name, workflow_data: workflow }),
  });
  await page.goto(`${harness.url}/#/workflows/${encodeURIComponent(saved.workflow_id)}`);
  await expect.poll(() => canvasNodes(page).count(), { timeout: UI_TIMEOUT }).toBe(3);
  return saved.workflow_id;
}

/** The execution panel (once loaded). */
function panelOf(page: Page): Locator {
  return page.getByRole('region', { name: 'Execution' });
}

/** Clicks Execute and waits for the run to complete; resolves to the panel. */
async function executeToEnd(page: Page): Promise<Locator> {
  const panel = panelOf(page);
  const before = (await panel.count()) > 0 ? await panel.getAttribute('data-instance-id') : null;
  const execute = toolbarButton(page, 'Execute');
  await expect.poll(() => execute.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
  await execute.click();
  await panel.waitFor({ timeout: UI_TIMEOUT });
  // The panel follows the new run: another instance, completed.
  await expect
    .poll(
      async () =>
        (await panel.getAttribute('data-instance-id')) !== before &&
        (await panel.getAttribute('data-status')),
      { timeout: UI_TIMEOUT },
    )
    .toBe('completed');
  return panel;
}

/** Each canvas node's run status, by node id. */
function nodeStatuses(page: Page): Promise<Record<string, string | null>> {
  return canvasNodes(page).evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((node) => [
        node.getAttribute('data-id'),
        node.querySelector('.flowloom-node')?.getAttribute('data-status') ?? null,
      ]),
    ),
  );
}

/** Opens the execution panel from the bar under the canvas, if it is closed. */
async function openPanel(page: Page): Promise<Locator> {
  const runs = page.getByRole('button', { name: 'Runs', exact: true });
  if (await runs.isVisible()) await runs.click();
  const panel = panelOf(page);
  await panel.waitFor({ timeout: UI_TIMEOUT });
  return panel;
}

describe('the run side of the workbench', () => {
  it('opens one WebSocket for a run that the panel and the canvas both follow', async () => {
    const { page } = harness;
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await openSaved(page, 'One socket');
    const panel = await executeToEnd(page);
    await expect
      .poll(async () => Object.values(await nodeStatuses(page)), { timeout: UI_TIMEOUT })
      .toEqual(['completed', 'completed', 'completed']);
    const instanceId = await panel.getAttribute('data-instance-id');
    expect(sockets).toEqual([expect.stringContaining(`/ws/${instanceId}?since=0`)]);

    // The panel's rough edges: steps named by label, event names whole.
    const shapeRows = panel
      .getByRole('list', { name: 'Events' })
      .getByRole('button', { name: 'Shape order' });
    await expect.poll(() => shapeRows.count(), { timeout: UI_TIMEOUT }).toBe(2);
    const cut = await panel
      .locator('.flowloom-event__type')
      .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).length);
    expect(cut).toBe(0);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('shows a selected node’s input and output, and copies the expression of a value', async () => {
    const { page } = harness;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: harness.url,
    });
    await openSaved(page, 'Inspector');
    await executeToEnd(page);

    await nodeOfType(page, 'log').locator('.flowloom-node__header').click();
    const step = page.getByRole('region', { name: 'Step Announce' });
    await step.waitFor({ timeout: UI_TIMEOUT });
    const input = step.getByRole('list', { name: 'Input of Announce' });
    await expect
      .poll(() => input.getByRole('listitem').allTextContents())
      .toContain('message: "Order A-17"');

    await nodeOfType(page, 'transform').locator('.flowloom-node__header').click();
    const output = page.getByRole('list', { name: 'Output of Shape order' });
    await output.waitFor({ timeout: UI_TIMEOUT });
    await output.getByRole('button', { name: 'Expand order' }).click();
    await output.getByRole('button', { name: 'Copy {{ steps.shape.order.total }}' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: UI_TIMEOUT })
      .toBe('{{ steps.shape.order.total }}');
    expect(harness.consoleErrors).toEqual([]);
  });

  it('lists the workflow’s runs in History, and the timeline replays one on the canvas', async () => {
    const { page } = harness;
    await openSaved(page, 'History');
    await executeToEnd(page);
    const panel = await executeToEnd(page);
    const latest = await panel.getAttribute('data-instance-id');

    await panel.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'Run history' });
    const rows = history.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(2);
    expect(await rows.first().getAttribute('data-instance-id')).toBe(latest);
    const older = await rows.nth(1).getAttribute('data-instance-id');
    await rows
      .nth(1)
      .getByRole('button', { name: /^Open the run started/ })
      .click();
    await expect
      .poll(() => panel.getAttribute('data-instance-id'), { timeout: UI_TIMEOUT })
      .toBe(older);

    // Keyboard: Home is before the run started, each Arrow Right one event later.
    const slider = panel.getByRole('slider', { name: 'Timeline' });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect
      .poll(() => nodeStatuses(page), { timeout: UI_TIMEOUT })
      .toEqual({ start: null, shape: null, say: null });
    // execution_started, the trigger's start and end, the transform's start.
    for (let press = 0; press < 4; press += 1) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => nodeStatuses(page), { timeout: UI_TIMEOUT })
      .toEqual({ start: 'completed', shape: 'running', say: null });
    // Pointer: the slider's right end is the run as it ended.
    const box = await slider.boundingBox();
    if (!box) throw new Error('The timeline is not visible');
    await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
    await expect
      .poll(() => nodeStatuses(page), { timeout: UI_TIMEOUT })
      .toEqual({ start: 'completed', shape: 'completed', say: 'completed' });
    expect(harness.consoleErrors).toEqual([]);
  });

  it('remembers the panel’s size and keeps the graph visible above it', async () => {
    const { page } = harness;
    const workflowId = await openSaved(page, 'Resize', tallOrderWorkflow());
    await openPanel(page);
    const edge = page.getByRole('separator', { name: 'Resize the execution panel' });
    const before = Number(await edge.getAttribute('aria-valuenow'));
    const box = await edge.boundingBox();
    if (!box) throw new Error('The panel’s edge is not visible');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 120, { steps: 6 });
    await page.mouse.up();
    const dragged = Number(await edge.getAttribute('aria-valuenow'));
    expect(dragged).toBeGreaterThan(before + 100);
    await edge.focus();
    await page.keyboard.press('ArrowDown');
    const resized = Number(await edge.getAttribute('aria-valuenow'));
    expect(resized).toBe(dragged - 16);

    const canvasVisible = async () => {
      const area = await page.locator('.flowloom-editor__canvas-area').boundingBox();
      const dock = await page.locator('.flowloom-dock').boundingBox();
      const nodes = await canvasNodes(page).evaluateAll((elements) =>
        elements.map((element) => element.getBoundingClientRect().toJSON()),
      );
      if (!area || !dock) return false;
      return nodes.every(
        (node: DOMRect) =>
          node.top >= area.y - 1 &&
          node.bottom <= Math.min(area.y + area.height, dock.y) + 1 &&
          node.left >= area.x - 1 &&
          node.right <= area.x + area.width + 1,
      );
    };
    await expect.poll(canvasVisible, { timeout: UI_TIMEOUT }).toBe(true);

    await page.reload();
    await expect.poll(() => canvasNodes(page).count(), { timeout: UI_TIMEOUT }).toBe(3);
    await openPanel(page);
    expect(
      Number(
        await page
          .getByRole('separator', { name: 'Resize the execution panel' })
          .getAttribute('aria-valuenow'),
      ),
    ).toBe(resized);
    await expect.poll(canvasVisible, { timeout: UI_TIMEOUT }).toBe(true);
    expect(page.url()).toContain(encodeURIComponent(workflowId));
    expect(harness.consoleErrors).toEqual([]);
  });
});
