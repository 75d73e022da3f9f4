import { describe, expect, it } from 'vitest';
import { sampleInstance } from '../store/contractSamples';
import { InstanceSummarySchema, instanceSummaryOf, toInstanceSummary } from './instanceSummary';

describe('instanceSummaryOf', () => {
  it('keeps what a run list shows and drops the document, input and outputs', () => {
    const instance = sampleInstance('i', {
      input_data: { big: 'x'.repeat(1000) },
      started_at: '2026-01-01T00:00:00.000Z',
      finished_at: '2026-01-01T00:01:00.250Z',
      tenant_id: 't',
    });
    const summary = instanceSummaryOf(instance);
    expect(summary).toMatchObject({ duration_ms: 60_250, tenant_id: 't' });
    expect(summary).not.toHaveProperty('workflow_data');
    expect(summary).not.toHaveProperty('input_data');
    expect(InstanceSummarySchema.parse(toInstanceSummary(summary))).toEqual(
      toInstanceSummary(summary),
    );
    expect(toInstanceSummary(summary)).not.toHaveProperty('tenant_id');
  });

  it('has no duration before a run ends, nor for times it cannot read', () => {
    expect(
      instanceSummaryOf(sampleInstance('a', { started_at: '2026-01-01' })).duration_ms,
    ).toBeNull();
    expect(
      instanceSummaryOf(sampleInstance('b', { started_at: 'soon', finished_at: 'later' }))
        .duration_ms,
    ).toBeNull();
  });

  it('refuses, as the API schema, any field beyond the summary', () => {
    const summary = toInstanceSummary(instanceSummaryOf(sampleInstance('c')));
    expect(InstanceSummarySchema.safeParse({ ...summary, workflow_data: {} }).success).toBe(false);
  });
});
