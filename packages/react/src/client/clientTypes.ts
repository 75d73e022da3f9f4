import type {
  CredentialSummary,
  ExecutionEvent,
  ExecutionStatus,
  InstanceStatus,
  InstanceSummary,
  LogEntry,
  SavedWorkflow,
  WorkflowComponentMetadata,
  WorkflowDataInput,
  WorkflowExport,
  WorkflowInstance,
  WorkflowIssue,
  WorkflowListItem,
  WorkflowVersionSummary,
} from '@flowloom/core';

/**
 * The answer to an accepted execute, retry or resume (202): `queued` while the run waits for a
 * slot under the server's concurrency limits, else `running`. Follow it on the WebSocket.
 */
export interface RunAccepted {
  instance_id: string;
  status: 'running' | 'queued';
}
/** Why a call failed: the API's error, or a network failure (`status` 0, code `NETWORK_ERROR`). */
export interface ClientError {
  code: string;
  message: string;
  /** HTTP status; 0 when no answer arrived. */
  status: number;
  issues?: Array<{ path: string; message: string }>;
  /** On a `VERSION_CONFLICT`: the version the workflow is at now. */
  current_version?: number;
}

/**
 * A save refused because the workflow was saved meanwhile (409 `VERSION_CONFLICT`): nothing was
 * written. Offer to reload `current_version`, or to save again with it as `expected_version`
 * (overwriting). Tell it apart with {@link isVersionConflict}.
 */
export interface VersionConflictClientError extends ClientError {
  code: 'VERSION_CONFLICT';
  status: 409;
  current_version: number;
}

/**
 * Every client call resolves to one of these; it never throws for an HTTP or network error.
 * `E` is the error a call can tell apart beyond `ClientError` (e.g. a save's version conflict).
 */
export type ClientResult<T, E extends ClientError = ClientError> =
  | { success: true; data: T }
  | { success: false; error: E };

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
  | {
      name: string;
      workflow_id: string;
      /** The saved version to run; its latest when absent. Recorded as `workflow_version`. */
      version?: number;
    };

/** `POST /editor/save` input. */
export interface SaveWorkflowRequest {
  workflow_id?: string;
  name: string;
  workflow_data: WorkflowDataInput;
  /**
   * The version this save is based on (the one loaded): when the workflow was saved meanwhile,
   * the save fails with a {@link VersionConflictClientError} and nothing is written. Leave it
   * out to overwrite whatever is stored.
   */
  expected_version?: number;
}

/** `GET /instances` filters and paging: newest first, by `offset` or by `cursor`. */
export interface InstanceListQuery {
  /** Only runs of this saved workflow. */
  workflow_id?: string;
  /** Only runs in this status, or in one of these. */
  status?: InstanceStatus | readonly InstanceStatus[];
  /** Only runs created after this ISO time. */
  created_after?: string;
  /** Only runs created before this ISO time. */
  created_before?: string;
  /** Only runs started by a trigger of this type (`schedule`, `webhook`, ...). */
  trigger_type?: string;
  /** Only runs started by this run. */
  parent_instance_id?: string;
  /** At most 200. @default 50 */
  limit?: number;
  /** Ignored beside a cursor. @default 0 */
  offset?: number;
  /** A page's `next_cursor`: the page after it, never shifted by runs created meanwhile. */
  cursor?: string;
}

/** `GET /instances` answer: one page of run summaries. */
export interface InstancePage {
  /** Summaries: no document, input or output (read a run with `getInstance`). */
  instances: InstanceSummary[];
  /** How many runs match the filters in all. */
  total: number;
  /** Pass it as `cursor` for the next page; `null` on the last one. */
  next_cursor: string | null;
}

/** `POST /editor/save` answer. */
export interface SaveWorkflowResult {
  workflow_id: string;
  name: string;
  version: number;
  updated_at: string;
  validation: { valid: boolean; errors: WorkflowIssue[] };
}

/** One armed trigger of an active workflow, as the activation routes describe it. */
export interface TriggerInfo {
  /** The trigger step (node id). */
  step_id: string;
  /** `webhook` or `schedule`: what its runs record as `trigger.type`. */
  type: string;
  /** A webhook's method. */
  method?: string;
  /** Where a webhook listens. */
  webhook_url?: string;
  /** When a schedule fires next (ISO time). */
  next_run_at?: string;
}

/** `GET /workflows/{id}` answer: the workflow at its latest version, with its activation. */
export type WorkflowDetail = SavedWorkflow & {
  /** Whether its webhook and schedule triggers start runs. */
  active: boolean;
  /** The version its triggers run; `null` while inactive. */
  active_version: number | null;
  /** The armed triggers of `active_version`; empty while inactive. */
  triggers: TriggerInfo[];
};

/** `POST /workflows/{id}/activate` answer. */
export interface WorkflowActivationResult {
  workflow_id: string;
  active: true;
  /** The saved version its triggers run: its latest. */
  version: number;
  triggers: TriggerInfo[];
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

/** Options of `executeInstance`. */
export interface ExecuteInstanceOptions {
  /** Run only this step and its ancestors (the route's `until`). */
  until?: string;
}

/** A typed client for the Flowloom API: one method per endpoint, plus live events. */
export interface WorkflowClient {
  readonly baseUrl: string;
  listComponents(): Promise<ClientResult<{ components: WorkflowComponentMetadata[] }>>;
  getComponent(componentType: string): Promise<ClientResult<WorkflowComponentMetadata>>;
  createInstance(request: CreateInstanceRequest): Promise<ClientResult<WorkflowInstance>>;
  /** Run summaries, newest first, filtered and paged (follow `next_cursor` for the next page). */
  listInstances(query?: InstanceListQuery): Promise<ClientResult<InstancePage>>;
  getInstance(instanceId: string): Promise<ClientResult<WorkflowInstance>>;
  /** Deletes a finished (or never run) instance with its events and logs (204); 409 while it runs. */
  deleteInstance(instanceId: string): Promise<ClientResult<null>>;
  /**
   * Starts an instance's run (202) with `input_data`; with `options.until`, only that step and
   * the steps before it run (test a workflow up to a node).
   */
  executeInstance(
    instanceId: string,
    input_data?: Record<string, unknown>,
    options?: ExecuteInstanceOptions,
  ): Promise<ClientResult<RunAccepted>>;
  /**
   * Runs a failed or cancelled instance again from its failed and cancelled steps (202): the
   * steps that completed keep their outputs, attempt numbers and event `seq`s continue, so a
   * subscription to it keeps following. 409 `CONFLICT` while it runs or once it completed.
   */
  retryInstance(instanceId: string): Promise<ClientResult<RunAccepted>>;
  /**
   * Continues a run waiting at a `wait` step in `resume` mode (202): `data` becomes the step's
   * output, e.g. `{ approved: true }` from an approval screen. 404 for an unknown step, 409 when
   * the step is not waiting.
   */
  resumeInstance(
    instanceId: string,
    request: { step_id: string; data?: Record<string, unknown> },
  ): Promise<ClientResult<RunAccepted>>;
  stopInstance(instanceId: string): Promise<ClientResult<ExecutionStatus>>;
  getStatus(instanceId: string): Promise<ClientResult<ExecutionStatus>>;
  getLogs(
    instanceId: string,
    query?: { since?: number },
  ): Promise<ClientResult<{ logs: LogEntry[] }>>;
  /** Saves a workflow as a new version; with `expected_version`, fails on a version conflict. */
  saveWorkflow(
    request: SaveWorkflowRequest,
  ): Promise<ClientResult<SaveWorkflowResult, ClientError | VersionConflictClientError>>;
  /** A saved workflow at its latest version, or at `options.version`. */
  loadWorkflow(
    workflowId: string,
    options?: { version?: number },
  ): Promise<ClientResult<SavedWorkflow>>;
  /** The saved workflows (summaries, and whether each is active), newest first. */
  listWorkflows(): Promise<ClientResult<{ workflows: WorkflowListItem[]; total: number }>>;
  /** A workflow's saved versions, newest first. */
  getWorkflowVersions(
    workflowId: string,
    query?: { limit?: number; offset?: number },
  ): Promise<ClientResult<{ versions: WorkflowVersionSummary[] }>>;
  /** Deletes a saved workflow and its versions (204); its runs stay readable. */
  deleteWorkflow(workflowId: string): Promise<ClientResult<null>>;
  /** A saved workflow at its latest version with its activation (`active`, `triggers`). */
  getWorkflow(workflowId: string): Promise<ClientResult<WorkflowDetail>>;
  /**
   * Activates a workflow at its latest version: its webhook and schedule triggers start runs.
   * 400 `INVALID_WORKFLOW` (with every issue) or `NO_TRIGGER` when it can't be.
   */
  activateWorkflow(workflowId: string): Promise<ClientResult<WorkflowActivationResult>>;
  /** Deactivates a workflow: its webhooks answer 404 and its schedules stop. */
  deactivateWorkflow(
    workflowId: string,
  ): Promise<ClientResult<{ workflow_id: string; active: false }>>;
  /**
   * A workflow as a file (`{ flowloom_version: 1, name, workflow_data }`), its credential
   * references replaced by `{ credential_type }` placeholders; save it as
   * `<name>.flowloom.json`.
   */
  exportWorkflow(
    workflowId: string,
    options?: { version?: number },
  ): Promise<ClientResult<WorkflowExport>>;
  /**
   * Saves a workflow file as a new workflow (201); `validation` lists the credentials to pick
   * (`MISSING_CREDENTIAL`) and any other problem. A file that is not one answers 400.
   */
  importWorkflow(file: WorkflowExport): Promise<ClientResult<SaveWorkflowResult>>;
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
