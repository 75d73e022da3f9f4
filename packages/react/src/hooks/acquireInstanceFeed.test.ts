import { describe, expect, it } from 'vitest';
import { acquireInstanceFeed } from './acquireInstanceFeed';
import { makeEvent } from './executionFixtures.test-helpers';
import { FakeWorkflowClient } from './fakeWorkflowClient.test-helpers';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('acquireInstanceFeed', () => {
  it('opens one subscription for every reader of an instance on a client', () => {
    const client = new FakeWorkflowClient();
    const first = acquireInstanceFeed(client, 'inst_1');
    const second = acquireInstanceFeed(client, 'inst_1');
    expect(second.feed).toBe(first.feed);
    expect(client.openSubscriptions('inst_1')).toHaveLength(1);
    expect(client.calls.filter((call) => call.method === 'subscribe')).toHaveLength(1);
    first.release();
    second.release();
  });

  it('keeps the subscription open until the last reader lets it go', () => {
    const client = new FakeWorkflowClient();
    const first = acquireInstanceFeed(client, 'inst_1');
    const second = acquireInstanceFeed(client, 'inst_1');
    first.release();
    expect(client.openSubscriptions('inst_1')).toHaveLength(1);
    second.release();
    expect(client.openSubscriptions('inst_1')).toHaveLength(0);
  });

  it('counts a reader released twice once', () => {
    const client = new FakeWorkflowClient();
    const first = acquireInstanceFeed(client, 'inst_1');
    const second = acquireInstanceFeed(client, 'inst_1');
    first.release();
    first.release();
    expect(client.openSubscriptions('inst_1')).toHaveLength(1);
    second.release();
  });

  it('opens a fresh feed, from the first event, after the last reader left', async () => {
    const client = new FakeWorkflowClient();
    const first = acquireInstanceFeed(client, 'inst_1');
    client.emit(makeEvent(1, 'log', { level: 'info', message: 'one' }));
    await flush();
    first.release();
    const again = acquireInstanceFeed(client, 'inst_1');
    expect(again.feed).not.toBe(first.feed);
    expect(again.feed.getSnapshot().events).toEqual([]);
    expect(client.calls.filter((call) => call.method === 'subscribe').at(-1)!.args).toEqual([
      'inst_1',
      0,
    ]);
    again.release();
  });

  it('gives each instance and each client a feed of its own', () => {
    const client = new FakeWorkflowClient();
    const other = new FakeWorkflowClient();
    const held = [
      acquireInstanceFeed(client, 'inst_1'),
      acquireInstanceFeed(client, 'inst_2'),
      acquireInstanceFeed(other, 'inst_1'),
    ];
    expect(new Set(held.map((h) => h.feed)).size).toBe(3);
    expect(client.openSubscriptions()).toHaveLength(2);
    expect(other.openSubscriptions()).toHaveLength(1);
    for (const h of held) h.release();
  });

  it('shows a late reader every event the feed received before it came', async () => {
    const client = new FakeWorkflowClient();
    const first = acquireInstanceFeed(client, 'inst_1');
    client.emit(makeEvent(1, 'log', { level: 'info', message: 'one' }));
    client.emit(makeEvent(2, 'log', { level: 'info', message: 'two' }));
    await flush();
    const late = acquireInstanceFeed(client, 'inst_1');
    expect(late.feed.getSnapshot().events.map((event) => event.seq)).toEqual([2, 1]);
    first.release();
    late.release();
  });
});
