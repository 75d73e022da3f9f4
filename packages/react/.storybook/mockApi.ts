import type { RequestHandler, WebSocketHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { handlers } from '../src/testing';

// One MSW worker for the whole Storybook, over the testing kit's fake API at /api/workflow: the
// components and hooks use their default client, as a host app without a provider would.
const worker = setupWorker(...handlers);
let workerStarted: Promise<unknown> | undefined;

/**
 * Starts the mock API once. Storybook runs loaders in parallel, so a story's own loader that
 * calls the API awaits this too rather than counting on the global loader having run.
 */
export function startMockApi(): Promise<unknown> {
  workerStarted ??= worker.start({
    // Relative to iframe.html, so a Storybook served under a sub-path finds it too.
    serviceWorker: { url: './mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return workerStarted;
}

/** Adds handlers in front of the default ones (e.g. a second fake API on another base path). */
export async function addMockHandlers(
  ...extra: Array<RequestHandler | WebSocketHandler>
): Promise<void> {
  await startMockApi();
  worker.use(...extra);
}
