import type { ExecutionEvent } from '@flowloom/core';
import type { SubscribeOptions } from './clientTypes';
import { ClientErrorCode } from './requestJson';
import type { SubscriptionSettings } from './subscribeToInstance';

/**
 * {@link subscribeToInstance}, with the WebSocket client loaded on the first subscription (a
 * dynamic `import()`): a page that follows no run never fetches it.
 *
 * @remarks Unsubscribing before it has loaded means it never connects. When it cannot load,
 * `options.onError` is told (`NETWORK_ERROR`, status 0) and nothing else happens.
 * @returns a function that closes the subscription.
 */
export function subscribeLazily(
  settings: SubscriptionSettings,
  instanceId: string,
  onEvent: (event: ExecutionEvent) => void,
  options: SubscribeOptions = {},
): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  import('./subscribeToInstance').then(
    ({ subscribeToInstance }) => {
      if (!stopped) stop = subscribeToInstance(settings, instanceId, onEvent, options);
    },
    (error: unknown) => {
      if (stopped) return;
      const reason = error instanceof Error ? error.message : String(error);
      options.onError?.({
        code: ClientErrorCode.NETWORK_ERROR,
        status: 0,
        message: `Could not load the live-event client: ${reason}`,
      });
    },
  );
  return () => {
    stopped = true;
    stop?.();
  };
}
