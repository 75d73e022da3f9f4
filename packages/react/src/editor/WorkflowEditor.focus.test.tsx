import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import {
  canvasNodes,
  saveInBackend,
  toolbarButton,
  waitForIdleToolbar,
} from './editorTestKit.test-helpers';
import { WorkflowEditor } from './WorkflowEditor';

const handlers = createWorkflowHandlers();
const server = setupServer(...handlers);
let client: WorkflowClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  client = createWorkflowClient();
});
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

async function openSaved() {
  const saved = await saveInBackend(handlers, 'Nightly');
  render(<WorkflowEditor client={client} workflowId={saved.workflow_id} />);
  await waitFor(() => expect(canvasNodes()).toHaveLength(2));
  await waitForIdleToolbar();
}

const panel = () => screen.getByRole('region', { name: 'Execution' });

describe('WorkflowEditor: where focus goes', () => {
  it('puts focus on the canvas once a workflow has opened, not on <body>', async () => {
    await openSaved();
    await waitFor(() =>
      expect(screen.getByRole('application', { name: 'Workflow canvas' })).toHaveFocus(),
    );
  });

  it('moves focus to the execution panel after Execute, and back to Execute when it closes', async () => {
    await openSaved();
    const execute = toolbarButton('Execute');
    execute.focus();
    fireEvent.click(execute);
    await waitFor(() => expect(panel()).toHaveFocus(), { timeout: 5_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Close execution panel' }));
    await waitFor(() => expect(toolbarButton('Execute')).toHaveFocus());
  });

  it('keeps focus on Execute while the run is being started', async () => {
    await openSaved();
    const execute = toolbarButton('Execute');
    execute.focus();
    fireEvent.click(execute);
    // Busy, it says so without being disabled, so focus does not fall to <body>.
    expect(execute).toHaveAttribute('aria-disabled', 'true');
    expect(document.activeElement).not.toBe(document.body);
    await waitFor(() => expect(panel()).toHaveFocus(), { timeout: 5_000 });
  });

  it('returns focus to the Runs button that opened the panel', async () => {
    await openSaved();
    fireEvent.click(await screen.findByRole('button', { name: 'Runs' }));
    await waitFor(() => expect(panel()).toHaveFocus(), { timeout: 5_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Close execution panel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Runs' })).toHaveFocus());
  });
});
