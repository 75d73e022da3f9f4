export type {
  AuthenticateHook,
  AuthorizeHook,
  WorkflowAction,
  WorkflowResource,
  WorkflowUser,
} from './auth/authTypes';
export { ANONYMOUS_USER } from './auth/authTypes';
export {
  createWorkflowServer,
  type ServerLogger,
  type WorkflowServer,
  type WorkflowServerOptions,
} from './createWorkflowServer';
export type { RequestContext } from './http/apiEnv';
export { httpStatusOf } from './http/httpStatusOf';
export type { RouteName } from './http/routeNames';
export {
  type AttachedWebSocket,
  type AttachWebSocketOptions,
  attachWebSocketServer,
  type UpgradeListener,
  type UpgradeSource,
} from './node/attachWebSocketServer';
export { buildOpenApiDocument } from './openapi/buildOpenApiDocument';
export { MemoryRateLimitStore } from './rateLimit/MemoryRateLimitStore';
export { parseRate, type Rate, type RateSpec } from './rateLimit/parseRate';
export type { RateLimitOptions } from './rateLimit/RateLimiter';
export type { RateLimitDecision, RateLimitStore } from './rateLimit/RateLimitStore';
export {
  RedisRateLimitStore,
  type RedisRateLimitStoreOptions,
} from './rateLimit/RedisRateLimitStore';
export { PostgresStore, type PostgresStoreOptions } from './stores/PostgresStore';
export { SqliteStore, type SqliteStoreOptions } from './stores/SqliteStore';
export {
  type EventSource,
  type HubConnection,
  type HubSession,
  type UpgradeDecision,
  WebSocketHub,
} from './ws/WebSocketHub';
export { WEBSOCKET_OPEN, type WebSocketLike } from './ws/WebSocketLike';
