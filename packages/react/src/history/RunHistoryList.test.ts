import type { InstanceSummary } from '@flowloom/core';
import { describe, expect, it, vi } from 'vitest';
import type { ClientResult, InstancePage } from '../client/clientTypes';
import { FakeWorkflowClient } from '../hooks/fakeWorkflowClient.test-helpers';
import { RunHistoryList } from './RunHistoryList';

function run(id: string): InstanceSummary {
  return {
    instance_id: id,
    name: 'Flow',
    status: 'completed',
    workflow_id: 'wf_1',
    workflow_version: 1,
    created_by: null,
    created_at: '2025-01-01T00:00:00.000Z',
    started_at: '2025-01-01T00:00:00.000Z',
    finished_at: '2025-01-01T00:00:01.000Z',
    duration_ms: 1000,
    progress: { completed: 2, total: 2 },
    error: null,
    trigger: null,
    parent_instance_id: null,
  };
}

function page(ids: string[], next: string | null, total = 3): ClientResult<InstancePage> {
  return { success: true, data: { instances: ids.map(run), total, next_cursor: next } };
}

describe('RunHistoryList', () => {
  it('reads the first page with the filter and the page size', async () => {
    const client = new FakeWorkflowClient();
    const list = vi.spyOn(client, 'listInstances').mockResolvedValue(page(['r3', 'r2'], 'c1'));
    const history = new RunHistoryList(client, { workflow_id: 'wf_1' }, 2);
    await history.refresh();
    expect(list).toHaveBeenCalledWith({ workflow_id: 'wf_1', limit: 2 });
    expect(history.getSnapshot()).toMatchObject({
      total: 3,
      hasMore: true,
      loading: false,
      error: null,
    });
    expect(history.getSnapshot().runs.map((r) => r.instance_id)).toEqual(['r3', 'r2']);
  });

  it('appends the next page by cursor and ends on the last one', async () => {
    const client = new FakeWorkflowClient();
    const list = vi
      .spyOn(client, 'listInstances')
      .mockResolvedValueOnce(page(['r3', 'r2'], 'c1'))
      .mockResolvedValueOnce(page(['r2', 'r1'], null));
    const history = new RunHistoryList(client, { workflow_id: 'wf_1' }, 2);
    await history.refresh();
    await history.loadMore();
    expect(list).toHaveBeenLastCalledWith({ workflow_id: 'wf_1', limit: 2, cursor: 'c1' });
    // A run listed on both pages shows once.
    expect(history.getSnapshot().runs.map((r) => r.instance_id)).toEqual(['r3', 'r2', 'r1']);
    expect(history.getSnapshot().hasMore).toBe(false);
    await history.loadMore();
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('drops a page asked for before a refresh', async () => {
    const client = new FakeWorkflowClient();
    let answerMore!: (result: ClientResult<InstancePage>) => void;
    vi.spyOn(client, 'listInstances')
      .mockResolvedValueOnce(page(['r3', 'r2'], 'c1'))
      .mockImplementationOnce(() => new Promise((resolve) => (answerMore = resolve)))
      .mockResolvedValueOnce(page(['r4', 'r3'], 'c2', 4));
    const history = new RunHistoryList(client, {}, 2);
    await history.refresh();
    const more = history.loadMore();
    await history.refresh();
    answerMore(page(['r1'], null));
    await more;
    expect(history.getSnapshot().runs.map((r) => r.instance_id)).toEqual(['r4', 'r3']);
    expect(history.getSnapshot().hasMore).toBe(true);
  });

  it('keeps the runs shown and reports the error when a read fails', async () => {
    const client = new FakeWorkflowClient();
    vi.spyOn(client, 'listInstances')
      .mockResolvedValueOnce(page(['r3'], 'c1'))
      .mockResolvedValueOnce({
        success: false,
        error: { code: 'NETWORK_ERROR', message: 'offline', status: 0 },
      });
    const history = new RunHistoryList(client, {}, 1);
    await history.refresh();
    await history.loadMore();
    expect(history.getSnapshot()).toMatchObject({
      loading: false,
      error: { code: 'NETWORK_ERROR' },
    });
    expect(history.getSnapshot().runs.map((r) => r.instance_id)).toEqual(['r3']);
  });

  it('turns a client that throws into an error', async () => {
    const client = new FakeWorkflowClient();
    vi.spyOn(client, 'listInstances').mockRejectedValue(new Error('boom'));
    const history = new RunHistoryList(client, {}, 1);
    await history.refresh();
    expect(history.getSnapshot().error).toMatchObject({ message: expect.stringContaining('boom') });
  });
});
