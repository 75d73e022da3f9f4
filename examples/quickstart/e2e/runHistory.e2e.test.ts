import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import {
  buildWorkflowByMouse,
  canvasNodes,
  nodeOfType,
  toolbarButton,
  toolbarMessage,
  UI_TIMEOUT,
} from './editorActions';
import { openNewEditor } from './workbenchKit';

const harness = setupEditorHarness();

interface RunSummary {
  instance_id: string;
  status: string;
  workflow_id: string | null;
  workflow_version: number | null;
}

interface SavedWorkflow {
  workflow_id: string;
  name: string;
  version: number;
  workflow_data: {
    nodes: { id: string; type: string; data: { parameters: Record<string, unknown> } }[];
    edges: { source: string; sourceHandle?: string | null; target: string }[];
  };
}

/** Builds Manual Trigger → HTTP Request → Log on a new editor, saves it, returns its id. */
async function buildAndSave(page: Page, name: string): Promise<string> {
  await openNewEditor(page, harness.url);
  await buildWorkflowByMouse(page, {
    name,
    url: harness.demoOrderUrl(7),
    message: 'Order total: {{ steps.http_request_1.body.total }}',
  });
  await toolbarButton(page, 'Save').click();
  await toolbarMessage(page)
    .getByText('Workflow saved successfully!')
    .waitFor({ timeout: UI_TIMEOUT });
  const id = /#\/workflows\/([^/]+)$/.exec(page.url())?.[1];
  if (!id) throw new Error(`No workflow id in ${page.url()}`);
  return decodeURIComponent(id);
}

/** The workflow's runs, newest first, once `count` of them have completed. */
async function completedRuns(workflowId: string, count: number): Promise<RunSummary[]> {
  const query = `/instances?workflow_id=${encodeURIComponent(workflowId)}`;
  await expect
    .poll(
      async () =>
        (await harness.api<{ instances: RunSummary[] }>(query)).instances.filter(
          (run) => run.status === 'completed',
        ).length,
      { timeout: UI_TIMEOUT },
    )
    .toBe(count);
  return (await harness.api<{ instances: RunSummary[] }>(query)).instances;
}

/**
 * Clicks Execute and waits until the panel follows the new run and the toolbar can run again
 * ("Execution started." clears once a run ends, so a quick run may never show it).
 */
async function execute(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Execution' });
  const before = (await panel.count()) > 0 ? await panel.getAttribute('data-instance-id') : null;
  const button = toolbarButton(page, 'Execute');
  await button.click();
  await expect
    .poll(
      async () =>
        (await panel.count()) > 0 && (await panel.getAttribute('data-instance-id')) !== before,
      { timeout: UI_TIMEOUT },
    )
    .toBe(true);
  await expect.poll(() => button.isEnabled(), { timeout: UI_TIMEOUT }).toBe(true);
}

describe('run history and versions', () => {
  it('Execute twice without edits: the saved version stays 1 and both runs list under the workflow', async () => {
    const { page } = harness;
    const workflowId = await buildAndSave(page, 'Run twice');

    await execute(page);
    await completedRuns(workflowId, 1);
    await execute(page);
    const runs = await completedRuns(workflowId, 2);

    const { versions } = await harness.api<{ versions: { version: number }[] }>(
      `/workflows/${encodeURIComponent(workflowId)}/versions`,
    );
    expect(versions.map((entry) => entry.version)).toEqual([1]);
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      expect(run).toMatchObject({ workflow_id: workflowId, workflow_version: 1 });
    }
    expect(new Set(runs.map((run) => run.instance_id)).size).toBe(2);
    // The panel follows the second run.
    const panel = page.getByRole('region', { name: 'Execution' });
    await expect
      .poll(() => panel.getAttribute('data-status'), { timeout: UI_TIMEOUT })
      .toBe('completed');
    expect(harness.consoleErrors).toEqual([]);
  });

  it('Export downloads <name>.flowloom.json, and Import opens it as a new workflow', async () => {
    const { page } = harness;
    const name = 'Round trip';
    const originalId = await buildAndSave(page, name);

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI_TIMEOUT }),
      toolbarButton(page, 'Export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${name}.flowloom.json`);
    const filePath = await download.path();
    const file = JSON.parse(readFileSync(filePath, 'utf8'));
    expect(file).toMatchObject({ flowloom_version: 1, name });
    expect(file).toEqual(await harness.api(`/workflows/${encodeURIComponent(originalId)}/export`));

    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: UI_TIMEOUT }),
      toolbarButton(page, 'Import').click(),
    ]);
    await chooser.setFiles(filePath);
    await toolbarMessage(page)
      .getByText(`Imported "${name}" as a new workflow.`)
      .waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => canvasNodes(page).count(), { timeout: UI_TIMEOUT }).toBe(3);
    await nodeOfType(page, 'log').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByLabel('Workflow name').inputValue()).toBe(name);

    // A second workflow, holding what the first one held.
    const { workflows } = await harness.api<{ workflows: { workflow_id: string; name: string }[] }>(
      '/editor/list',
    );
    const copies = workflows.filter((workflow) => workflow.name === name);
    expect(copies).toHaveLength(2);
    const importedId = copies.find((workflow) => workflow.workflow_id !== originalId)!.workflow_id;
    const original = await harness.api<SavedWorkflow>(`/editor/load/${originalId}`);
    const imported = await harness.api<SavedWorkflow>(`/editor/load/${importedId}`);
    expect(imported.version).toBe(1);
    const shape = (workflow: SavedWorkflow) => ({
      nodes: workflow.workflow_data.nodes.map(({ id, type, data }) => ({ id, type, data })),
      edges: workflow.workflow_data.edges.map(({ source, sourceHandle, target }) => ({
        source,
        sourceHandle,
        target,
      })),
    });
    expect(shape(imported)).toEqual(shape(original));

    // The editor now edits the imported copy: a save makes its version 2, not the original's.
    await page.getByLabel('Workflow name').fill(`${name} (copy)`);
    await toolbarButton(page, 'Save').click();
    await toolbarMessage(page)
      .getByText('Workflow saved successfully!')
      .waitFor({ timeout: UI_TIMEOUT });
    expect((await harness.api<SavedWorkflow>(`/editor/load/${importedId}`)).version).toBe(2);
    expect((await harness.api<SavedWorkflow>(`/editor/load/${originalId}`)).version).toBe(1);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('Import refuses a file that is not a workflow file, with a clear message', async () => {
    const { page } = harness;
    await buildAndSave(page, 'Kept as it is');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: UI_TIMEOUT }),
      toolbarButton(page, 'Import').click(),
    ]);
    await chooser.setFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('these are notes, not JSON'),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'not JSON' });
    await alert.waitFor({ timeout: UI_TIMEOUT });
    expect(await alert.textContent()).toBe(
      'This file is not JSON, so it is not a Flowloom workflow file.',
    );
    expect(await page.getByLabel('Workflow name').inputValue()).toBe('Kept as it is');
    expect(harness.consoleErrors).toEqual([]);
  });
});
