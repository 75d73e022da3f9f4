import type {
  ExecutionEvent,
  ExecutionEventOf,
  ExecutionEventType,
} from '../schema/executionEvent';

/**
 * What an {@link ExecutionEngine} emits: `event` for every event of every run, and each event
 * type under its own name, e.g. `engine.on('step_completed', (event) => ...)`.
 */
export type ExecutionEngineEvents = {
  event: [event: ExecutionEvent];
} & {
  [K in ExecutionEventType]: [event: ExecutionEventOf<K>];
};

/** Receives one instance's events in `seq` order. */
export type ExecutionEventListener = (event: ExecutionEvent) => void;
