import {
  builtinComponents,
  ComponentRegistry,
  type ExecutionStatus,
  emptyExecutionStatus,
  WorkflowInstanceSchema,
} from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { finishedAnswer } from './webhookAnswer';

const registry = new ComponentRegistry({ components: builtinComponents });
const NOW = '2030-01-01T00:00:00.000Z';

/** A completed run whose `respond_to_webhook` step output `output`, as stored, unchecked. */
function answered(output: Record<string, unknown>) {
  const instance = WorkflowInstanceSchema.parse({
    instance_id: 'inst_1',
    workflow_id: 'wf_1',
    name: 'Hook',
    status: 'completed',
    workflow_data: {
      nodes: [
        { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/in' } } },
        { id: 'reply', type: 'respond_to_webhook' },
      ],
      edges: [{ id: 'e', source: 'hook', target: 'reply' }],
    },
    input_data: null,
    created_by: 'ada',
    created_at: NOW,
    updated_at: NOW,
    started_at: NOW,
    finished_at: NOW,
    error: null,
  });
  const status: ExecutionStatus = {
    ...emptyExecutionStatus('inst_1'),
    status: 'completed',
    steps: {
      reply: {
        status: 'completed',
        attempts: 1,
        started_at: NOW,
        finished_at: NOW,
        output_data: output,
      },
    },
  };
  return finishedAnswer(instance, status, registry);
}

describe('finishedAnswer', () => {
  it('drops the headers a workflow may not set, even from an output that skipped the component', () => {
    const answer = answered({
      status_code: 200,
      headers: {
        'Set-Cookie': 'session=attacker; Path=/',
        'Access-Control-Allow-Origin': '*',
        'Strict-Transport-Security': 'max-age=0',
        'x-frame-options': 'ALLOWALL',
        'content-security-policy': 'default-src *',
        'x-order': '7',
        'cache-control': 'no-store',
      },
      body: 'ok',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('strict-transport-security')).toBeNull();
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('content-security-policy')).toBe('sandbox');
    expect(answer.headers.get('x-order')).toBe('7');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 502 RUN_FAILED instead of a redirect, without its Location', async () => {
    const answer = answered({
      status_code: 302,
      headers: { location: 'https://evil.example/phish' },
      body: null,
    });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('location')).toBeNull();
    expect(await answer.json()).toMatchObject({
      error: { code: 'RUN_FAILED', instance_id: 'inst_1', message: expect.stringContaining('302') },
    });
  });
});
