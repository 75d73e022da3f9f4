export type { AuditHook } from './audit/AuditRecorder';
export type {
  AccessResource,
  AuthenticateHook,
  AuthorizeHook,
  CanAccessHook,
  WorkflowAction,
  WorkflowResource,
  WorkflowUser,
} from './auth/authTypes';
export { ANONYMOUS_USER } from './auth/authTypes';
export { defaultCanAccess } from './auth/defaultCanAccess';
export {
  createWorkflowServer,
  type ServerCloseOptions,
  type ServerLogger,
  type TriggerOptions,
  type WorkflowServer,
  type WorkflowServerOptions,
} from './createWorkflowServer';
export { type CredentialsKey, CredentialVault } from './credentials/CredentialVault';
export {
  type CredentialResolverOptions,
  createCredentialResolver,
} from './credentials/createCredentialResolver';
export type { RequestContext } from './http/apiEnv';
export { httpStatusOf } from './http/httpStatusOf';
export type { RouteName } from './http/routeNames';
export { createFlowloomMetrics } from './metrics/createFlowloomMetrics';
export type {
  ConnectionSource,
  CounterMetric,
  FlowloomMetrics,
  FlowloomMetricsOptions,
  GaugeMetric,
  HistogramMetric,
  MetricsRegistry,
} from './metrics/metricsTypes';
export type { ServerMetricsOption } from './metrics/resolveServerMetrics';
export type { LookupAll } from './network/createGuardedConnector';
export { type ClosableStepFetch, createGuardedNodeFetch } from './network/createGuardedNodeFetch';
export {
  createNodeGuardTransport,
  type NodeGuardTransport,
  type NodeGuardTransportOptions,
} from './network/createNodeGuardTransport';
export {
  type AttachedWebSocket,
  type AttachWebSocketOptions,
  attachWebSocketServer,
  type UpgradeListener,
  type UpgradeSource,
} from './node/attachWebSocketServer';
export { createLeaseOwnerId } from './node/leaseOwnerId';
export {
  type BuildAsyncApiOptions,
  buildAsyncApiDocument,
} from './openapi/buildAsyncApiDocument';
export { type BuildOpenApiOptions, buildOpenApiDocument } from './openapi/buildOpenApiDocument';
export type {
  OpenApiOptions,
  OpenApiSecurityScheme,
  OpenApiServer,
} from './openapi/openApiOptions';
export type { OperationsOptions } from './operationsOptions';
export { MemoryRateLimitStore } from './rateLimit/MemoryRateLimitStore';
export { parseRate, type Rate, type RateSpec } from './rateLimit/parseRate';
export type { RateLimitOptions } from './rateLimit/RateLimiter';
export type { RateLimitDecision, RateLimitStore } from './rateLimit/RateLimitStore';
export {
  RedisRateLimitStore,
  type RedisRateLimitStoreOptions,
} from './rateLimit/RedisRateLimitStore';
export type { PruneResult, RetentionOptions } from './retention/createRunRetention';
export { type CodeSandboxOptions, createCodeSandbox } from './sandbox/createCodeSandbox';
export type {
  PostgresPool,
  PostgresPoolClient,
  PostgresQueryResult,
} from './stores/PostgresPool';
export { PostgresStore, type PostgresStoreOptions } from './stores/PostgresStore';
export { SqliteStore, type SqliteStoreOptions } from './stores/SqliteStore';
export { type ScheduleClock, systemClock } from './triggers/ScheduleClock';
export { InProcessTickClaim, type TickClaim } from './triggers/TickClaim';
export {
  createWorkflowLoader,
  type WorkflowLoaderOptions,
} from './waits/createWorkflowLoader';
export {
  type EventSource,
  type HubConnection,
  type HubSession,
  type UpgradeDecision,
  WebSocketHub,
} from './ws/WebSocketHub';
export { WEBSOCKET_OPEN, type WebSocketLike } from './ws/WebSocketLike';
