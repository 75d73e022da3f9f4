import { describe, expect, it, vi } from 'vitest';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { EventJournal, type EventJournalOptions } from './EventJournal';

function createJournal(store = new MemoryStore(), lastSeq = 0, options?: EventJournalOptions) {
  const applied: number[] = [];
  const appliedEvents: ExecutionEvent[] = [];
  const published: ExecutionEvent[] = [];
  const journal = new EventJournal(
    'inst',
    lastSeq,
    store,
    (event) => {
      applied.push(event.seq);
      appliedEvents.push(event);
    },
    (event) => published.push(event),
    options,
  );
  return { journal, applied, appliedEvents, published, store };
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

  it('groups the appends made while a write is in flight into one next write', async () => {
    const store = new MemoryStore();
    const write = store.appendEvents.bind(store);
    const batches: number[][] = [];
    // An asynchronous store: each write takes a promise hop.
    vi.spyOn(store, 'appendEvents').mockImplementation(async (batch) => {
      batches.push(batch.map((event) => event.seq));
      await write(batch);
    });
    const { journal } = createJournal(store);
    journal.append('log', { level: 'info', message: 'a' });
    const first = journal.flush();
    journal.append('log', { level: 'info', message: 'b' });
    journal.append('log', { level: 'info', message: 'c' });
    await first;
    await journal.flush();
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('stores a stretch of appends in one write with a store that writes synchronously', async () => {
    const store = new MemoryStore();
    const batches: number[][] = [];
    const write = store.appendEvents.bind(store);
    vi.spyOn(store, 'appendEvents').mockImplementation((batch) => {
      batches.push(batch.map((event) => event.seq));
      return write(batch);
    });
    const { journal, published } = createJournal(store);
    journal.append('log', { level: 'info', message: 'a' });
    journal.append('log', { level: 'info', message: 'b' });
    expect(journal.commit()).toBe(true);
    expect(batches).toEqual([[1, 2]]);
    expect(published.map((event) => event.seq)).toEqual([1, 2]);
  });

  it('commits what nobody commits a microtask later', async () => {
    const { journal, published } = createJournal();
    journal.append('log', { level: 'info', message: 'later' });
    await Promise.resolve();
    expect(published.map((event) => event.seq)).toEqual([1]);
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

describe('EventJournal when the store fails', () => {
  it('retries a failed write and goes on when the retry succeeds', async () => {
    const store = new MemoryStore();
    const append = store.appendEvents.bind(store);
    let failures = 1;
    vi.spyOn(store, 'appendEvents').mockImplementation(async (batch) => {
      if (failures-- > 0) throw new Error('busy');
      return append(batch);
    });
    const { journal, published } = createJournal(store, 0, { retryDelaysMs: [1] });
    journal.append('log', { level: 'info', message: 'kept' });
    await journal.flush();
    expect(published.map((event) => event.seq)).toEqual([1]);
    expect(await store.lastEventSeq('inst')).toBe(1);
  });

  it('keeps rejecting flush after a write failed for good, yet writes later batches', async () => {
    const store = new MemoryStore();
    const append = store.appendEvents.bind(store);
    vi.spyOn(store, 'appendEvents').mockImplementation(async (batch) => {
      if (batch.some((event) => event.seq === 1)) throw new Error('disk full');
      return append(batch);
    });
    const { journal, published } = createJournal(store, 0, { retryDelaysMs: [1, 1] });
    journal.append('log', { level: 'info', message: 'lost' });
    await expect(journal.flush()).rejects.toThrow('disk full');
    journal.append('execution_failed', {
      duration_ms: 0,
      error: { code: 'STORE_ERROR', message: 'x' },
    });
    await expect(journal.flush()).rejects.toThrow('disk full');
    expect(journal.failed).toBe(true);
    expect((await store.listEvents('inst')).map((event) => event.seq)).toEqual([2]);
    expect(published.map((event) => event.seq)).toEqual([2]);
  });

  it('publishes a final event even when it cannot be stored', async () => {
    const store = new MemoryStore();
    vi.spyOn(store, 'appendEvents').mockRejectedValue(new Error('gone'));
    const { journal, published } = createJournal(store, 0, { retryDelaysMs: [] });
    journal.append('log', { level: 'info', message: 'lost' });
    journal.append('execution_cancelled', { duration_ms: 1, reason: 'stop' });
    await expect(journal.flush()).rejects.toThrow('gone');
    expect(published.map((event) => event.event_type)).toEqual(['execution_cancelled']);
  });

  it('redacts each event before applying, storing and publishing it', async () => {
    const { journal, appliedEvents, store } = createJournal(new MemoryStore(), 0, {
      redact: (data) => JSON.parse(JSON.stringify(data).replaceAll('secret', '[redacted]')),
    });
    journal.append('log', { level: 'info', message: 'the secret' });
    await journal.flush();
    expect(appliedEvents[0]?.data).toMatchObject({ message: 'the [redacted]' });
    expect((await store.listLogs('inst'))[0]?.message).toBe('the [redacted]');
  });
});
