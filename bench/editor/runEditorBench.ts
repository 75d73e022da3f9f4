import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startQuickstart } from '../../examples/quickstart/server/startQuickstart';
import { generateWorkflow } from './generateWorkflow';
import { measureNodeDrag, measurePan, openAndTimeRender, usedHeapMb } from './measureEditor';

// Run from the repository root after `npm run build` and
// `npm run build -w @flowloom/example-quickstart`: `node --import tsx bench/editor/runEditorBench.ts`.

const SIZES = [100, 1_000, 5_000];
/** The issue's targets: render time (from the load response) and drag frame rate. */
const TARGETS: Record<number, { renderMs: number; dragFps: number }> = {
  1000: { renderMs: 1_000, dragFps: 50 },
  5000: { renderMs: 3_000, dragFps: 30 },
};
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const tempDir = mkdtempSync(path.join(tmpdir(), 'flowloom-editor-bench-'));
const quickstart = await startQuickstart({
  port: 0,
  host: '127.0.0.1',
  databasePath: path.join(tempDir, 'bench.db'),
  logger: { info: () => {}, warn: () => {}, error: (message) => console.error(message) },
});
const context = await chromium.launchPersistentContext(path.join(tempDir, 'profile'), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1280, height: 800 },
});

/** Saves a generated workflow through the API and returns its id. */
async function saveWorkflow(count: number): Promise<string> {
  const response = await fetch(`${quickstart.url}/api/workflow/editor/save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Bench ${count}`, workflow_data: generateWorkflow(count) }),
  });
  const body = (await response.json()) as { workflow_id: string; validation: { valid: boolean } };
  if (!response.ok) throw new Error(`Save of ${count} nodes: ${JSON.stringify(body)}`);
  if (!body.validation.valid) throw new Error(`The ${count}-node workflow is not valid`);
  return body.workflow_id;
}

const mark = (value: number, target: number | undefined, higherIsBetter: boolean) => {
  if (target === undefined) return '';
  const ok = higherIsBetter ? value >= target : value < target;
  return ok ? ' ✓' : ' ✗';
};

const rows: Record<string, string>[] = [];
try {
  for (const count of SIZES) {
    const workflowId = await saveWorkflow(count);
    const page = await context.newPage();
    // tsx names functions with an `__name` helper that the page does not have.
    await page.addInitScript('window.__name = (fn) => fn');
    const cdp = await context.newCDPSession(page);
    const render = await openAndTimeRender(page, `${quickstart.url}/#/workflows/${workflowId}`);
    const heapAfterRender = await usedHeapMb(cdp);
    const drag = await measureNodeDrag(page);
    const pan = await measurePan(page);
    const heapAfter = await usedHeapMb(cdp);
    const target = TARGETS[count];
    rows.push({
      nodes: count.toLocaleString('en'),
      'in DOM': String(render.renderedNodes),
      'nodes shown (ms)': render.nodesMs.toFixed(0),
      'settled (ms)': `${render.settledMs.toFixed(0)}${target ? ` (<${target.renderMs})` : ''}${mark(render.settledMs, target?.renderMs, false)}`,
      'from nav (ms)': render.fromNavigationMs.toFixed(0),
      'drag fps': `${drag.fps.toFixed(1)}${target ? ` (≥${target.dragFps})` : ''}${mark(drag.fps, target?.dragFps, true)}`,
      'drag worst frame (ms)': drag.longestFrameMs.toFixed(0),
      'pan fps': pan.fps.toFixed(1),
      'pan worst frame (ms)': pan.longestFrameMs.toFixed(0),
      'heap (MB)': `${heapAfterRender.toFixed(1)} / ${heapAfter.toFixed(1)}`,
    });
    await cdp.detach();
    await page.close();
  }
} finally {
  await context.close();
  await quickstart.close();
  rmSync(tempDir, { recursive: true, force: true });
}

console.log(`Editor in Chromium ${context.browser()?.version() ?? ''} (headless, 1280x800)`);
console.table(rows);
console.log(
  [
    'nodes shown: from the end of the GET /editor/load response to the first frame whose',
    '  .react-flow__node count was final (all nodes; above 200 nodes the editor culls with',
    '  onlyRenderVisibleElements, so the nodes inside the fitted viewport).',
    'settled: to the first frame after which both that count and the viewport transform held',
    "  for 1 s, i.e. including the editor's 200 ms animated fitView after a load.",
    'from nav: the same frame measured from navigation start (page, bundle, API calls).',
    'drag / pan fps: requestAnimationFrame timestamps in the page during a 2 s scripted mouse',
    '  drag of the node nearest the centre / of an empty spot of the pane.',
    'heap: used JS heap after a forced GC (CDP Runtime.getHeapUsage), after render / after both drags.',
  ].join('\n'),
);
