import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { createExecutionContext } from '../registry/createExecutionContext';
import { ForEachComponent } from './ForEachComponent';
import { SubWorkflowComponent } from './SubWorkflowComponent';
import { WaitComponent } from './WaitComponent';

describe('WaitComponent.validateParameters', () => {
  it('accepts 30 days and refuses more', () => {
    expect(
      WaitComponent.validateParameters({ mode: 'duration', amount: 30, unit: 'days' }),
    ).toEqual([]);
    expect(
      WaitComponent.validateParameters({ mode: 'duration', amount: 721, unit: 'hours' }),
    ).toEqual([{ parameter: 'amount', message: 'A wait lasts at most 30 days' }]);
  });

  it('refuses an until that is not an ISO date-time with an offset', () => {
    for (const until of ['2026-05-01', '2026-05-01T09:00:00', 'tomorrow', '2026-13-45T99:00:00Z']) {
      expect(WaitComponent.validateParameters({ mode: 'until', until }), until).toHaveLength(1);
    }
    expect(
      WaitComponent.validateParameters({ mode: 'until', until: '2026-05-01T09:00:00+02:00' }),
    ).toEqual([]);
  });
});

describe('control-flow components outside the engine', () => {
  it.each([
    ['wait', new WaitComponent(), { mode: 'resume' }],
    ['sub_workflow', new SubWorkflowComponent(), { workflow_id: 'wf' }],
    ['for_each', new ForEachComponent(), { items: [1], workflow_id: 'wf' }],
  ])('a %s step called directly fails NOT_CONFIGURED', async (_type, component, input_data) => {
    const context = createExecutionContext({
      workflow_id: 'wf',
      instance_id: 'inst',
      step_id: 'step',
      input_data,
    });
    const error = await component.execute(context).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FlowloomError);
    expect((error as FlowloomError).code).toBe('NOT_CONFIGURED');
  });
});
