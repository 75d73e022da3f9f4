import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { toolbarButton, toolbarMessage, UI_TIMEOUT } from './editorActions';
import { nodeById, openWorkflow, saveThroughApi, selectNodeById, waitUntil } from './workbenchKit';

const harness = setupEditorHarness();

// The light theme's --flowloom-warning and --flowloom-danger (shades that read at 4.5:1).
const WARNING = 'rgb(180, 83, 9)';
const DANGER = 'rgb(185, 28, 28)';

describe('validation on the canvas', () => {
  it('names the nodes of repeated problems, keeps the toolbar still, and a problem in the list leads to its field', async () => {
    const { page } = harness;
    const id = await saveThroughApi(
      harness,
      'Two empty logs',
      [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
        { id: 'log_1', type: 'log', position: { x: 300, y: -80 }, data: { parameters: {} } },
        { id: 'log_2', type: 'log', position: { x: 300, y: 120 }, data: { parameters: {} } },
      ],
      [
        { id: 'e1', source: 'start', target: 'log_1' },
        { id: 'e2', source: 'start', target: 'log_2' },
      ],
    );
    await openWorkflow(page, harness.url, id, 3);
    const toolbar = page.getByRole('toolbar', { name: 'Workflow' });
    const before = (await toolbar.boundingBox())!;
    const executeBefore = (await toolbarButton(page, 'Execute').boundingBox())!;

    await toolbarButton(page, 'Save').click();
    await toolbarMessage(page)
      .getByText('Workflow saved successfully!')
      .waitFor({ timeout: UI_TIMEOUT });
    await toolbarButton(page, 'Execute').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cannot execute' });
    await alert.waitFor({ timeout: UI_TIMEOUT });
    expect(await alert.locator('li').allTextContents()).toEqual([
      'Log (log_1): Message is required',
      'Log (log_2): Message is required',
    ]);
    // The message sits over the canvas: the toolbar and its buttons did not move.
    expect(await toolbar.boundingBox()).toEqual(before);
    expect(await toolbarButton(page, 'Execute').boundingBox()).toEqual(executeBefore);

    // Both nodes carry the error mark; the toolbar counts the problems and leads to the list.
    expect(await page.locator('.flowloom-node--invalid').count()).toBe(2);
    await page.getByRole('button', { name: '2 errors' }).click();
    const list = page.getByRole('region', { name: /Problems/ });
    await list.waitFor({ timeout: UI_TIMEOUT });
    await waitUntil(() =>
      page.evaluate(() => document.activeElement?.closest('.flowloom-problems') !== null),
    );
    expect(await list.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Log (log_1)',
      'Log (log_2)',
    ]);
    await list
      .getByRole('button', { name: /Message is required/ })
      .nth(1)
      .click();
    await waitUntil(async () =>
      (await nodeById(page, 'log_2').getAttribute('class'))!.includes('selected'),
    );
    await waitUntil(() =>
      page.evaluate(
        () =>
          (document.activeElement?.closest('[data-parameter]') as HTMLElement | null)?.dataset
            .parameter === 'message',
      ),
    );
    expect(await page.locator('.flowloom-parameter-form__type').textContent()).toContain('log_2');
    expect(harness.consoleErrors).toEqual([]);
  });

  it('shows a warning in amber, not red, on the node, in its form and in the list', async () => {
    const { page } = harness;
    const id = await saveThroughApi(
      harness,
      'Lonely log',
      [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
        {
          id: 'lonely',
          type: 'log',
          position: { x: 300, y: 0 },
          data: { parameters: { message: 'hi' } },
        },
      ],
      [],
    );
    await openWorkflow(page, harness.url, id, 2);
    await toolbarButton(page, 'Save').click();
    await toolbarMessage(page)
      .getByText('Workflow saved successfully!')
      .waitFor({ timeout: UI_TIMEOUT });

    const node = nodeById(page, 'lonely');
    await node.locator('.flowloom-node__warning-mark').waitFor({ timeout: UI_TIMEOUT });
    expect(await node.locator('.flowloom-node__error-mark').count()).toBe(0);
    const colorOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => getComputedStyle(element).color);
    const item = '.flowloom-problems .flowloom-problem';
    expect(await colorOf(item)).toBe(WARNING);
    expect(await page.locator(item).textContent()).toContain('cannot be reached from a trigger');

    await selectNodeById(page, 'lonely');
    const warnings = page.getByRole('list', { name: 'Node warnings' });
    expect(await warnings.evaluate((element) => getComputedStyle(element).color)).toBe(WARNING);
    expect(await page.getByRole('list', { name: 'Node problems' }).count()).toBe(0);
    expect(await warnings.evaluate((element) => getComputedStyle(element).color)).not.toBe(DANGER);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('marks a cycle saved through the API on its nodes and edges as soon as it opens', async () => {
    const { page } = harness;
    const id = await saveThroughApi(
      harness,
      'Loop',
      [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
        {
          id: 'a',
          type: 'log',
          position: { x: 300, y: 0 },
          data: { parameters: { message: 'a' } },
        },
        {
          id: 'b',
          type: 'log',
          position: { x: 600, y: 0 },
          data: { parameters: { message: 'b' } },
        },
      ],
      [
        { id: 'in', source: 'start', target: 'a' },
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'ba', source: 'b', target: 'a' },
      ],
    );
    await openWorkflow(page, harness.url, id, 3);
    await waitUntil(async () => (await page.locator('.flowloom-node--invalid').count()) === 2);
    expect(await nodeById(page, 'start').locator('.flowloom-node--invalid').count()).toBe(0);
    // Edges are drawn once their nodes have been measured, after the nodes' marks.
    const invalidEdgeLocator = page.locator('.react-flow__edge.flowloom-edge--invalid');
    await waitUntil(async () => (await invalidEdgeLocator.count()) >= 2);
    const invalidEdges = await invalidEdgeLocator.evaluateAll((edges) =>
      edges.map((edge) => (edge as HTMLElement).dataset.id).sort(),
    );
    expect(invalidEdges).toEqual(['ab', 'ba']);
    expect(await page.locator('.flowloom-problems').textContent()).toContain('cycle');
    expect(harness.consoleErrors).toEqual([]);
  });
});
