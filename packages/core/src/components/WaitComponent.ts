import { ErrorCode } from '../errors/errorCodes';
import { requireStepControl } from '../executor/stepControl';
import {
  BaseWorkflowComponent,
  type CustomParameterIssue,
} from '../registry/BaseWorkflowComponent';
import type { ParameterValues } from '../registry/parameterValues';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';
import { passThroughInput } from './passThroughInput';
import { MAX_WAIT_MS, parseWaitUntil, WAIT_UNIT_MS, type WaitUnit } from './waitTime';

const PARAMETERS = declareParameters([
  {
    name: 'mode',
    label: 'Wait',
    type: ParameterType.SELECT,
    options: [
      { value: 'duration', label: 'For a duration' },
      { value: 'until', label: 'Until a date and time' },
      { value: 'resume', label: 'Until resumed (e.g. an approval)' },
    ],
    default: 'duration',
    description:
      'A duration or a date wakes the run by itself; "resume" waits for POST /instances/{id}/resume.',
  },
  {
    name: 'amount',
    label: 'Amount',
    type: ParameterType.NUMBER,
    min: 0,
    default: 1,
    description: 'How long to wait, in units (duration mode); 30 days at most.',
  },
  {
    name: 'unit',
    label: 'Unit',
    type: ParameterType.SELECT,
    options: ['seconds', 'minutes', 'hours', 'days'],
    default: 'minutes',
  },
  {
    name: 'until',
    label: 'Until',
    type: ParameterType.STRING,
    placeholder: '2026-05-01T09:00:00Z',
    description:
      'An ISO date-time with an offset (until mode); a time already past goes on at once.',
  },
  {
    name: 'timeout_ms',
    label: 'Timeout (ms)',
    type: ParameterType.NUMBER,
    integer: true,
    min: 1,
    max: MAX_WAIT_MS,
    description:
      'Resume mode: how long to wait for the resume; then the Timeout branch runs, or the step fails WAIT_TIMEOUT.',
  },
]);

type WaitParameters = ParameterValues<typeof PARAMETERS>;

/**
 * Waits for a duration, until a date, or for a resume request (an approval), without holding a
 * process: the run becomes `waiting`, its wake time is stored, and whichever server is up then
 * continues it. A resume's `data` becomes the step's output; a duration or date passes the
 * step's input on.
 */
export class WaitComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'wait',
      name: 'Wait',
      description: 'Pause the run for a while, until a date, or until it is resumed.',
      category: ComponentCategory.LOGIC,
      icon: 'ClockIcon',
      color: 'from-sky-500 to-cyan-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        { id: 'output', type: 'source', position: 'right', label: 'Output' },
        { id: 'timeout', type: 'source', position: 'bottom', label: 'Timeout' },
      ],
    };
  }

  /** A duration of at most 30 days; a date-time with an offset in until mode. */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const { mode = 'duration', amount, unit = 'minutes' } = values;
    if (mode === 'duration' && typeof amount === 'number' && typeof unit === 'string') {
      const ms = amount * (WAIT_UNIT_MS[unit as WaitUnit] ?? 0);
      if (ms > MAX_WAIT_MS) {
        return [{ parameter: 'amount', message: 'A wait lasts at most 30 days' }];
      }
    }
    if (mode === 'until' && parseWaitUntil(values.until) === undefined) {
      return [
        {
          parameter: 'until',
          message: 'Until must be an ISO date-time with an offset, e.g. 2026-05-01T09:00:00Z',
        },
      ];
    }
    return [];
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const control = requireStepControl(context, 'wait');
    const { mode, amount, unit, until, timeout_ms } = context.input_data as WaitParameters;
    const { wake } = control;
    if (mode === 'resume') {
      if (wake && 'data' in wake)
        return { success: true, output_data: passThroughInput(wake.data) };
      if (wake) return timedOut(control.isConnected('timeout'), timeout_ms);
      const wake_at =
        timeout_ms === undefined ? undefined : new Date(control.now() + timeout_ms).toISOString();
      return control.suspend(wake_at === undefined ? { resume: true } : { resume: true, wake_at });
    }
    if (wake) return { success: true, output_data: passThroughInput(context.input) };
    const wakeAt =
      mode === 'until'
        ? (parseWaitUntil(until) ?? 0)
        : control.now() + (amount ?? 0) * WAIT_UNIT_MS[unit as WaitUnit];
    // A time already past goes on at once, without waiting for the waker.
    if (wakeAt <= control.now()) {
      return { success: true, output_data: passThroughInput(context.input) };
    }
    return control.suspend({ resume: false, wake_at: new Date(wakeAt).toISOString() });
  }
}

/** No resume came in time: the Timeout branch when one is drawn, else a failure. */
function timedOut(hasBranch: boolean, timeoutMs: number | undefined): ExecutionResult {
  if (hasBranch) {
    return { success: true, output_handle: 'timeout', output_data: { timed_out: true } };
  }
  return {
    success: false,
    error: {
      code: ErrorCode.WAIT_TIMEOUT,
      message: `No resume came within ${timeoutMs ?? 0} ms`,
    },
  };
}
