import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { UI_TIMEOUT } from './editorActions';
import { saveThroughApi, waitUntil } from './workbenchKit';

const harness = setupEditorHarness();

describe('the quickstart in German (?lang=de)', () => {
  it('renders the list, the editor and a run in German, with German dates', async () => {
    const { page } = harness;
    const workflowId = await saveThroughApi(
      harness,
      'Auf Deutsch',
      [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
        {
          id: 'say',
          type: 'log',
          position: { x: 300, y: 0 },
          data: { parameters: { message: 'Hallo' } },
        },
      ],
      [{ id: 'e1', source: 'start', target: 'say' }],
    );

    await page.goto(`${harness.url}/?lang=de`);
    const list = page.getByRole('table', { name: 'Gespeicherte Workflows' });
    await list.waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.getByRole('button', { name: 'Neuer Workflow' }).count()).toBe(1);
    // Saved just now: its date is written day.month.year.
    expect(await list.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4}/);

    await page.goto(`${harness.url}/?lang=de#/workflows/${encodeURIComponent(workflowId)}`);
    await waitUntil(async () => (await page.locator('.react-flow__node').count()) === 2);
    const toolbar = page.getByRole('toolbar', { name: 'Workflow' });
    for (const name of ['Speichern', 'Ausführen', 'Rückgängig', 'Automatisch anordnen']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    const palette = page.getByRole('complementary', { name: 'Komponenten' });
    expect(await palette.getByRole('heading', { name: 'Auslöser' }).count()).toBe(1);
    expect(await page.getByRole('application', { name: 'Workflow-Arbeitsfläche' }).count()).toBe(1);
    expect(
      await page.locator('.react-flow__node').first().getAttribute('aria-roledescription'),
    ).toBe('Schritt');

    await toolbar.getByRole('button', { name: 'Ausführen', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Ausführung' });
    await panel.waitFor({ timeout: UI_TIMEOUT });
    await waitUntil(async () => (await panel.getAttribute('data-status')) === 'completed');
    await waitUntil(
      async () =>
        (await panel.getByRole('status', { name: 'Status: Abgeschlossen' }).count()) === 1,
    );
    // The status comes over REST, the events over the WebSocket: either may be first.
    await waitUntil(async () =>
      (await panel.locator('.flowloom-event__type').allTextContents()).includes(
        'Ausführung beendet',
      ),
    );
    expect(await panel.getByRole('tab', { name: 'Verlauf' }).count()).toBe(1);
    expect(harness.consoleErrors).toEqual([]);
  });
});
