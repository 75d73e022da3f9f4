import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runOrderBatch } from './orderBatch';

describe('the README example of loops, sub-workflows and waits', () => {
  it('summarises every order in its own run, waits for the approval, then completes', async () => {
    const orders = Array.from({ length: 12 }, (_, index) => ({
      id: `o${index}`,
      total: index * 10,
    }));
    const { waiting, done } = await runOrderBatch(orders);
    expect(waiting.status).toBe('waiting');
    expect(waiting.steps.each?.output_data).toEqual({
      results: orders.map((order, index) => ({ order: order.id, position: index })),
      errors: [],
    });
    expect(waiting.steps.approve?.status).toBe('waiting');
    expect(done.status).toBe('completed');
    expect(done.steps.approve?.output_data).toEqual({ by: 'ada' });
    expect(done.steps.notify?.status).toBe('completed');
  });

  it('is the code the README shows, word for word', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL('./orderBatch.ts', import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
