import { createWorkflowHandlers } from './createWorkflowHandlers';

const defaultHandlers = createWorkflowHandlers();

/**
 * MSW handlers for the API at `/api/workflow` on any origin, over an in-memory fake with the
 * built-in components. They share one state: call {@link resetWorkflowHandlers} between tests.
 *
 * @example
 * const server = setupServer(...handlers);
 * beforeAll(() => server.listen());
 * afterEach(() => { server.resetHandlers(); resetWorkflowHandlers(); });
 * afterAll(() => server.close());
 */
export const handlers = defaultHandlers;

/**
 * Empties the state behind {@link handlers}: workflows, instances, events, logs, credentials and
 * open sockets.
 */
export function resetWorkflowHandlers(): void {
  defaultHandlers.reset();
}
