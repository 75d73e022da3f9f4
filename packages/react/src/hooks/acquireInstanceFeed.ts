import type { WorkflowClient } from '../client/clientTypes';
import { InstanceFeed } from './InstanceFeed';

interface FeedEntry {
  feed: InstanceFeed;
  readers: number;
}

/** The open feeds of each client, by instance id. */
const feedsByClient = new WeakMap<WorkflowClient, Map<string, FeedEntry>>();

/** A feed held by one reader, and the function that lets it go. */
export interface HeldInstanceFeed {
  feed: InstanceFeed;
  /** Lets the feed go; the last reader's release closes its subscription. Safe to call twice. */
  release: () => void;
}

/**
 * The page's one live feed of an instance on a client: the first reader opens it (one
 * WebSocket), later readers share it, and the last one to release it closes it. The execution
 * panel, the canvas's node statuses and any `useWorkflowExecution` of the same instance all
 * read the same events.
 *
 * @example
 * const { feed, release } = acquireInstanceFeed(client, instanceId);
 * const stop = feed.subscribe(() => render(feed.getSnapshot()));
 * // later
 * stop();
 * release();
 */
export function acquireInstanceFeed(client: WorkflowClient, instanceId: string): HeldInstanceFeed {
  let feeds = feedsByClient.get(client);
  if (!feeds) {
    feeds = new Map();
    feedsByClient.set(client, feeds);
  }
  let entry = feeds.get(instanceId);
  if (!entry) {
    entry = { feed: new InstanceFeed(client, instanceId), readers: 0 };
    feeds.set(instanceId, entry);
    entry.feed.start();
  }
  entry.readers += 1;
  const held = entry;
  let released = false;
  return {
    feed: held.feed,
    release: () => {
      if (released) return;
      released = true;
      held.readers -= 1;
      if (held.readers > 0) return;
      held.feed.close();
      if (feeds.get(instanceId) === held) feeds.delete(instanceId);
    },
  };
}

/**
 * The instance's feed if a reader holds it open, without holding it: for a look at the events
 * already received (e.g. to repaint the canvas) that must not open a subscription.
 */
export function peekInstanceFeed(
  client: WorkflowClient,
  instanceId: string,
): InstanceFeed | undefined {
  return feedsByClient.get(client)?.get(instanceId)?.feed;
}
