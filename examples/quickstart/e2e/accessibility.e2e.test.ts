import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { UI_TIMEOUT } from './editorActions';
import { openWorkflow, saveThroughApi, waitUntil } from './workbenchKit';

// axe-core needs a page of `browser.newContext()` (TOOLCHAIN.md).
const harness = setupEditorHarness({ freshContexts: true });

/** The serious and critical violations axe-core finds on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')} ${node.failureSummary ?? ''}`,
      ),
    );
}

async function saveSample(name: string): Promise<string> {
  return saveThroughApi(
    harness,
    name,
    [
      { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
      {
        id: 'check',
        type: 'condition',
        position: { x: 300, y: 0 },
        data: { parameters: { left: '{{ input.count }}', operator: 'equals', right: 1 } },
      },
      {
        id: 'say',
        type: 'log',
        position: { x: 600, y: 0 },
        data: { parameters: { message: 'more than one' } },
      },
    ],
    [
      { id: 'e1', source: 'start', target: 'check' },
      { id: 'e2', source: 'check', sourceHandle: 'true', target: 'say' },
    ],
  );
}

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
  it('finds no serious or critical violation on the workflow list', async () => {
    const { page } = harness;
    await saveSample(`List (${theme})`);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(harness.url);
    await page.getByRole('table', { name: 'Saved workflows' }).waitFor({ timeout: UI_TIMEOUT });
    await waitUntil(async () => (await page.getByText('Never run').count()) > 0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds none on the editor, the execution panel and the run history', async () => {
    const { page } = harness;
    const workflowId = await saveSample(`Editor (${theme})`);
    await page.emulateMedia({ colorScheme: theme });
    await openWorkflow(page, harness.url, workflowId, 3);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // A node selected: its parameter form in the side panel.
    await page.locator('.react-flow__node[data-id="check"] .flowloom-node__header').click();
    await page.locator('.flowloom-parameter-form').waitFor({ timeout: UI_TIMEOUT });
    expect(await seriousViolations(page)).toEqual([]);

    // A run: the panel with its status, events, logs and timeline.
    await page
      .getByRole('toolbar', { name: 'Workflow' })
      .getByRole('button', { name: 'Execute', exact: true })
      .click();
    const panel = page.getByRole('region', { name: 'Execution' });
    await panel.waitFor({ timeout: UI_TIMEOUT });
    await waitUntil(async () => (await panel.getAttribute('data-status')) === 'completed');
    await page.locator('.flowloom-timeline').waitFor({ timeout: UI_TIMEOUT });
    expect(await seriousViolations(page)).toEqual([]);

    // Step data of the selected node, then the run history.
    await panel.getByRole('tab', { name: 'Step data' }).click();
    await panel.locator('.flowloom-inspector').waitFor({ timeout: UI_TIMEOUT });
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole('tab', { name: 'History' }).click();
    await panel.getByRole('table').waitFor({ timeout: UI_TIMEOUT });
    expect(await seriousViolations(page)).toEqual([]);
    expect(harness.consoleErrors).toEqual([]);
  });
});
