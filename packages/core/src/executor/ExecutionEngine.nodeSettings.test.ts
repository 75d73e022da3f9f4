import { describe, expect, it } from 'vitest';
import { createTestEngine, edge, node, resetAttempts } from './engineTestKit.test-helpers';

function disabled(id: string, type: string, parameters: Record<string, unknown> = {}) {
  return { ...node(id, type, parameters), data: { parameters, disabled: true } };
}

describe('a disabled step', () => {
  it('is skipped as disabled and passes its input on to the next step', async () => {
    const { run, events } = createTestEngine();
    const { status } = await run(
      {
        nodes: [
          node('start', 'start'),
          disabled('off', 'step', { value: 'never' }),
          node('next', 'step', { value: '{{ steps.off.n }}' }),
        ],
        edges: [edge('start', 'off'), edge('off', 'next')],
      },
      { n: 7 },
    );
    expect(status.status).toBe('completed');
    expect(status.steps.off).toMatchObject({ status: 'skipped', output_data: { n: 7 } });
    expect(status.steps.next?.output_data).toEqual({ value: 7 });
    expect(events.find((event) => event.step_id === 'off')).toMatchObject({
      event_type: 'step_skipped',
      data: { reason: 'disabled', output_data: { n: 7 }, output_handles: ['output'] },
    });
  });

  it('passes its input through the first handle of a step that picks its own', async () => {
    const { run } = createTestEngine();
    const { status } = await run({
      nodes: [
        node('start', 'start'),
        disabled('choose', 'branch', { go: false }),
        node('yes', 'step'),
        node('no', 'step'),
      ],
      edges: [
        edge('start', 'choose'),
        edge('choose', 'yes', 'true'),
        edge('choose', 'no', 'false'),
      ],
    });
    expect(status.steps.yes?.status).toBe('completed');
    expect(status.steps.no?.status).toBe('skipped');
  });
});

describe('on_error', () => {
  const failing = (onError: string | undefined, withErrorBranch: boolean) => ({
    nodes: [
      node('start', 'start'),
      node('bad', 'fail', {}, onError ? { on_error: onError } : undefined),
      node('next', 'step', { value: '{{ steps.bad.error.code }}' }),
      node('recover', 'step', { value: 'recovered' }),
    ],
    edges: [
      edge('start', 'bad'),
      edge('bad', 'next', 'success'),
      ...(withErrorBranch ? [edge('bad', 'recover', 'error')] : []),
    ],
  });

  it('takes the error branch by default when one is connected', async () => {
    resetAttempts();
    const { status } = await createTestEngine().run(failing(undefined, true));
    expect(status.status).toBe('completed');
    expect(status.steps.recover?.status).toBe('completed');
    expect(status.steps.next?.status).toBe('skipped');
  });

  it('fails the run with `fail`, even with an error branch connected', async () => {
    resetAttempts();
    const { status } = await createTestEngine().run(failing('fail', true));
    expect(status.status).toBe('failed');
    expect(status.error).toMatchObject({ code: 'BOOM', step_id: 'bad' });
    expect(status.steps.recover?.status).not.toBe('completed');
  });

  it('fails the run with `error_branch` when no error branch is connected', async () => {
    resetAttempts();
    const { status } = await createTestEngine().run(failing('error_branch', false));
    expect(status.status).toBe('failed');
  });

  it('completes the step with the error in its output with `continue`', async () => {
    resetAttempts();
    const { status } = await createTestEngine().run(failing('continue', true));
    expect(status.status).toBe('completed');
    expect(status.steps.bad).toMatchObject({
      status: 'completed',
      output_data: { attempt: 1, error: { code: 'BOOM' } },
      output_handles: ['success'],
    });
    expect(status.steps.next?.output_data).toEqual({ value: 'BOOM' });
    expect(status.steps.recover?.status).toBe('skipped');
  });
});
