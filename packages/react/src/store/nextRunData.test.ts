import { describe, expect, it } from 'vitest';
import { makeEvent } from '../hooks/executionFixtures.test-helpers';
import { nextRunData } from './nextRunData';

const started = makeEvent(1, 'execution_started', {
  input_data: { id: 7 },
  variables: { region: 'eu' },
  total_steps: 2,
});

describe('nextRunData', () => {
  it('starts afresh with the run’s input and variables', () => {
    expect(nextRunData(undefined, started)).toEqual({
      instanceId: 'inst_1',
      input: { id: 7 },
      vars: { region: 'eu' },
      outputs: {},
    });
  });

  it('adds a completed step’s output and the variables it set', () => {
    const completed = makeEvent(
      2,
      'step_completed',
      {
        output_data: { status: 200 },
        output_handles: ['success'],
        duration_ms: 3,
        attempts: 1,
        set_variables: { total: 3 },
      },
      'http',
    );
    const data = nextRunData(nextRunData(undefined, started), completed);
    expect(data?.outputs).toEqual({ http: { status: 200 } });
    expect(data?.vars).toEqual({ region: 'eu', total: 3 });
  });

  it('returns the same object for events that carry no data', () => {
    const data = nextRunData(undefined, started);
    const log = makeEvent(3, 'log', { level: 'info', message: 'hi' }, 'http');
    expect(nextRunData(data, log)).toBe(data);
  });
});
