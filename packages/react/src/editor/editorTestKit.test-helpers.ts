import type { WorkflowData } from '@flowloom/core';
import { screen, waitFor, within } from '@testing-library/react';
import type { SetupServer } from 'msw/node';
import { expect } from 'vitest';
import type { WorkflowHandlers } from '../testing/createWorkflowHandlers';

/** One request the fake API received: method, path and JSON body (if any). */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * Records every request to the fake API (the body read from a clone), so a test can say what
 * the editor sent: e.g. that Execute did not save.
 */
export function recordRequests(server: SetupServer): SeenRequest[] {
  const seen: SeenRequest[] = [];
  server.events.on('request:start', async ({ request }) => {
    const entry: SeenRequest = {
      method: request.method,
      path: new URL(request.url).pathname,
      body: undefined,
    };
    seen.push(entry);
    const text = await request.clone().text();
    entry.body = text ? JSON.parse(text) : undefined;
  });
  return seen;
}

/** The saves among the recorded requests. */
export function savesIn(seen: readonly SeenRequest[]): SeenRequest[] {
  return seen.filter((r) => r.method === 'POST' && r.path.endsWith('/editor/save'));
}

/** Instance creations among the recorded requests. */
export function creationsIn(seen: readonly SeenRequest[]): SeenRequest[] {
  return seen.filter((r) => r.method === 'POST' && r.path.endsWith('/instances'));
}

/** Manual Trigger → Log `message`, placed as the editor saves it. */
export function triggerThenLog(message = 'hello'): WorkflowData {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
      { id: 'say', type: 'log', position: { x: 300, y: 0 }, data: { parameters: { message } } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'say' }],
  };
}

/** Saves a workflow straight into the fake API's store (as another user would). */
export async function saveInBackend(
  handlers: WorkflowHandlers,
  name: string,
  workflowData: WorkflowData = triggerThenLog(),
  workflowId?: string,
) {
  return handlers.backend.store.saveWorkflow({
    ...(workflowId === undefined ? {} : { workflow_id: workflowId }),
    name,
    workflow_data: workflowData,
  });
}

/** The canvas's nodes. */
export const canvasNodes = () => [
  ...screen.getByTestId('workflow-canvas').querySelectorAll<HTMLElement>('.react-flow__node'),
];

/** A toolbar button by its accessible name. */
export const toolbarButton = (name: string) =>
  within(screen.getByRole('toolbar', { name: 'Workflow' })).getByRole('button', { name });

/**
 * Waits until the toolbar's commands take clicks. A saved workflow's nodes are drawn before its
 * load has ended, and while a command is under way its buttons are `aria-disabled` (not
 * `disabled`: they keep focus) and a click does nothing.
 */
export async function waitForIdleToolbar(): Promise<void> {
  await waitFor(() => expect(toolbarButton('Execute')).not.toHaveAttribute('aria-disabled'), {
    timeout: 5_000,
  });
}
