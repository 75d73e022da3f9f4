import {
  BaseWorkflowComponent,
  type CustomParameterIssue,
} from '../registry/BaseWorkflowComponent';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { checkCron, isKnownTimeZone } from './cronSchedule';
import { declareParameters } from './declareParameters';

const PARAMETERS = declareParameters([
  {
    name: 'cron',
    label: 'Cron expression',
    type: ParameterType.STRING,
    required: true,
    placeholder: '0 9 * * 1-5',
    description:
      'Five fields (minute hour day-of-month month day-of-week), or six with seconds first. Each takes *, a number, a range a-b, a step */n or a-b/n, a comma list, or names (MON, JAN); @hourly, @daily and the like work too. A schedule may fire at most once a minute unless the server limit minScheduleIntervalMs allows more.',
  },
  {
    name: 'timezone',
    label: 'Time zone',
    type: ParameterType.STRING,
    default: 'UTC',
    placeholder: 'Europe/Paris',
    description: 'The IANA time zone the schedule is read in.',
  },
]);

/**
 * Starts a run on a cron schedule; outputs the run's input plus `triggered_at`.
 *
 * @remarks The component describes the schedule; the server's scheduler fires the runs of an
 * active workflow with the input `{ scheduled_at, fired_at }` (`triggered_at` is then
 * `fired_at`). Ticks missed while no server was up are not fired afterwards.
 */
export class ScheduleTriggerComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'schedule_trigger',
      name: 'Schedule Trigger',
      description: 'Start the workflow on a cron schedule.',
      category: ComponentCategory.TRIGGERS,
      icon: 'ClockIcon',
      color: 'from-sky-500 to-blue-600',
      parameters: [...PARAMETERS],
      input_handles: [],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  /** Checks the cron expression field by field and that the time zone is known. */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const issues: CustomParameterIssue[] = [];
    if (typeof values.cron === 'string') {
      const parsed = checkCron(values.cron);
      if (!parsed.success) {
        issues.push({
          parameter: 'cron',
          message: `Cron expression is invalid: ${parsed.message}`,
        });
      }
    }
    if (typeof values.timezone === 'string' && !isKnownTimeZone(values.timezone)) {
      issues.push({ parameter: 'timezone', message: `Unknown time zone "${values.timezone}"` });
    }
    return issues;
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const output_data: Record<string, unknown> = { ...context.run_input };
    output_data.triggered_at ??= output_data.fired_at ?? new Date().toISOString();
    return { success: true, output_data };
  }
}
