import type { Locator, Page } from 'playwright-core';

/** How long a UI wait may take before the test fails. */
export const UI_TIMEOUT = 10_000;

/** The canvas's nodes. */
export function canvasNodes(page: Page): Locator {
  return page.locator('.react-flow__node');
}

/** The canvas's node(s) of a component type (`data-node-type` on WorkflowNode). */
export function nodeOfType(page: Page, type: string): Locator {
  return page.locator(`.react-flow__node:has(.flowloom-node[data-node-type="${type}"])`);
}

/** A palette entry by its component name, e.g. "HTTP Request". */
export function paletteEntry(page: Page, name: string): Locator {
  return page.locator('.flowloom-palette__entry', {
    has: page.locator('.flowloom-palette__name', { hasText: new RegExp(`^${name}$`) }),
  });
}

/**
 * Drags a palette entry onto the canvas with real mouse events (Chromium runs the HTML5 drag
 * and drop) and drops it at `at`, relative to the canvas's top-left corner.
 */
export async function dragFromPalette(
  page: Page,
  name: string,
  at: { x: number; y: number },
): Promise<void> {
  const before = await canvasNodes(page).count();
  await paletteEntry(page, name).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: at,
  });
  await waitForCount(canvasNodes(page), before + 1);
}

/** Centre of an element on the page. */
async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('The element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Connects two handles by dragging from one to the other with the mouse, as a person does,
 * and waits for the edge to appear.
 */
export async function connectHandles(page: Page, from: Locator, to: Locator): Promise<void> {
  const edges = page.locator('.react-flow__edge');
  const before = await edges.count();
  const start = await centreOf(from);
  const end = await centreOf(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
  await waitForCount(edges, before + 1);
}

/** A node's handle by its id (`data-handleid`), e.g. `output`, `input`, `success`. */
export function handleOf(node: Locator, handleId: string): Locator {
  return node.locator(`.react-flow__handle[data-handleid="${handleId}"]`);
}

/**
 * A parameter's editable element in the open parameter form: its input, textarea or select,
 * or the expression editor (CodeMirror's `.cm-content`) a text field becomes once focused.
 */
export function parameterInput(page: Page, parameter: string): Locator {
  return page.locator(
    `.flowloom-parameter-form .flowloom-field[data-parameter="${parameter}"] :is(input, textarea, select, .cm-content)`,
  );
}

/**
 * Types a parameter's value: focuses the field, lets a text field turn into the expression
 * editor (it loads on the first focus), then fills it.
 */
export async function fillParameter(page: Page, parameter: string, text: string): Promise<void> {
  await parameterInput(page, parameter).click();
  const editor = page.locator(
    `.flowloom-parameter-form .flowloom-field[data-parameter="${parameter}"] .cm-content`,
  );
  await editor.waitFor({ timeout: UI_TIMEOUT });
  await editor.fill(text);
}

/** A parameter's text as shown: an input's value, or the expression editor's lines. */
export function parameterText(page: Page, parameter: string): Promise<string> {
  return parameterInput(page, parameter).evaluate((element) => {
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
      return element.value;
    }
    return [...element.querySelectorAll('.cm-line')]
      .map((line) => {
        const copy = line.cloneNode(true) as Element;
        for (const hint of copy.querySelectorAll('.cm-placeholder')) hint.remove();
        return copy.textContent ?? '';
      })
      .join('\n');
  });
}

/** Selects a node by clicking its header, which opens its parameter form. */
export async function selectNode(node: Locator): Promise<void> {
  await node.locator('.flowloom-node__header').click();
  await node.page().locator('.flowloom-parameter-form').waitFor({ timeout: UI_TIMEOUT });
}

/** The toolbar's message (status or alert). */
export function toolbarMessage(page: Page): Locator {
  return page.locator('.flowloom-toolbar .flowloom-message');
}

/** A toolbar button by its text. */
export function toolbarButton(page: Page, name: string): Locator {
  return page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', {
    name,
    exact: true,
  });
}

/** Waits until a locator matches exactly `count` elements. */
export async function waitForCount(locator: Locator, count: number): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  let seen = await locator.count();
  while (seen !== count) {
    if (Date.now() > deadline) throw new Error(`Expected ${count} elements, found ${seen}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await locator.count();
  }
}

/** The workflow the e2e tests build: Manual Trigger → HTTP Request (demo endpoint) → Log. */
export interface BuiltWorkflow {
  name: string;
  url: string;
  message: string;
}

/**
 * Builds Manual Trigger → HTTP Request → Log on an empty editor with the mouse: drags the three
 * from the palette, connects them handle to handle, fills the URL and the log message, and
 * names the workflow. Does not save.
 */
export async function buildWorkflowByMouse(page: Page, workflow: BuiltWorkflow): Promise<void> {
  await dragFromPalette(page, 'Manual Trigger', { x: 120, y: 160 });
  await dragFromPalette(page, 'HTTP Request', { x: 380, y: 160 });
  await dragFromPalette(page, 'Log', { x: 640, y: 160 });

  const trigger = nodeOfType(page, 'manual_trigger');
  const http = nodeOfType(page, 'http_request');
  const log = nodeOfType(page, 'log');
  await connectHandles(page, handleOf(trigger, 'output'), handleOf(http, 'input'));
  await connectHandles(page, handleOf(http, 'success'), handleOf(log, 'input'));

  await selectNode(http);
  await fillParameter(page, 'url', workflow.url);
  await selectNode(log);
  await fillParameter(page, 'message', workflow.message);

  await page.getByLabel('Workflow name').fill(workflow.name);
  // Tidy the drawing.
  const before = await positionsOf(page);
  await toolbarButton(page, 'Auto-layout').click();
  await expectEventually(async () => (await positionsOf(page)) !== before);
}

/** The nodes' transforms on the canvas, to tell when a layout has moved them. */
function positionsOf(page: Page): Promise<string> {
  return canvasNodes(page).evaluateAll((nodes) =>
    nodes.map((node) => (node as HTMLElement).style.transform).join(';'),
  );
}

/** Waits until `check` is true, polling. */
export async function expectEventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('The condition did not become true in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts recording, in the page, each node's `data-status` as it changes (a MutationObserver
 * with old values, so a status shown for a single frame is still caught).
 */
export async function recordNodeStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    const push = (element: Element, status: string | null) => {
      if (!status) return;
      const type = element.getAttribute('data-node-type') ?? '?';
      const list = seen[type] ?? [];
      if (list[list.length - 1] !== status) list.push(status);
      seen[type] = list;
    };
    const observer = new MutationObserver((records) => {
      // A batch may hold several changes of one node: each record's old value is the status
      // it had before, and the node's current attribute is the last one.
      const touched = new Set<Element>();
      for (const record of records) {
        const target = record.target;
        if (record.type === 'attributes' && target instanceof Element) {
          if (!target.classList.contains('flowloom-node')) continue;
          push(target, record.oldValue);
          touched.add(target);
        }
        for (const added of record.addedNodes) {
          if (!(added instanceof Element)) continue;
          for (const node of added.querySelectorAll('.flowloom-node')) touched.add(node);
          if (added.classList.contains('flowloom-node')) touched.add(added);
        }
      }
      for (const element of touched) push(element, element.getAttribute('data-status'));
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['data-status'],
    });
    (window as unknown as { __nodeStatuses: typeof seen }).__nodeStatuses = seen;
  });
}

/** The statuses each node type went through since {@link recordNodeStatuses}. */
export function recordedNodeStatuses(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(
    () => (window as unknown as { __nodeStatuses: Record<string, string[]> }).__nodeStatuses,
  );
}
