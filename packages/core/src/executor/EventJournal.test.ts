import { describe, expect, it, vi } from 'vitest';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { EventJournal } from './EventJournal';

function createJournal(store = new MemoryStore(), lastSeq = 0) {
  const applied: number[] = [];
  const published: ExecutionEvent[] = [];
  const journal = new EventJournal(
    'inst',
    lastSeq,
    store,
    (event) => applied.push(event.seq),
    (event) => published.push(event),
  );
  return { journal, applied, published, store };
}

describe('EventJournal', () => {
  it('numbers events after the last stored seq and applies each at once', () => {
    const { journal, applied, published } = createJournal(new MemoryStore(), 7);
    const event = journal.append('log', { level: 'info', message: 'hi' }, 'step');
    expect(event).toMatchObject({
      seq: 8,
      event_type: 'log',
      instance_id: 'inst',
      step_id: 'step',
    });
    expect(applied).toEqual([8]);
    expect(published).toEqual([]);
  });

  it('leaves step_id out of events that belong to no step', () => {
    const { journal } = createJournal();
    const event = journal.append('execution_cancelled', { duration_ms: 1, reason: 'x' });
    expect(event).not.toHaveProperty('step_id');
  });

  it('publishes events only once they are stored, in seq order', async () => {
    const { journal, published, store } = createJournal();
    journal.append('log', { level: 'info', message: 'one' });
    journal.append('log', { level: 'info', message: 'two' });
    await journal.flush();
    expect(published.map((event) => event.seq)).toEqual([1, 2]);
    expect((await store.listEvents('inst')).map((event) => event.seq)).toEqual([1, 2]);
    expect((await store.listLogs('inst')).map((entry) => entry.message)).toEqual(['one', 'two']);
  });

  it('groups the appends made during a write into one next write', async () => {
    const store = new MemoryStore();
    const append = vi.spyOn(store, 'appendEvents');
    const { journal } = createJournal(store);
    journal.append('log', { level: 'info', message: 'a' });
    journal.append('log', { level: 'info', message: 'b' });
    await Promise.resolve();
    journal.append('log', { level: 'info', message: 'c' });
    journal.append('log', { level: 'info', message: 'd' });
    await journal.flush();
    expect(append.mock.calls.map(([batch]) => batch.map((event) => event.seq))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('rejects flush when the store fails, without an unhandled rejection', async () => {
    const store = new MemoryStore();
    vi.spyOn(store, 'appendEvents').mockRejectedValue(new Error('disk full'));
    const { journal, published } = createJournal(store);
    journal.append('log', { level: 'info', message: 'lost' });
    await expect(journal.flush()).rejects.toThrow('disk full');
    expect(published).toEqual([]);
  });

  it('refuses appends once closed but still writes what came before', async () => {
    const { journal, store } = createJournal();
    journal.append('log', { level: 'info', message: 'kept' });
    journal.close();
    expect(journal.append('log', { level: 'info', message: 'dropped' })).toBeUndefined();
    await journal.flush();
    expect((await store.listEvents('inst')).map((event) => event.seq)).toEqual([1]);
  });
});
