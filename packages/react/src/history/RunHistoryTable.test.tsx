import { sampleInstance } from '@flowloom/core/testing';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeWorkflowClient } from '../hooks/fakeWorkflowClient.test-helpers';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { RunHistoryTable } from './RunHistoryTable';

describe('RunHistoryTable', () => {
  it('shows what started each run in the Trigger column', async () => {
    const client = new FakeWorkflowClient();
    client.instances.push(
      sampleInstance('hooked', {
        workflow_id: 'wf',
        trigger: { type: 'webhook', step_id: 'hook' },
      }),
      sampleInstance('timed', {
        workflow_id: 'wf',
        trigger: { type: 'schedule', step_id: 'cron' },
      }),
      sampleInstance('child', { workflow_id: 'wf', parent_instance_id: 'hooked' }),
      sampleInstance('by-hand', { workflow_id: 'wf' }),
    );
    render(
      <WorkflowProvider client={client}>
        <RunHistoryTable workflowId="wf" />
      </WorkflowProvider>,
    );
    const triggerOf = async (id: string) => {
      const row = await screen.findByText(
        (_, element) => element?.getAttribute('data-instance-id') === id,
      );
      return within(row).getAllByRole('cell')[1]!.textContent;
    };
    expect(await triggerOf('hooked')).toBe('webhook');
    expect(await triggerOf('timed')).toBe('schedule');
    expect(await triggerOf('child')).toBe('sub-workflow');
    expect(await triggerOf('by-hand')).toBe('manual');
  });
});
