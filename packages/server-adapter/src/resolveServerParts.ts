import {
  type CodeSandbox,
  type ComponentRegistry,
  type CredentialResolver,
  componentRegistry,
  createGuardedFetch,
  createInProcessRunner,
  ExecutionEngine,
  NetworkOptionsSchema,
  resolveLimits,
  type WorkflowLimits,
  type WorkflowRunner,
  type WorkflowStore,
} from '@flowloom/core';
import { CredentialVault } from './credentials/CredentialVault';
import { createCredentialResolver } from './credentials/createCredentialResolver';
import type { FlowloomMetrics } from './metrics/metricsTypes';
import { resolveServerMetrics } from './metrics/resolveServerMetrics';
import {
  createNodeGuardTransport,
  type NodeGuardTransport,
} from './network/createNodeGuardTransport';
import { createLeaseOwnerId } from './node/leaseOwnerId';
import { RateLimiter } from './rateLimit/RateLimiter';
import { parseRetentionOptions, type RetentionOptions } from './retention/createRunRetention';
import { createCodeSandbox } from './sandbox/createCodeSandbox';
import { openDefaultStore } from './stores/openDefaultStore';
import { readSyncInterval } from './triggers/readSyncInterval';
import { createWorkflowLoader } from './waits/createWorkflowLoader';
import type { ServerLogger, WorkflowServerOptions } from './workflowServerOptions';

/** What {@link createWorkflowServer}'s options resolve to, defaults filled in. */
export interface ServerParts {
  logger: ServerLogger;
  basePath: string;
  limiter: RateLimiter;
  /**
   * The server's own bounds (open WebSockets): the `limits` option when given, else the engine's
   * (a host's engine brings its own limits).
   */
  socketLimits: Pick<WorkflowLimits, 'maxWebSocketsPerUser' | 'maxWebSockets'>;
  retentionOptions: RetentionOptions;
  syncIntervalMs: number;
  metrics: FlowloomMetrics | undefined;
  vault: CredentialVault | undefined;
  store: WorkflowStore;
  /** The server opened the store, so it closes it. */
  ownsStore: boolean;
  registry: ComponentRegistry;
  /** The connection pools of the server's own engine's fetch; none for a host's engine. */
  transport: NodeGuardTransport | undefined;
  sandbox: CodeSandbox | undefined;
  /** The server made the sandbox, so it closes it. */
  ownsSandbox: boolean;
  credentials: CredentialResolver | undefined;
  engine: ExecutionEngine;
  runner: WorkflowRunner;
}

/**
 * Reads the server's options and makes what they leave to the server: the store, the sandbox,
 * the credential resolver, the engine and its runner.
 *
 * @throws FlowloomError for an option it refuses, before any store is opened.
 */
export function resolveServerParts(options: WorkflowServerOptions): ServerParts {
  const logger = options.logger ?? console;
  const basePath = normaliseBasePath(options.basePath ?? '/api/workflow');
  // Options that can be refused are read before a store is opened, so a refusal leaks nothing.
  // Always made: refused authentications are limited per IP even when no route is.
  const limiter = new RateLimiter(options.rateLimit ?? {}, options.rateLimitStore);
  const retentionOptions = parseRetentionOptions(options.retention);
  const limits = resolveLimits(options.limits);
  const syncIntervalMs = readSyncInterval(options.triggers?.syncIntervalMs);
  const network = NetworkOptionsSchema.parse(options.network ?? {});
  const metrics = resolveServerMetrics(options.metrics);
  const vault =
    options.credentialsKey === undefined ? undefined : new CredentialVault(options.credentialsKey);
  const ownsStore = !options.store && !options.engine;
  const store = options.store ?? options.engine?.store ?? openDefaultStore();
  const registry = options.registry ?? options.engine?.registry ?? componentRegistry;
  // The server's own engine gets the DNS-checking fetch; its connection pools close with it.
  const transport = options.engine ? undefined : createNodeGuardTransport();
  const ownsSandbox = !options.engine && options.sandbox === undefined;
  const sandbox =
    options.engine || options.sandbox === false
      ? undefined
      : (options.sandbox ??
        createCodeSandbox({ maxOutputBytes: options.limits?.maxStepOutputBytes }));
  const credentials = vault
    ? createCredentialResolver({
        store,
        vault,
        canAccess: options.canAccess,
        authorize: options.authorize,
      })
    : undefined;
  const engine =
    options.engine ??
    new ExecutionEngine({
      registry,
      store,
      limits,
      network,
      fetch: createGuardedFetch({ network, transport }),
      sandbox,
      credentials,
      // Sub-workflows run only the workflows their run's owner may read.
      workflows: createWorkflowLoader({
        store,
        canAccess: options.canAccess,
        authorize: options.authorize,
      }),
      now: options.now,
      ownerId: createLeaseOwnerId(),
      leaseMs: options.leaseMs,
    });
  const runner = options.runner ?? createInProcessRunner(engine);
  return {
    logger,
    basePath,
    limiter,
    socketLimits: options.limits ? limits : engine.limits,
    retentionOptions,
    syncIntervalMs,
    metrics,
    vault,
    store,
    ownsStore,
    registry,
    transport,
    sandbox,
    ownsSandbox,
    credentials,
    engine,
    runner,
  };
}

function normaliseBasePath(path: string): string {
  const trimmed = `/${path.replace(/^\/+|\/+$/g, '')}`;
  return trimmed === '/' ? '' : trimmed;
}
