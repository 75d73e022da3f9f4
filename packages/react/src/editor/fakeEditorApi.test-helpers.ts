import { type RenderResult, render } from '@testing-library/react';
import { type SetupServer, setupServer } from 'msw/node';
import { createElement } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { createWorkflowHandlers, type WorkflowHandlers } from '../testing/createWorkflowHandlers';
import { recordRequests, type SeenRequest } from './editorTestKit.test-helpers';
import { WorkflowEditor, type WorkflowEditorProps } from './WorkflowEditor';

/** The fake API an editor test file runs against; `client` and `seen` are new for each test. */
export interface FakeEditorApi {
  /** The fake API's handlers, with its backend to seed (reset after each test). */
  readonly handlers: WorkflowHandlers;
  /** The MSW server serving `handlers` (its handler overrides reset after each test). */
  readonly server: SetupServer;
  /** This test's client on the fake API. */
  readonly client: WorkflowClient;
  /** Every request the fake API received in this test. */
  readonly seen: SeenRequest[];
  /** Renders `<WorkflowEditor>` on this test's client. */
  renderEditor(props?: Partial<WorkflowEditorProps>): RenderResult;
}

/**
 * Registers the hooks of an editor test file: one MSW server on a fresh fake API for the file
 * (unhandled requests fail the test), a new client and request record for each test, and the
 * fake API, handler overrides, listeners and mocks reset after each.
 *
 * @remarks A `.ts` file (hence `createElement`): `*.test-helpers.tsx` is not kept out of the
 * published build.
 */
export function setupFakeEditorApi(): FakeEditorApi {
  const handlers = createWorkflowHandlers();
  const server = setupServer(...handlers);
  let client: WorkflowClient | undefined;
  let seen: SeenRequest[] = [];

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    client = createWorkflowClient();
    seen = recordRequests(server);
  });
  afterEach(() => {
    server.events.removeAllListeners();
    server.resetHandlers();
    handlers.reset();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());

  const testClient = () => {
    if (!client) throw new Error('No client: use the fake API inside a test');
    return client;
  };
  return {
    handlers,
    server,
    get client() {
      return testClient();
    },
    get seen() {
      return seen;
    },
    renderEditor: (props = {}) =>
      render(createElement(WorkflowEditor, { client: testClient(), ...props })),
  };
}
