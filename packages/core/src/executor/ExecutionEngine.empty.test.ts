import { describe, expect, it } from 'vitest';
import { createTestEngine } from './engineTestKit.test-helpers';

describe('ExecutionEngine: an empty workflow (the seed sample 3)', () => {
  it('creates an instance and runs it to completed with progress 0/0', async () => {
    const { run } = createTestEngine();
    const { instance, status, events } = await run({ nodes: [], edges: [] }, { test: true });
    expect(instance.status).toBe('pending');
    expect(status).toMatchObject({ status: 'completed', progress: { completed: 0, total: 0 } });
    expect(events.map((event) => event.event_type)).toEqual([
      'execution_started',
      'execution_completed',
    ]);
    expect(events[1]?.data).toMatchObject({ progress: { completed: 0, total: 0 } });
  });
});
