import type { Locator, Page, Request } from 'playwright-core';
import type { EditorHarness } from './browserHarness';
import { UI_TIMEOUT } from './editorActions';

/** A node as the API saves it (positions optional). */
export interface ApiNode {
  id: string;
  type: string;
  position?: { x: number; y: number };
  data?: Record<string, unknown> & { parameters?: Record<string, unknown> };
}

/** An edge as the API saves it. */
export interface ApiEdge {
  id: string;
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

/** Saves a workflow through the API (as another client would) and returns its id. */
export async function saveThroughApi(
  harness: EditorHarness,
  name: string,
  nodes: ApiNode[],
  edges: ApiEdge[],
): Promise<string> {
  const saved = await harness.api<{ workflow_id: string }>('/editor/save', {
    method: 'POST',
    body: JSON.stringify({ name, workflow_data: { nodes, edges } }),
  });
  return saved.workflow_id;
}

/** A step of a chain saved by {@link saveChainThroughApi}. */
export interface ChainStep {
  id: string;
  type: string;
  parameters?: Record<string, unknown>;
}

/**
 * Saves Manual Trigger (`start`) → each of `steps` in turn through the API and returns the id:
 * one row, 300 px apart, edges `e1`, `e2`, ….
 */
export function saveChainThroughApi(
  harness: EditorHarness,
  name: string,
  steps: ChainStep[],
): Promise<string> {
  const nodes: ApiNode[] = [
    { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
    ...steps.map(({ id, type, parameters }, index) => ({
      id,
      type,
      position: { x: 300 * (index + 1), y: 0 },
      ...(parameters === undefined ? {} : { data: { parameters } }),
    })),
  ];
  const edges = steps.map((step, index) => ({
    id: `e${index + 1}`,
    source: nodes[index]!.id,
    target: step.id,
  }));
  return saveThroughApi(harness, name, nodes, edges);
}

/** The saved workflow's latest document. */
export async function savedDocument(
  harness: EditorHarness,
  workflowId: string,
): Promise<{ nodes: ApiNode[]; edges: ApiEdge[] }> {
  const loaded = await harness.api<{ workflow_data: { nodes: ApiNode[]; edges: ApiEdge[] } }>(
    `/editor/load/${encodeURIComponent(workflowId)}`,
  );
  return loaded.workflow_data;
}

/**
 * Opens the editor on a saved workflow and waits for its nodes, and for the view fitted to
 * them to hold still (so what a test points at stays where it was measured).
 */
export async function openWorkflow(page: Page, url: string, workflowId: string, nodes: number) {
  await page.goto(`${url}/#/workflows/${encodeURIComponent(workflowId)}`);
  await waitUntil(async () => (await page.locator('.react-flow__node').count()) === nodes);
  await waitForSteadyView(page);
}

/** Waits until the canvas's viewport has not moved for a while (a fit-view animation ended). */
export async function waitForSteadyView(page: Page): Promise<void> {
  const viewport = () =>
    page.evaluate(
      () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
    );
  let last = await viewport();
  let steadySince = Date.now();
  await waitUntil(async () => {
    const now = await viewport();
    if (now !== last) {
      last = now;
      steadySince = Date.now();
    }
    return Date.now() - steadySince >= 400;
  });
}

/** Opens a new, empty editor. */
export async function openNewEditor(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/new`);
  await page.locator('.flowloom-palette__entry').first().waitFor({ timeout: UI_TIMEOUT });
  // The canvas is drawn a render after the palette, once the editor holds the component list.
  await page.locator('.react-flow__pane').waitFor({ timeout: UI_TIMEOUT });
}

/** A canvas node by its id. */
export function nodeById(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/** Waits until `check` holds, polling. */
export async function waitUntil(check: () => Promise<boolean>, timeout = UI_TIMEOUT) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('The condition did not become true in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A rectangle on the page. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of the canvas's nodes, by id. */
export async function nodeBoxes(page: Page): Promise<Record<string, Box>> {
  return page.locator('.react-flow__node').evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((node) => {
        const box = node.getBoundingClientRect();
        return [
          (node as HTMLElement).dataset.id ?? '',
          { x: box.x, y: box.y, width: box.width, height: box.height },
        ];
      }),
    ),
  );
}

/** Whether two boxes overlap. */
export function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The bodies of the requests the page sends to a path ending, from now on. */
export function recordPosts(page: Page, pathEnd: RegExp): Array<Record<string, unknown>> {
  const bodies: Array<Record<string, unknown>> = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !pathEnd.test(new URL(request.url()).pathname)) return;
    bodies.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
  });
  return bodies;
}

/** Selects a node by clicking its header, and waits for its panel. */
export async function selectNodeById(page: Page, id: string): Promise<void> {
  await nodeById(page, id).locator('.flowloom-node__header').click();
  await page.locator('.flowloom-side-panel [role="tablist"]').waitFor({ timeout: UI_TIMEOUT });
}

/** Opens a node's context menu with a right click on its header. */
export async function openNodeMenu(page: Page, id: string): Promise<Locator> {
  await nodeById(page, id).locator('.flowloom-node__header').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Node actions' });
  await menu.waitFor({ timeout: UI_TIMEOUT });
  return menu;
}

/** The run the editor's last Execute started, once it ended, with its status. */
export async function lastRunStatus(harness: EditorHarness, workflowId: string): Promise<string> {
  let status = '';
  await waitUntil(async () => {
    const page = await harness.api<{ instances: Array<{ status: string }> }>(
      `/instances?workflow_id=${encodeURIComponent(workflowId)}`,
    );
    status = page.instances[0]?.status ?? '';
    return ['completed', 'failed', 'cancelled'].includes(status);
  });
  return status;
}
