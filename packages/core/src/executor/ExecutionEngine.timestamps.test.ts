import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import { ComponentCategory } from '../schema/componentCategory';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine } from './ExecutionEngine';
import { edge, node, START_COMPONENT } from './engineTestKit.test-helpers';
import { RunClock } from './RunClock';

afterEach(() => vi.restoreAllMocks());

describe('ExecutionEngine: event times', () => {
  it("never go back as a run's events go on, even when the wall clock is set back mid-run", async () => {
    const realNow = Date.now.bind(Date);
    let skewMs = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + skewMs);
    const registry = new ComponentRegistry({
      components: [
        START_COMPONENT,
        defineComponent({
          type: 'logger',
          name: 'Logger',
          category: ComponentCategory.UTILITIES,
          execute: async (context) => {
            // The host's clock is set back a minute while the step runs.
            skewMs = -60_000;
            context.logger.info('after the clock went back');
            return { success: true, output_data: {} };
          },
        }),
      ],
    });
    const engine = new ExecutionEngine({ registry, store: new MemoryStore() });
    const events: ExecutionEvent[] = [];
    engine.on('event', (event) => events.push(event));
    const { instance_id } = await engine.createInstance({
      name: 'times',
      workflow_data: {
        nodes: [node('start', 'start'), node('a', 'logger'), node('b', 'logger')],
        edges: [edge('start', 'a'), edge('a', 'b')],
      },
    });
    expect((await engine.executeWorkflow(instance_id)).status).toBe('completed');
    const mine = events.filter((event) => event.instance_id === instance_id);
    expect(mine.map((event) => event.event_type)).toContain('log');
    const times = mine.map((event) => Date.parse(event.timestamp));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });
});

describe('RunClock', () => {
  it('gives a reading taken before the last one the last time again', () => {
    const clock = new RunClock();
    const later = clock.iso(performance.now() + 5_000);
    expect(clock.iso(performance.now())).toBe(later);
    expect(Date.parse(clock.iso(performance.now() + 6_000))).toBeGreaterThan(Date.parse(later));
  });
});
