export {
  createQueueRunner,
  type QueueRunner,
  type QueueRunnerOptions,
} from './createQueueRunner';
export {
  createWorker,
  type QueueWorker,
  type QueueWorkerOptions,
  type WorkerCloseOptions,
  type WorkerEngineOptions,
} from './createWorker';
export {
  observeQueueMetrics,
  type QueueMetrics,
  type QueueMetricsRegistry,
} from './observeQueueMetrics';
export { DEFAULT_QUEUE_NAME } from './queueKeys';
export {
  createRedisConcurrencyGate,
  type RedisConcurrencyGate,
  type RedisConcurrencyGateOptions,
} from './RedisConcurrencyGate';
export type { RedisConnection } from './redisConnection';
