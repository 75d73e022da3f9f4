import type { CDPSession, Page } from 'playwright-core';
import { type FrameStats, startFrameRecorder, stopFrameRecorder } from './frameRecorder';

/** How long each scripted drag lasts. */
const DRAG_MS = 2_000;
/** A settled canvas: node count and viewport unchanged for this long. */
const SETTLE_MS = 1_000;
/** Longest wait for the editor to show a workflow. */
const RENDER_TIMEOUT_MS = 60_000;

/** When the canvas first showed the workflow, measured in the page. */
export interface RenderTiming {
  /** `.react-flow__node` elements once settled: all nodes, or the visible ones when culling. */
  renderedNodes: number;
  /** From the workflow's `GET /editor/load` response to the first frame with the final count. */
  nodesMs: number;
  /** From the same response to the first frame whose count and viewport were both final. */
  settledMs: number;
  /** From navigation start to that frame (page load, bundle, components and workflow fetch). */
  fromNavigationMs: number;
}

type CanvasFrame = { time: number; count: number; transform: string };

/**
 * Page-side, as an init script (before the page's own code): records each frame's node count
 * and viewport transform until `window.__stopCanvasFrames` is set.
 */
function recordCanvasFrames(): void {
  const state = window as unknown as { __canvasFrames: CanvasFrame[]; __stopCanvasFrames: boolean };
  state.__canvasFrames = [];
  state.__stopCanvasFrames = false;
  const tick = (time: number) => {
    if (state.__stopCanvasFrames) return;
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    state.__canvasFrames.push({
      time,
      count: document.querySelectorAll('.react-flow__node').length,
      transform: viewport?.style.transform ?? '',
    });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Page-side: waits until the recorded count and transform have held for `settleMs` after the
 * workflow's load response, stops the recorder, and returns the first frames with the final
 * count and with the final count and viewport.
 */
function waitForSettledCanvas({ settleMs, timeoutMs }: { settleMs: number; timeoutMs: number }) {
  const state = window as unknown as { __canvasFrames: CanvasFrame[]; __stopCanvasFrames: boolean };
  return new Promise<{ count: number; nodesAt: number; settledAt: number; loadEnd: number }>(
    (resolve, reject) => {
      const started = performance.now();
      const check = () => {
        const frames = state.__canvasFrames;
        const last = frames[frames.length - 1];
        const load = performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.includes('/editor/load/')) as
          | PerformanceResourceTiming
          | undefined;
        if (last && load && last.count > 0) {
          let firstSame = frames.length - 1;
          while (
            firstSame > 0 &&
            frames[firstSame - 1]!.count === last.count &&
            frames[firstSame - 1]!.transform === last.transform
          ) {
            firstSame -= 1;
          }
          if (last.time - frames[firstSame]!.time >= settleMs) {
            let firstCount = frames.length - 1;
            while (firstCount > 0 && frames[firstCount - 1]!.count === last.count) firstCount -= 1;
            state.__stopCanvasFrames = true;
            resolve({
              count: last.count,
              nodesAt: frames[firstCount]!.time,
              settledAt: frames[firstSame]!.time,
              loadEnd: load.responseEnd,
            });
            return;
          }
        }
        if (performance.now() - started > timeoutMs) {
          reject(new Error(`No settled canvas after ${timeoutMs} ms (${last?.count ?? 0} nodes)`));
          return;
        }
        setTimeout(check, 100);
      };
      check();
    },
  );
}

/** Opens the editor on a saved workflow in a fresh page and times its first render. */
export async function openAndTimeRender(page: Page, url: string): Promise<RenderTiming> {
  await page.addInitScript(recordCanvasFrames);
  await page.goto(url);
  const result = await page.evaluate(waitForSettledCanvas, {
    settleMs: SETTLE_MS,
    timeoutMs: RENDER_TIMEOUT_MS,
  });
  return {
    renderedNodes: result.count,
    nodesMs: result.nodesAt - result.loadEnd,
    settledMs: result.settledAt - result.loadEnd,
    fromNavigationMs: result.settledAt,
  };
}

/** Moves the mouse from `from` around a loop for {@link DRAG_MS} with the button held. */
async function scriptedDrag(page: Page, from: { x: number; y: number }): Promise<FrameStats> {
  await page.evaluate(startFrameRecorder);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < DRAG_MS) {
    step += 1;
    const angle = step / 10;
    await page.mouse.move(from.x + 120 * Math.sin(angle), from.y + 80 * (1 - Math.cos(angle)));
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  return page.evaluate(stopFrameRecorder);
}

/** The centre of the rendered node nearest the canvas's centre (its header, to drag it). */
async function nodeNearCentre(page: Page): Promise<{ id: string; x: number; y: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const centre = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
    let best: { id: string; x: number; y: number; distance: number } | undefined;
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const header = node.querySelector('.flowloom-node__header') ?? node;
      const box = header.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const inside = x > pane.left && x < pane.right && y > pane.top && y < pane.bottom;
      const distance = Math.hypot(x - centre.x, y - centre.y);
      if (inside && (!best || distance < best.distance)) {
        best = { id: node.dataset.id ?? '', x, y, distance };
      }
    }
    if (!best) throw new Error('No node on screen to drag');
    return { id: best.id, x: best.x, y: best.y };
  });
}

/** A point on the empty pane (no node, edge or control under it), to pan from. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 7) {
      for (let x = pane.left + 20; x < pane.right - 200; x += 7) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
          return { x, y };
      }
    }
    throw new Error('No empty spot on the pane to pan from');
  });
}

/** Frames per second while a node is dragged; checks the node really moved. */
export async function measureNodeDrag(page: Page): Promise<FrameStats> {
  const node = await nodeNearCentre(page);
  const transformOf = () =>
    page.evaluate(
      (id) =>
        document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform,
      node.id,
    );
  const before = await transformOf();
  const stats = await scriptedDrag(page, node);
  if ((await transformOf()) === before) throw new Error(`Node ${node.id} did not move`);
  return stats;
}

/** Frames per second while the canvas is panned; checks the viewport really moved. */
export async function measurePan(page: Page): Promise<FrameStats> {
  const point = await emptyPanePoint(page);
  const viewportOf = () =>
    page.evaluate(
      () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform,
    );
  const before = await viewportOf();
  const stats = await scriptedDrag(page, point);
  if ((await viewportOf()) === before) throw new Error('The canvas did not pan');
  return stats;
}

/** The page's used JS heap after a garbage collection, in MB (CDP `Runtime.getHeapUsage`). */
export async function usedHeapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}
