import type { InstanceSummary } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { runTriggerOf } from './runTriggerOf';

const summary = (fields: Partial<InstanceSummary>): InstanceSummary => ({
  instance_id: 'run',
  name: 'Run',
  status: 'completed',
  workflow_id: 'wf',
  workflow_version: 1,
  created_by: null,
  created_at: '2026-01-01T00:00:00.000Z',
  started_at: null,
  finished_at: null,
  duration_ms: null,
  progress: null,
  error: null,
  trigger: null,
  parent_instance_id: null,
  ...fields,
});

describe('runTriggerOf', () => {
  it("names the trigger's type for a run a trigger step started", () => {
    expect(runTriggerOf(summary({ trigger: { type: 'webhook', step_id: 'hook' } }))).toBe(
      'webhook',
    );
    expect(runTriggerOf(summary({ trigger: { type: 'schedule', step_id: 'cron' } }))).toBe(
      'schedule',
    );
  });

  it('says sub_workflow for a run a parent run started, manual for one started by hand', () => {
    expect(runTriggerOf(summary({ parent_instance_id: 'parent' }))).toBe('sub_workflow');
    expect(runTriggerOf(summary({}))).toBe('manual');
  });

  it('says nothing for a summary from a server that sends no trigger', () => {
    const { trigger: _trigger, ...older } = summary({});
    expect(runTriggerOf(older as InstanceSummary)).toBeUndefined();
  });
});
