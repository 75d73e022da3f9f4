import type { ExecutionEvent } from '@flowloom/core';
import type {
  ClientError,
  ClientResult,
  SubscribeOptions,
  WorkflowClient,
} from '../client/clientTypes';

/** One open subscription of the fake client. */
export interface FakeSubscription {
  instanceId: string;
  onEvent: (event: ExecutionEvent) => void;
  options: SubscribeOptions | undefined;
  closed: boolean;
}

/** What the fake answers for something it does not hold (an unknown id). */
export const NOT_FAKED: ClientError = {
  code: 'INTERNAL_ERROR',
  message: 'not faked',
  status: 0,
};

/**
 * What every method of the fake client shares, apart from the data it fakes: the record of
 * calls, `failNext` to make a method fail once, and the event subscriptions that `emit` and
 * `setConnected` reach.
 */
export abstract class FakeClientBase {
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  readonly subscriptions: FakeSubscription[] = [];
  readonly failures = new Map<string, ClientError>();

  /** Makes the next call of `method` fail with `error`. */
  failNext(method: keyof WorkflowClient, error: Partial<ClientError> = {}): void {
    this.failures.set(method, {
      code: 'INTERNAL_ERROR',
      message: `${method} failed`,
      status: 500,
      ...error,
    });
  }

  /** Pushes an event to every open subscription of its instance. */
  emit(event: ExecutionEvent): void {
    for (const subscription of this.subscriptions) {
      if (!subscription.closed && subscription.instanceId === event.instance_id) {
        subscription.onEvent(event);
      }
    }
  }

  /** Tells every open subscription of an instance that the socket opened or dropped. */
  setConnected(instanceId: string, connected: boolean): void {
    for (const subscription of this.subscriptions) {
      if (!subscription.closed && subscription.instanceId === instanceId) {
        subscription.options?.onConnectionChange?.(connected);
      }
    }
  }

  openSubscriptions(instanceId?: string): FakeSubscription[] {
    return this.subscriptions.filter(
      (s) => !s.closed && (instanceId === undefined || s.instanceId === instanceId),
    );
  }

  subscribe(
    instanceId: string,
    onEvent: (event: ExecutionEvent) => void,
    options?: SubscribeOptions,
  ): () => void {
    this.calls.push({ method: 'subscribe', args: [instanceId, options?.since] });
    const subscription: FakeSubscription = { instanceId, onEvent, options, closed: false };
    this.subscriptions.push(subscription);
    return () => {
      subscription.closed = true;
    };
  }

  /** Records the call, then fails it if `failNext` asked for that, or answers `data()`. */
  protected async answer<T>(
    method: string,
    args: unknown[],
    data: () => T | Promise<T>,
  ): Promise<ClientResult<T>> {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      return { success: false, error: failure };
    }
    return { success: true, data: await data() };
  }
}
