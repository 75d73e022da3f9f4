import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { toolbarButton, UI_TIMEOUT } from './editorActions';
import {
  lastRunStatus,
  openNodeMenu,
  openWorkflow,
  recordPosts,
  saveChainThroughApi,
  savedDocument,
  selectNodeById,
  waitUntil,
} from './workbenchKit';

const harness = setupEditorHarness();

/** Manual Trigger → Log `{{ input.word }}` → Log "after", saved through the API. */
function saveWordWorkflow(name: string): Promise<string> {
  return saveChainThroughApi(harness, name, [
    { id: 'say', type: 'log', parameters: { message: 'word: {{ input.word }}' } },
    { id: 'after', type: 'log', parameters: { message: 'after' } },
  ]);
}

/** The log lines of the workflow's newest run. */
async function lastRunLogs(workflowId: string): Promise<string[]> {
  const runs = await harness.api<{ instances: Array<{ instance_id: string }> }>(
    `/instances?workflow_id=${encodeURIComponent(workflowId)}`,
  );
  const logs = await harness.api<{ logs: Array<{ message: string }> }>(
    `/instances/${runs.instances[0]!.instance_id}/logs`,
  );
  return logs.logs.map((log) => log.message);
}

describe('running with input', () => {
  it('"Execute with input…" checks the JSON, runs with it, and remembers it for the workflow', async () => {
    const { page } = harness;
    const id = await saveWordWorkflow('Say a word');
    await openWorkflow(page, harness.url, id, 3);
    const executes = recordPosts(page, /\/execute$/);

    await page.getByRole('button', { name: 'More ways to execute' }).click();
    await page.getByRole('menuitem', { name: 'Execute with input…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Execute with input' });
    const input = dialog.getByLabel('Run input (JSON object)');
    await input.fill('{ "word": ');
    await dialog
      .getByRole('alert')
      .getByText(/Not valid JSON/)
      .waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.getByRole('button', { name: 'Execute' }).isDisabled()).toBe(true);
    await input.fill('[1, 2]');
    await dialog
      .getByRole('alert')
      .getByText(/must be a JSON object/)
      .waitFor();
    await input.fill('{ "word": "hello" }');
    await dialog.getByRole('button', { name: 'Execute' }).click();

    await waitUntil(async () => executes.length === 1);
    expect(executes[0]).toEqual({ input_data: { word: 'hello' } });
    expect(await lastRunStatus(harness, id)).toBe('completed');
    expect(await lastRunLogs(id)).toContain('word: hello');

    // Remembered for this workflow, across a reload.
    await page.reload();
    await openWorkflow(page, harness.url, id, 3);
    await page.getByRole('button', { name: 'More ways to execute' }).click();
    await page.getByRole('menuitem', { name: 'Execute with input…' }).click();
    expect(await page.getByLabel('Run input (JSON object)').inputValue()).toBe(
      '{ "word": "hello" }',
    );
    // Escape closes it without running.
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('a trigger’s pinned test input is saved with it and used by Execute', async () => {
    const { page } = harness;
    const id = await saveWordWorkflow('Pinned word');
    await openWorkflow(page, harness.url, id, 3);
    const executes = recordPosts(page, /\/execute$/);
    await selectNodeById(page, 'start');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Pinned test input').fill('{ "word": "pinned" }');
    await toolbarButton(page, 'Execute').click();

    await waitUntil(async () => executes.length === 1);
    expect(executes[0]).toEqual({ input_data: { word: 'pinned' } });
    expect(await lastRunStatus(harness, id)).toBe('completed');
    expect(await lastRunLogs(id)).toContain('word: pinned');
    const saved = await savedDocument(harness, id);
    expect(saved.nodes.find((node) => node.id === 'start')?.data?.pinned_input).toEqual({
      word: 'pinned',
    });
    expect(harness.consoleErrors).toEqual([]);
  });

  it('"Run up to here" runs the node with the steps before it only (until)', async () => {
    const { page } = harness;
    const id = await saveWordWorkflow('Up to say');
    await openWorkflow(page, harness.url, id, 3);
    const executes = recordPosts(page, /\/execute$/);
    const menu = await openNodeMenu(page, 'say');
    await menu.getByRole('menuitem', { name: 'Run up to here' }).click();

    await waitUntil(async () => executes.length === 1);
    expect(executes[0]).toEqual({ input_data: {}, until: 'say' });
    expect(await lastRunStatus(harness, id)).toBe('completed');
    const logs = await lastRunLogs(id);
    expect(logs).toContain('word: ');
    expect(logs).not.toContain('after');
    expect(harness.consoleErrors).toEqual([]);
  });
});
