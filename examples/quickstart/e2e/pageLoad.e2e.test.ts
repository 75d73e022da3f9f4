import { describe, expect, it } from 'vitest';
import { setupEditorHarness } from './browserHarness';
import { UI_TIMEOUT } from './editorActions';

const harness = setupEditorHarness();

describe('the quickstart page', () => {
  it('lists the saved sample workflows and opens a new editor, with no console errors', async () => {
    const { page } = harness;
    await page.goto(harness.url);
    const list = page.getByRole('table', { name: 'Saved workflows' });
    await list.waitFor({ timeout: UI_TIMEOUT });
    // A header row, then one row per saved workflow (the samples at least).
    expect(await list.getByRole('row').count()).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.locator('.flowloom-palette__entry').first().waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.react-flow__pane').waitFor({ timeout: UI_TIMEOUT });
    expect(page.url()).toMatch(/#\/new$/);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('the palette lists every built-in component under its category heading', async () => {
    const { page } = harness;
    await page.goto(`${harness.url}/#/new`);
    await page.locator('.flowloom-palette__entry').first().waitFor({ timeout: UI_TIMEOUT });

    const groups = await page.locator('.flowloom-palette__group').evaluateAll((sections) =>
      sections.map((section) => ({
        heading: section.querySelector('.flowloom-palette__heading')?.textContent,
        names: [...section.querySelectorAll('.flowloom-palette__name')].map((n) => n.textContent),
      })),
    );
    const components = await harness.api<{ components: { name: string; category: string }[] }>(
      '/components',
    );
    // Every component the server offers appears once, in the group of its category.
    expect(groups.flatMap((group) => group.names).sort()).toEqual(
      components.components.map((component) => component.name).sort(),
    );
    expect(groups.map((group) => group.heading)).toEqual([
      'Triggers',
      'Data processing',
      'Logic',
      'Integrations',
      'Output actions',
      'Utilities',
    ]);
    const groupOf = (name: string) => groups.find((group) => group.names.includes(name))?.heading;
    expect(groupOf('Manual Trigger')).toBe('Triggers');
    expect(groupOf('Webhook Trigger')).toBe('Triggers');
    expect(groupOf('Schedule Trigger')).toBe('Triggers');
    expect(groupOf('HTTP Request')).toBe('Integrations');
    expect(groupOf('Transform')).toBe('Data processing');
    expect(groupOf('Condition')).toBe('Logic');
    expect(groupOf('Log')).toBe('Output actions');
    expect(harness.consoleErrors).toEqual([]);
  });
});
