import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { toolbarButton } from './editorActions';
import { nodeBoxes, openWorkflow, saveThroughApi, waitUntil } from './workbenchKit';

const harness = setupEditorHarness();

/**
 * Points of an edge's drawn path that fall inside a node's box (shrunk by a few pixels, so the
 * handle the edge leaves from on the border does not count), in page coordinates.
 */
function pointsInsideNode(edgeId: string, nodeId: string): Promise<number> {
  return harness.page.evaluate(
    ([edge, node]) => {
      const path = document.querySelector<SVGPathElement>(
        `.react-flow__edge[data-id="${edge}"] path.react-flow__edge-path`,
      );
      const box = document
        .querySelector(`.react-flow__node[data-id="${node}"]`)
        ?.getBoundingClientRect();
      const matrix = path?.getScreenCTM();
      if (!path || !box || !matrix) throw new Error(`No edge ${edge} or node ${node}`);
      const length = path.getTotalLength();
      let inside = 0;
      for (let step = 0; step <= 100; step += 1) {
        const point = path.getPointAtLength((length * step) / 100).matrixTransform(matrix);
        const margin = 4;
        if (
          point.x > box.left + margin &&
          point.x < box.right - margin &&
          point.y > box.top + margin &&
          point.y < box.bottom - margin
        ) {
          inside += 1;
        }
      }
      return inside;
    },
    [edgeId, nodeId],
  );
}

describe('auto-layout and branches leaving from below', () => {
  it('after auto-layout, no edge from a False or Error handle runs behind its node', async () => {
    const { page } = harness;
    const id = await saveThroughApi(
      harness,
      'Branches',
      [
        { id: 'start', type: 'manual_trigger', data: { parameters: {} } },
        { id: 'check', type: 'condition', data: { parameters: { left: '{{ input.a }}' } } },
        { id: 'no', type: 'log', data: { parameters: { message: 'no' } } },
        { id: 'fetch', type: 'http_request', data: { parameters: { url: 'https://example.com' } } },
        { id: 'failed', type: 'log', data: { parameters: { message: 'failed' } } },
        { id: 'yes', type: 'log', data: { parameters: { message: 'yes' } } },
      ],
      [
        { id: 'e1', source: 'start', target: 'check' },
        // Only False is taken from the Condition: dagre alone lines its target up with it.
        { id: 'false', source: 'check', sourceHandle: 'false', target: 'no' },
        { id: 'e2', source: 'start', target: 'fetch' },
        { id: 'error', source: 'fetch', sourceHandle: 'error', target: 'failed' },
        { id: 'ok', source: 'fetch', sourceHandle: 'success', target: 'yes' },
      ],
    );
    await openWorkflow(page, harness.url, id, 6);
    const before = JSON.stringify(await nodeBoxes(page));
    await toolbarButton(page, 'Auto-layout').click();
    await waitUntil(async () => JSON.stringify(await nodeBoxes(page)) !== before);
    // Let the fit-view animation end before reading the drawing.
    await page.waitForTimeout(600);
    expect(await pointsInsideNode('false', 'check')).toBe(0);
    expect(await pointsInsideNode('error', 'fetch')).toBe(0);
    // The Error branch is laid out below the Success branch, as the handles sit.
    const boxes = await nodeBoxes(page);
    expect(boxes.failed!.y).toBeGreaterThan(boxes.yes!.y);
    expect(harness.consoleErrors).toEqual([]);
  });
});
