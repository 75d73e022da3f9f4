import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocketConstructor } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import {
  canvasNodes,
  saveInBackend,
  toolbarButton,
  waitForIdleToolbar,
} from '../editor/editorTestKit.test-helpers';
import { WorkflowEditor } from '../editor/WorkflowEditor';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { loadWorkbench } from '../workbench/lazyWorkbenchPart';

const handlers = createWorkflowHandlers();
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The panel loads on demand: load its chunk once, outside the tests' time.
beforeAll(() => loadWorkbench());
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

/** The page's WebSocket (MSW's, once the server listens), counting the sockets opened. */
function countingWebSocket(): { WebSocket: WebSocketConstructor; urls: string[] } {
  const urls: string[] = [];
  const Base = globalThis.WebSocket;
  class CountingWebSocket extends Base {
    constructor(url: string | URL) {
      super(url);
      urls.push(String(url));
    }
  }
  return { WebSocket: CountingWebSocket as unknown as WebSocketConstructor, urls };
}

describe('one subscription per instance on the editor page', () => {
  it('opens one WebSocket for a run that the panel and the canvas both follow', async () => {
    const sockets = countingWebSocket();
    const client = createWorkflowClient({ WebSocket: sockets.WebSocket });
    const saved = await saveInBackend(handlers, 'Once');
    render(<WorkflowEditor client={client} workflowId={saved.workflow_id} />);
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    await waitForIdleToolbar();
    fireEvent.click(toolbarButton('Execute'));
    const panel = await screen.findByRole('region', { name: 'Execution' });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    // Both nodes show the run's outcome: the canvas follows the same events.
    await waitFor(() =>
      expect(canvasNodes().map((node) => node.querySelector('[data-status]'))).toEqual([
        expect.any(HTMLElement),
        expect.any(HTMLElement),
      ]),
    );
    expect(sockets.urls).toHaveLength(1);
    expect(sockets.urls[0]).toMatch(/\/ws\/[^/?]+\?since=0$/);
  });
});
