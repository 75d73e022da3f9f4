import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import {
  connectHandles,
  dragFromPalette,
  handleOf,
  nodeOfType,
  selectNode,
  toolbarButton,
  toolbarMessage,
  UI_TIMEOUT,
} from './editorActions';
import { openNewEditor } from './workbenchKit';

const harness = setupEditorHarness();

describe('an invalid workflow', () => {
  it('missing the required URL: the node and the form show the error, and Execute refuses with the reason', async () => {
    const { page } = harness;
    await openNewEditor(page, harness.url);
    await dragFromPalette(page, 'Manual Trigger', { x: 150, y: 150 });
    await dragFromPalette(page, 'HTTP Request', { x: 450, y: 150 });
    const http = nodeOfType(page, 'http_request');
    await connectHandles(
      page,
      handleOf(nodeOfType(page, 'manual_trigger'), 'output'),
      handleOf(http, 'input'),
    );
    await page.getByLabel('Workflow name').fill('No URL yet');

    // A draft with problems still saves, and says what is left to fix.
    await toolbarButton(page, 'Save').click();
    const message = toolbarMessage(page);
    await message.getByText('Workflow saved successfully!').waitFor({ timeout: UI_TIMEOUT });
    expect(await message.textContent()).toContain('1 problem to fix before it can run.');

    // The node carries the error mark, its tooltip naming the problem.
    const mark = http.locator('.flowloom-node__error-mark');
    await mark.waitFor({ timeout: UI_TIMEOUT });
    expect(await mark.getAttribute('aria-label')).toBe('1 error');
    expect(await mark.getAttribute('title')).toBe('URL is required');
    expect(await http.locator('.flowloom-node').getAttribute('class')).toContain(
      'flowloom-node--invalid',
    );

    // The form shows the error under the URL field, which is marked invalid.
    await selectNode(http);
    const field = page.locator('.flowloom-field[data-parameter="url"]');
    expect(await field.getAttribute('class')).toContain('flowloom-field--invalid');
    expect(await field.locator('.flowloom-field__error').allTextContents()).toEqual([
      'URL is required',
    ]);
    expect(await field.locator(':is(input, .cm-content)').getAttribute('aria-invalid')).toBe(
      'true',
    );

    // Execute refuses with the reason the save found (nothing changed since: no new save); no
    // run starts.
    await toolbarButton(page, 'Execute').click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cannot execute' });
    await alert.waitFor({ timeout: UI_TIMEOUT });
    expect(await alert.locator('span').first().textContent()).toBe(
      'Cannot execute: the workflow has 1 problem.',
    );
    expect(await alert.locator('li').allTextContents()).toEqual(['HTTP Request: URL is required']);
    expect(await page.getByRole('region', { name: 'Execution' }).count()).toBe(0);
    const instances = await harness.api<{ total: number }>('/instances');
    expect(instances.total).toBe(0);
    expect(harness.consoleErrors).toEqual([]);
  });
});
