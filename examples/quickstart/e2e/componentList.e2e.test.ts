import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { canvasNodes, toolbarButton, UI_TIMEOUT } from './editorActions';
import { saveThroughApi, waitUntil } from './workbenchKit';

const harness = setupEditorHarness();

const COMPONENTS = /\/api\/workflow\/components(\?|$)/;

/** Manual Trigger → HTTP Request, whose Success and Error handles each lead to a Log. */
function saveBranches(name: string): Promise<string> {
  return saveThroughApi(
    harness,
    name,
    [
      { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
      {
        id: 'fetch',
        type: 'http_request',
        position: { x: 300, y: 0 },
        data: { parameters: { url: 'https://example.com' } },
      },
      {
        id: 'ok',
        type: 'log',
        position: { x: 600, y: -100 },
        data: { parameters: { message: 'ok' } },
      },
      {
        id: 'failed',
        type: 'log',
        position: { x: 600, y: 140 },
        data: { parameters: { message: 'failed' } },
      },
    ],
    [
      { id: 'e1', source: 'start', target: 'fetch' },
      { id: 'ok', source: 'fetch', sourceHandle: 'success', target: 'ok' },
      { id: 'error', source: 'fetch', sourceHandle: 'error', target: 'failed' },
    ],
  );
}

const edgeIds = (page: Page) =>
  page
    .locator('.react-flow__edge')
    .evaluateAll((edges) => edges.map((edge) => (edge as HTMLElement).dataset.id ?? '').sort());

describe('the canvas and the component list', () => {
  it('draws a workflow that loads before the component list once the list is known: no node shown unknown, every edge, fitted', async () => {
    const { page } = harness;
    const id = await saveBranches('Slow component list');
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    let workflowLoaded = false;
    page.on('response', (response) => {
      if (response.url().includes('/editor/load/')) workflowLoaded = true;
    });
    await page.route(COMPONENTS, async (route: Route) => {
      await held;
      await route.continue();
    });

    await page.goto(`${harness.url}/#/workflows/${encodeURIComponent(id)}`);
    await waitUntil(async () => workflowLoaded);
    await page.getByText('Loading components…').waitFor({ timeout: UI_TIMEOUT });
    // Loaded, but not drawn: its nodes' handles are not known yet.
    expect(await canvasNodes(page).count()).toBe(0);
    expect(await page.locator('.flowloom-canvas[aria-busy="true"]').count()).toBe(1);

    answer();
    await waitUntil(async () => (await canvasNodes(page).count()) === 4);
    expect(await page.locator('.flowloom-node--unknown').count()).toBe(0);
    await waitUntil(async () => (await edgeIds(page)).length >= 3);
    expect(await edgeIds(page)).toEqual(['e1', 'error', 'ok']);
    // The view is fitted to the nodes drawn late.
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    await waitUntil(async () => {
      const boxes = await canvasNodes(page).evaluateAll((nodes) =>
        nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect),
      );
      return boxes.every(
        (box) =>
          box.left >= canvas.x &&
          box.top >= canvas.y &&
          box.right <= canvas.x + canvas.width &&
          box.bottom <= canvas.y + canvas.height,
      );
    });
    expect(harness.consoleErrors).toEqual([]);
  });

  it('draws an edge again when a refetched list gives its node the handle it leaves from', async () => {
    const { page } = harness;
    const id = await saveBranches('Refetched component list');
    let served = 0;
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    // The first list names HTTP Request's Error handle differently; the next one, held until
    // the reopened workflow is drawn, as the server does.
    await page.route(COMPONENTS, async (route: Route) => {
      served += 1;
      if (served > 1) {
        await held;
        return route.continue();
      }
      const response = await route.fetch();
      const body = (await response.json()) as {
        components: Array<{ type: string; output_handles: Array<{ id: string }> }>;
      };
      for (const handle of body.components.find((c) => c.type === 'http_request')!.output_handles) {
        if (handle.id === 'error') handle.id = 'failure';
      }
      return route.fulfill({ response, json: body });
    });

    await page.goto(`${harness.url}/#/workflows/${encodeURIComponent(id)}`);
    await waitUntil(async () => (await canvasNodes(page).count()) === 4);
    await waitUntil(async () => (await edgeIds(page)).length >= 2);
    expect(await edgeIds(page)).toEqual(['e1', 'ok']);

    // Reopened, the editor shows the list it holds at once and asks the server again.
    await toolbarButton(page, 'Back').click();
    await page
      .getByRole('table', { name: 'Saved workflows' })
      .getByRole('button', { name: 'Open Refetched component list', exact: true })
      .click();
    await waitUntil(async () => served >= 2);
    await waitUntil(async () => (await canvasNodes(page).count()) === 4);
    await waitUntil(async () => (await edgeIds(page)).length >= 2);
    expect(await edgeIds(page)).toEqual(['e1', 'ok']);
    answer();
    await waitUntil(async () => (await edgeIds(page)).length >= 3);
    expect(await edgeIds(page)).toEqual(['e1', 'error', 'ok']);
  });
});
