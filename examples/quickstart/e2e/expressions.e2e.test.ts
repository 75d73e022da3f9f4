import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { parameterText, toolbarButton, UI_TIMEOUT } from './editorActions';
import {
  lastRunStatus,
  openWorkflow,
  saveThroughApi,
  selectNodeById,
  waitUntil,
} from './workbenchKit';

const harness = setupEditorHarness();

/** Manual Trigger → HTTP Request (the demo order) → Log, and a Log beside them. */
function saveOrderWorkflow(): Promise<string> {
  return saveThroughApi(
    harness,
    'Order total',
    [
      { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
      {
        id: 'fetch',
        type: 'http_request',
        position: { x: 300, y: 0 },
        data: { parameters: { url: harness.demoOrderUrl(7) } },
      },
      {
        id: 'say',
        type: 'log',
        position: { x: 600, y: 0 },
        data: { parameters: { message: 'placeholder' } },
      },
      {
        id: 'side',
        type: 'log',
        position: { x: 300, y: 250 },
        data: { parameters: { message: 'beside' } },
      },
    ],
    [
      { id: 'e1', source: 'start', target: 'fetch' },
      { id: 'e2', source: 'fetch', sourceHandle: 'success', target: 'say' },
      { id: 'e3', source: 'start', target: 'side' },
    ],
  );
}

const completionLabels = () =>
  harness.page.locator('.cm-tooltip-autocomplete .cm-completionLabel').allTextContents();

/**
 * Waits for the completions to be exactly `label`, then accepts it with Enter (after CodeMirror's
 * interaction delay, within which Enter types a newline rather than accept a list just shown).
 */
async function accept(label: string): Promise<void> {
  await waitUntil(async () => (await completionLabels()).join() === label);
  await harness.page.waitForTimeout(150);
  await harness.page.keyboard.press('Enter');
}

describe('expressions in parameters', () => {
  it('loads CodeMirror only once a parameter field gets focus', async () => {
    const { page } = harness;
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('createExpressionEditor')) chunks.push(request.url());
    });
    const id = await saveOrderWorkflow();
    await openWorkflow(page, harness.url, id, 4);
    await selectNodeById(page, 'say');
    const field = page.locator('.flowloom-field[data-parameter="message"]');
    await field.locator('textarea').waitFor({ timeout: UI_TIMEOUT });
    expect(chunks).toEqual([]);
    await field.locator('textarea').click();
    await field.locator('.cm-content').waitFor({ timeout: UI_TIMEOUT });
    expect(chunks).toHaveLength(1);
    // The editor took over the field with its text, and the focus.
    expect(await parameterText(page, 'message')).toBe('placeholder');
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('cm-content')),
    ).toBe(true);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('typing {{ offers the steps before the node only, then their output paths, and previews the value', async () => {
    const { page } = harness;
    const id = await saveOrderWorkflow();
    await openWorkflow(page, harness.url, id, 4);
    // A run first: its outputs feed the completions and the preview.
    await toolbarButton(page, 'Execute').click();
    expect(await lastRunStatus(harness, id)).toBe('completed');
    await waitUntil(
      async () => (await page.locator('.flowloom-node[data-status="completed"]').count()) === 4,
    );

    await selectNodeById(page, 'say');
    const field = page.locator('.flowloom-field[data-parameter="message"]');
    await field.locator('textarea, .cm-content').first().click();
    const editor = field.locator('.cm-content');
    await editor.waitFor({ timeout: UI_TIMEOUT });
    await editor.fill('');
    await page.keyboard.type('Total: {{ ');
    await waitUntil(async () => (await completionLabels()).length > 0);
    const first = await completionLabels();
    expect(first).toEqual(
      expect.arrayContaining(['steps.fetch', 'steps.start', 'input.', 'vars.']),
    );
    expect(first).not.toContain('steps.side');

    await page.keyboard.type('steps.f');
    await accept('fetch');
    await waitUntil(async () => (await completionLabels()).includes('body'));
    expect(await completionLabels()).toEqual(
      expect.arrayContaining(['status_code', 'headers', 'body']),
    );
    await page.keyboard.type('bod');
    await accept('body');
    await page.keyboard.type('.');
    await waitUntil(async () => (await completionLabels()).includes('total'));
    await page.keyboard.type('tot');
    await accept('total');
    await page.keyboard.type(' }}');
    expect(await parameterText(page, 'message')).toBe('Total: {{ steps.fetch.body.total }}');
    const preview = field.locator('.flowloom-preview');
    await waitUntil(async () => (await preview.textContent()) === 'Resolves to "Total: 140"');

    // A step that does not run before this one: the preview says why it does not resolve.
    await editor.fill('{{ steps.side.message }}');
    await waitUntil(async () =>
      ((await preview.textContent()) ?? '').includes('has not completed before this step'),
    );
    expect(harness.consoleErrors).toEqual([]);
  });
});
