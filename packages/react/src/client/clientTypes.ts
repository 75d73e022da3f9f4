import type {
  CredentialSummary,
  ExecutionEvent,
  ExecutionStatus,
  LogEntry,
  SavedWorkflow,
  WorkflowComponentMetadata,
  WorkflowDataInput,
  WorkflowInstance,
  WorkflowIssue,
  WorkflowSummary,
} from '@flowloom/core';

/** Why a call failed: the API's error, or a network failure (`status` 0, code `NETWORK_ERROR`). */
export interface ClientError {
  code: string;
  message: string;
  /** HTTP status; 0 when no answer arrived. */
  status: number;
  issues?: Array<{ path: string; message: string }>;
}

/** Every client call resolves to one of these; it never throws for an HTTP or network error. */
export type ClientResult<T> = { success: true; data: T } | { success: false; error: ClientError };

/** The little the client uses of a WebSocket, so the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  close(code?: number, reason?: string): void;
}

/** A WebSocket class, as `WorkflowClientOptions.WebSocket` takes it. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** Options of `createWorkflowClient`. */
export interface WorkflowClientOptions {
  /**
   * Where the API is mounted: a path on this origin or an absolute URL.
   * @default '/api/workflow'
   */
  baseUrl?: string;
  /** The fetch to use (tests, SSR, auth wrappers). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Headers sent with every request, or a function returning them. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** A bearer token for every request and, as `?token=`, for the WebSocket. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /**
   * The WebSocket class: the browser's, or in Node (20 has none) the `ws` package's.
   * @default globalThis.WebSocket
   */
  WebSocket?: WebSocketConstructor;
  /** First reconnect delay in ms, doubled each try up to `maxReconnectDelayMs`. @default 500 */
  reconnectDelayMs?: number;
  /** @default 10000 */
  maxReconnectDelayMs?: number;
}

/** `POST /instances` input. */
export type CreateInstanceRequest =
  | { name: string; workflow_data: WorkflowDataInput }
  | { name: string; workflow_id: string };

/** `POST /editor/save` input. */
export interface SaveWorkflowRequest {
  workflow_id?: string;
  name: string;
  workflow_data: WorkflowDataInput;
}

/** `POST /editor/save` answer. */
export interface SaveWorkflowResult {
  workflow_id: string;
  name: string;
  version: number;
  updated_at: string;
  validation: { valid: boolean; errors: WorkflowIssue[] };
}

/** `POST /credentials` input: the secret fields go in `data` and are never sent back. */
export interface CreateCredentialRequest {
  name: string;
  type: string;
  /** The secret, field by field, e.g. `{ token }` for `bearer`. */
  data: Record<string, string>;
}

/** `PUT /credentials/{credential_id}` input: a new name, new data, or both. */
export interface UpdateCredentialRequest {
  name?: string;
  /** Replaces the whole secret (fields left out are dropped, not kept). */
  data?: Record<string, string>;
}

/** `GET /credentials` answer. */
export interface CredentialPage {
  credentials: CredentialSummary[];
  total: number;
}

/** Options of `subscribe`. */
export interface SubscribeOptions {
  /** Receive only events after this `seq` (the last one already seen). @default 0 */
  since?: number;
  /** Told when the socket opens (true) or drops (false). */
  onConnectionChange?: (connected: boolean) => void;
  /** Told when the server refuses the subscription for good (401, 403, 404). */
  onError?: (error: ClientError) => void;
}

/** A typed client for the Flowloom API: one method per endpoint, plus live events. */
export interface WorkflowClient {
  readonly baseUrl: string;
  listComponents(): Promise<ClientResult<{ components: WorkflowComponentMetadata[] }>>;
  getComponent(componentType: string): Promise<ClientResult<WorkflowComponentMetadata>>;
  createInstance(request: CreateInstanceRequest): Promise<ClientResult<WorkflowInstance>>;
  listInstances(query?: {
    status?: WorkflowInstance['status'];
    limit?: number;
    offset?: number;
  }): Promise<ClientResult<{ instances: WorkflowInstance[]; total: number }>>;
  getInstance(instanceId: string): Promise<ClientResult<WorkflowInstance>>;
  executeInstance(
    instanceId: string,
    input_data?: Record<string, unknown>,
  ): Promise<ClientResult<{ instance_id: string; status: 'running' }>>;
  stopInstance(instanceId: string): Promise<ClientResult<ExecutionStatus>>;
  getStatus(instanceId: string): Promise<ClientResult<ExecutionStatus>>;
  getLogs(
    instanceId: string,
    query?: { since?: number },
  ): Promise<ClientResult<{ logs: LogEntry[] }>>;
  saveWorkflow(request: SaveWorkflowRequest): Promise<ClientResult<SaveWorkflowResult>>;
  loadWorkflow(workflowId: string): Promise<ClientResult<SavedWorkflow>>;
  listWorkflows(): Promise<ClientResult<{ workflows: WorkflowSummary[]; total: number }>>;
  /** The credentials the user may use, of one `type` or all. A 501 means the server has no key. */
  listCredentials(query?: { type?: string }): Promise<ClientResult<CredentialPage>>;
  getCredential(credentialId: string): Promise<ClientResult<CredentialSummary>>;
  /** Stores a secret encrypted on the server; the answer describes it without its `data`. */
  createCredential(request: CreateCredentialRequest): Promise<ClientResult<CredentialSummary>>;
  updateCredential(
    credentialId: string,
    patch: UpdateCredentialRequest,
  ): Promise<ClientResult<CredentialSummary>>;
  /** Deletes a credential (204); `data` is null on success. */
  deleteCredential(credentialId: string): Promise<ClientResult<null>>;
  /**
   * Streams an instance's events in `seq` order: the stored ones after `since`, then live ones.
   * Reconnects with backoff and resumes after the last `seq` seen, so none is lost or repeated.
   *
   * @returns a function that closes the subscription.
   */
  subscribe(
    instanceId: string,
    onEvent: (event: ExecutionEvent) => void,
    options?: SubscribeOptions,
  ): () => void;
}
