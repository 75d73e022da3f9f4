import type { EventEmitter } from 'eventemitter3';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { ExecutionEngineEvents, ExecutionEventListener } from './engineEvents';

/**
 * Delivers stored events: to the listeners of the event's instance, then to the engine's
 * emitter (`event`, and the event's own type). A listener that throws is reported and breaks
 * neither the run nor the other listeners.
 */
export class EventFanOut {
  private readonly subscribers = new Map<string, Set<ExecutionEventListener>>();

  constructor(private readonly emitter: EventEmitter<ExecutionEngineEvents>) {}

  /** Calls `listener` with each new event of one instance; returns a function that unsubscribes. */
  subscribe(instanceId: string, listener: ExecutionEventListener): () => void {
    let listeners = this.subscribers.get(instanceId);
    if (!listeners) {
      listeners = new Set();
      this.subscribers.set(instanceId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.subscribers.get(instanceId) === listeners) {
        this.subscribers.delete(instanceId);
      }
    };
  }

  /** Delivers one event; bound, so a run calls it with no closure per event. */
  readonly publish = (event: ExecutionEvent): void => {
    const listeners = this.subscribers.get(event.instance_id);
    if (listeners) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          reportListenerError(error);
        }
      }
    }
    const emitter = this.emitter;
    try {
      emitter.emit('event', event);
    } catch (error) {
      reportListenerError(error);
    }
    try {
      // The emitter's map types each name with its own event; the union can't show that here.
      (emitter.emit as (name: string, event: ExecutionEvent) => boolean).call(
        emitter,
        event.event_type,
        event,
      );
    } catch (error) {
      reportListenerError(error);
    }
  };
}

function reportListenerError(error: unknown): void {
  console.error('[flowloom] An execution event listener threw:', error);
}
