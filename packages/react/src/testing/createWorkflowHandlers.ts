import { builtinComponents, type RegistrableComponent } from '@flowloom/core';
import { http, type RequestHandler, type WebSocketHandler } from 'msw';
import { activationHandlers } from './activationHandlers';
import { componentHandlers } from './componentHandlers';
import { credentialHandlers } from './credentialHandlers';
import { editorHandlers } from './editorHandlers';
import { errorAnswer, notFound } from './errorAnswer';
import { eventSocketHandler } from './eventSocketHandler';
import { FakeWorkflowBackend } from './FakeWorkflowBackend';
import { instanceHandlers } from './instanceHandlers';
import { workflowHandlers } from './workflowHandlers';

/** Options of {@link createWorkflowHandlers}. */
export interface WorkflowHandlersOptions {
  /**
   * Where the API is mounted: a path (matched on any origin) or an absolute URL.
   * @default '/api/workflow'
   */
  baseUrl?: string;
  /**
   * The component types the fake server offers.
   * @default builtinComponents from @flowloom/core
   */
  components?: ReadonlyArray<RegistrableComponent>;
  /**
   * Wait before each HTTP answer, in ms (loading states in stories).
   * @default 0
   */
  latencyMs?: number;
  /**
   * Whether the fake server has a credential key; without one every credential route answers
   * 501 `NOT_CONFIGURED`. Change it later through `handlers.backend.credentials.configured`.
   * @default true
   */
  credentialsConfigured?: boolean;
}

/**
 * MSW handlers over one fake API, with what is needed to seed and reset it. Pass the array to
 * `setupServer(...handlers)` or `setupWorker(...handlers)` as it is.
 */
export type WorkflowHandlers = Array<RequestHandler | WebSocketHandler> & {
  /** The fake's registry, engine and store, e.g. to save a workflow before a test. */
  readonly backend: FakeWorkflowBackend;
  /** Forgets every workflow, instance, event, log and credential; stops runs and closes sockets. */
  reset(): void;
};

/**
 * MSW request handlers serving the whole Flowloom API from memory, on core's real registry,
 * engine and store: validation, execution, events and logs behave as on the server, with the
 * same statuses and `{ error: { code, message, issues } }` bodies, and live events over MSW's
 * WebSocket mock. Each call owns its state.
 *
 * @example
 * const handlers = createWorkflowHandlers({ components: [...builtinComponents, EmailSender] });
 * const server = setupServer(...handlers);
 * beforeAll(() => server.listen());
 * afterEach(() => { server.resetHandlers(); handlers.reset(); });
 * afterAll(() => server.close());
 */
export function createWorkflowHandlers(options: WorkflowHandlersOptions = {}): WorkflowHandlers {
  const baseUrl = (options.baseUrl ?? '/api/workflow').replace(/\/+$/, '');
  const latencyMs = options.latencyMs ?? 0;
  const backend = new FakeWorkflowBackend(options.components ?? builtinComponents);
  backend.credentials.configured = options.credentialsConfigured ?? true;
  const absolute = /^https?:\/\//i.test(baseUrl);
  // A path matches on any origin: the page's in a browser, whatever a Node test calls.
  const base = absolute ? baseUrl : `*${baseUrl.startsWith('/') ? '' : '/'}${baseUrl}`;
  const socketBase = absolute ? baseUrl.replace(/^http/i, 'ws') : base;

  const handlers: Array<RequestHandler | WebSocketHandler> = [
    ...componentHandlers(backend, base, latencyMs),
    ...instanceHandlers(backend, base, latencyMs),
    ...editorHandlers(backend, base, latencyMs),
    ...workflowHandlers(backend, base, latencyMs),
    ...activationHandlers(backend, base, latencyMs),
    ...credentialHandlers(backend, base, latencyMs),
    eventSocketHandler(backend, `${socketBase}/ws/:instance_id`),
    // Last: any other path under the base is the API's 404, not a request that slips through.
    http.all(`${base}/*`, ({ request }) => {
      // A WebSocket upgrade (Node's `ws` client) is the socket handler's, not a missing route.
      if (request.headers.has('upgrade')) return undefined;
      const { pathname } = new URL(request.url);
      return errorAnswer(notFound(`No route ${request.method} ${pathname}`));
    }),
  ];
  return Object.assign(handlers, { backend, reset: () => backend.reset() });
}
