import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import type { WorkflowDataInput } from '../schema/workflowData';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine } from './ExecutionEngine';
import { TRACER_NAME } from './RunTrace';

let exporter: InMemorySpanExporter;
let failuresLeft = 0;

function createRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      defineComponent({
        type: 'start',
        name: 'Start',
        category: 'triggers',
        input_handles: [],
        async execute() {
          return { success: true, output_data: {} };
        },
      }),
      defineComponent({
        type: 'fetch_like',
        name: 'Fetch-like',
        category: 'utilities',
        // Makes a span of its own, as an instrumented HTTP client would inside a step.
        async execute() {
          await trace.getTracer('test-client').startActiveSpan('GET /thing', async (span) => {
            await new Promise((resolve) => setTimeout(resolve, 1));
            span.end();
          });
          return { success: true, output_data: { fetched: true } };
        },
      }),
      defineComponent({
        type: 'flaky',
        name: 'Flaky',
        category: 'utilities',
        async execute() {
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            return {
              success: false,
              output_data: {},
              error: { code: 'FLAKY', message: 'not yet' },
            };
          }
          return { success: true, output_data: { ok: true } };
        },
      }),
    ],
  });
}

function createEngine(): ExecutionEngine {
  return new ExecutionEngine({ registry: createRegistry(), store: new MemoryStore() });
}

function workflow(second: 'fetch_like' | 'flaky', maxAttempts = 1): WorkflowDataInput {
  return {
    nodes: [
      { id: 'begin', type: 'start' },
      {
        id: 'work',
        type: second,
        data: { settings: { retry: { max_attempts: maxAttempts, backoff_ms: 0 } } },
      },
    ],
    edges: [{ id: 'e1', source: 'begin', target: 'work' }],
  };
}

async function run(engine: ExecutionEngine, data: WorkflowDataInput) {
  const instance = await engine.createInstance({ name: 'traced', workflow_data: data });
  const status = await engine.executeWorkflow(instance.instance_id);
  // The run's span ends a microtask after `done` settles.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { instance, status };
}

const spansNamed = (name: string) =>
  exporter.getFinishedSpans().filter((span: ReadableSpan) => span.name === name);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('OpenTelemetry spans', () => {
  beforeEach(() => {
    failuresLeft = 0;
    exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  afterEach(() => {
    trace.disable();
    context.disable();
  });

  it('makes a run span with a child span per step, carrying the instance, step and component type', async () => {
    const engine = createEngine();
    const { instance, status } = await run(engine, workflow('fetch_like'));
    expect(status.status).toBe('completed');
    const [runSpan, ...others] = spansNamed('flowloom.run');
    expect(others).toEqual([]);
    expect(runSpan!.instrumentationScope.name).toBe(TRACER_NAME);
    expect(runSpan!.attributes).toMatchObject({
      'flowloom.instance_id': instance.instance_id,
      'flowloom.status': 'completed',
    });
    expect(runSpan!.status.code).toBe(SpanStatusCode.UNSET);
    const steps = spansNamed('flowloom.step');
    expect(steps.map((span) => span.attributes)).toEqual([
      {
        'flowloom.instance_id': instance.instance_id,
        'flowloom.step_id': 'begin',
        'flowloom.component_type': 'start',
        'flowloom.attempt': 1,
      },
      {
        'flowloom.instance_id': instance.instance_id,
        'flowloom.step_id': 'work',
        'flowloom.component_type': 'fetch_like',
        'flowloom.attempt': 1,
      },
    ]);
    for (const step of steps) {
      expect(parentOf(step)).toBe(runSpan!.spanContext().spanId);
      expect(step.spanContext().traceId).toBe(runSpan!.spanContext().traceId);
    }
  });

  it("runs each component inside its step's span: spans the component makes are its children", async () => {
    await run(createEngine(), workflow('fetch_like'));
    const [client] = spansNamed('GET /thing');
    const work = spansNamed('flowloom.step').find(
      (span) => span.attributes['flowloom.step_id'] === 'work',
    );
    expect(parentOf(client!)).toBe(work!.spanContext().spanId);
  });

  it('puts the run under the span active where it starts', async () => {
    const engine = createEngine();
    const instance = await engine.createInstance({
      name: 'traced',
      workflow_data: workflow('fetch_like'),
    });
    await trace.getTracer('host').startActiveSpan('POST /execute', async (request) => {
      await engine.executeWorkflow(instance.instance_id);
      request.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const [host] = spansNamed('POST /execute');
    const [runSpan] = spansNamed('flowloom.run');
    expect(parentOf(runSpan!)).toBe(host!.spanContext().spanId);
  });

  it('gives each attempt its own span and records failures with status ERROR', async () => {
    failuresLeft = 5;
    const { status } = await run(createEngine(), workflow('flaky', 2));
    expect(status.status).toBe('failed');
    const attempts = spansNamed('flowloom.step').filter(
      (span) => span.attributes['flowloom.step_id'] === 'work',
    );
    expect(attempts.map((span) => span.attributes['flowloom.attempt'])).toEqual([1, 2]);
    for (const attempt of attempts) {
      expect(attempt.status).toEqual({ code: SpanStatusCode.ERROR, message: 'not yet' });
      expect(attempt.attributes['flowloom.error_code']).toBe('FLAKY');
      expect(attempt.events.map((event) => event.name)).toEqual(['exception']);
      expect(attempt.events[0]!.attributes).toMatchObject({
        'exception.type': 'FLAKY',
        'exception.message': 'not yet',
      });
    }
    const [runSpan] = spansNamed('flowloom.run');
    expect(runSpan!.status.code).toBe(SpanStatusCode.ERROR);
    expect(runSpan!.attributes).toMatchObject({
      'flowloom.status': 'failed',
      'flowloom.error_code': 'FLAKY',
    });
  });

  it('closes a failed attempt that a retry follows, then the attempt that succeeds', async () => {
    failuresLeft = 1;
    const { status } = await run(createEngine(), workflow('flaky', 3));
    expect(status.status).toBe('completed');
    const attempts = spansNamed('flowloom.step').filter(
      (span) => span.attributes['flowloom.step_id'] === 'work',
    );
    expect(attempts.map((span) => [span.attributes['flowloom.attempt'], span.status.code])).toEqual(
      [
        [1, SpanStatusCode.ERROR],
        [2, SpanStatusCode.UNSET],
      ],
    );
  });

  it('traces runs once a provider is registered after runs made without one (within a second)', async () => {
    const provider = trace.getTracerProvider();
    trace.disable();
    const engine = createEngine();
    await run(engine, workflow('fetch_like'));
    trace.setGlobalTracerProvider(provider);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await run(engine, workflow('fetch_like'));
    expect(spansNamed('flowloom.run')).toHaveLength(1);
  });

  it('makes no span at all once no SDK is registered', async () => {
    trace.disable();
    const engine = createEngine();
    const { status } = await run(engine, workflow('fetch_like'));
    expect(status.status).toBe('completed');
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
