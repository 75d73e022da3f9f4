import {
  type Attributes,
  type Context,
  context,
  ProxyTracerProvider,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { ExecutionPlan } from '../graph/executionPlan';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { WorkflowInstance } from '../schema/workflowInstance';
import type { RunState } from './runState';

/** The name the engine's spans are traced under. */
export const TRACER_NAME = '@flowloom/core';

/** How long "no SDK is registered" is believed before it is looked up again, in ms. */
const RECHECK_MS = 1000;
/** Until when (a `performance.now()` reading) runs skip the lookup: none was registered. */
let untracedUntil = Number.NEGATIVE_INFINITY;

/**
 * One run's OpenTelemetry spans, through `@opentelemetry/api` only: a `flowloom.run` span for
 * the run (under whatever span is active where the run begins), and a `flowloom.step` span per
 * step attempt under it, made from the run's journal as its events are appended (`step_started`
 * opens one; `step_completed`, `step_failed`, `step_retrying` and `step_waiting` close it).
 *
 * @remarks With no SDK registered (or a run not sampled), {@link RunTrace.begin} returns
 * `undefined` and the run makes nothing more: no span, context or closure per step.
 */
export class RunTrace {
  /** The open span of each step attempt, by step id. */
  private readonly steps = new Map<string, Span>();

  private constructor(
    private readonly tracer: Tracer,
    private readonly span: Span,
    /** The context whose active span is the run's: the parent of its steps. */
    private readonly runContext: Context,
    private readonly plan: ExecutionPlan,
    private readonly instanceId: string,
  ) {}

  /**
   * Starts a run's span; `undefined` when nothing records it (no SDK, or not sampled).
   *
   * @param reading - a `performance.now()` reading taken as the run is made.
   */
  static begin(
    instance: WorkflowInstance,
    plan: ExecutionPlan,
    reading: number,
  ): RunTrace | undefined {
    // The global lookup costs a microsecond or two in a run's cold set-up: with no SDK, it is
    // made once a second, so a provider the host registers later applies within a second.
    if (reading < untracedUntil) return undefined;
    // With none registered the API answers with its own proxy, with nothing behind it.
    const provider = trace.getTracerProvider();
    if (
      provider instanceof ProxyTracerProvider &&
      provider.getDelegateTracer(TRACER_NAME) === undefined
    ) {
      untracedUntil = reading + RECHECK_MS;
      return undefined;
    }
    const tracer = provider.getTracer(TRACER_NAME);
    const attributes: Attributes = { 'flowloom.instance_id': instance.instance_id };
    if (instance.workflow_id !== null) attributes['flowloom.workflow_id'] = instance.workflow_id;
    const parent = context.active();
    const span = tracer.startSpan('flowloom.run', { attributes }, parent);
    if (!span.isRecording()) return undefined;
    return new RunTrace(tracer, span, trace.setSpan(parent, span), plan, instance.instance_id);
  }

  /** Follows one journaled event: opens or closes the span of a step attempt. */
  onEvent(event: ExecutionEvent): void {
    const stepId = event.step_id;
    if (stepId === undefined) return;
    switch (event.event_type) {
      case 'step_started': {
        this.steps.get(stepId)?.end();
        this.steps.set(stepId, this.startStep(stepId, event.data.attempt));
        return;
      }
      case 'step_completed':
        this.endStep(stepId);
        return;
      case 'step_waiting': {
        this.steps.get(stepId)?.setAttribute('flowloom.waiting', true);
        this.endStep(stepId);
        return;
      }
      case 'step_retrying':
      case 'step_failed': {
        // A step that failed before any attempt began (its parameters) gets a span all the same.
        const span = this.steps.get(stepId) ?? this.startStep(stepId, undefined);
        this.steps.set(stepId, span);
        const { code, message } = event.data.error;
        span.setAttribute('flowloom.error_code', code);
        span.recordException({ name: code, message });
        span.setStatus({ code: SpanStatusCode.ERROR, message });
        this.endStep(stepId);
        return;
      }
      default:
    }
  }

  /** Calls `work` with the step's span active, so spans made inside it are its children. */
  within<T>(stepId: string, work: () => T): T {
    const span = this.steps.get(stepId);
    return span ? context.with(trace.setSpan(this.runContext, span), work) : work();
  }

  /** Ends the run's span with the run's final state; attempts still open were abandoned. */
  end(state: RunState): void {
    for (const span of this.steps.values()) {
      span.setAttribute('flowloom.abandoned', true);
      span.end();
    }
    this.steps.clear();
    this.span.setAttribute('flowloom.status', state.status);
    if (state.status === 'failed' && state.error) {
      this.span.setAttribute('flowloom.error_code', state.error.code);
      this.span.recordException({ name: state.error.code, message: state.error.message });
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: state.error.message });
    }
    this.span.end();
  }

  private startStep(stepId: string, attempt: number | undefined): Span {
    const index = this.plan.indexById.get(stepId);
    const attributes: Attributes = {
      'flowloom.instance_id': this.instanceId,
      'flowloom.step_id': stepId,
    };
    if (index !== undefined) {
      attributes['flowloom.component_type'] = this.plan.steps[index]!.component.metadata.type;
    }
    if (attempt !== undefined) attributes['flowloom.attempt'] = attempt;
    return this.tracer.startSpan('flowloom.step', { attributes }, this.runContext);
  }

  private endStep(stepId: string): void {
    const span = this.steps.get(stepId);
    if (!span) return;
    this.steps.delete(stepId);
    span.end();
  }
}
