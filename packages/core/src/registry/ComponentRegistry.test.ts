import { describe, expect, it, vi } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { createTestContext } from '../testing/createTestContext';
import { BaseWorkflowComponent, type CustomParameterIssue } from './BaseWorkflowComponent';
import { ComponentRegistry, type RegistrableComponent } from './ComponentRegistry';
import { defineComponent } from './defineComponent';

class UppercaseComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'uppercase',
      name: 'Uppercase',
      category: ComponentCategory.DATA_PROCESSING,
      parameters: [{ name: 'text', label: 'Text', type: ParameterType.STRING, required: true }],
    };
  }

  private readonly suffix = '!';

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const text = String(context.input_data.text);
    return { success: true, output_data: { text: text.toUpperCase() + this.suffix } };
  }
}

const greet = defineComponent({
  type: 'greet',
  name: 'Greet',
  category: ComponentCategory.UTILITIES,
  parameters: [{ name: 'who', label: 'Who', type: ParameterType.STRING, required: true }],
  async execute({ input_data }) {
    return { success: true, output_data: { greeting: `Hello ${input_data.who}` } };
  },
});

const trigger = defineComponent({
  type: 'start',
  name: 'Start',
  category: ComponentCategory.TRIGGERS,
  input_handles: [],
  async execute() {
    return { success: true, output_data: {} };
  },
});

/** A component with one parameter of each kind worth checking. */
const configurable = defineComponent({
  type: 'configurable',
  name: 'Configurable',
  category: ComponentCategory.LOGIC,
  parameters: [
    { name: 'url', label: 'URL', type: ParameterType.STRING, required: true },
    { name: 'count', label: 'Count', type: ParameterType.NUMBER, min: 1, max: 5 },
    { name: 'enabled', label: 'Enabled', type: ParameterType.BOOLEAN, default: true },
    { name: 'mode', label: 'Mode', type: ParameterType.SELECT, options: ['fast', 'slow'] },
    { name: 'payload', label: 'Payload', type: ParameterType.JSON },
    { name: 'retries', label: 'Retries', type: ParameterType.NUMBER, required: true, default: 2 },
  ],
  async execute() {
    return { success: true, output_data: {} };
  },
});

function catchError(action: () => unknown): FlowloomError {
  try {
    action();
  } catch (error) {
    if (error instanceof FlowloomError) return error;
    throw new Error(`Expected a FlowloomError, got ${String(error)}`);
  }
  throw new Error('Expected the action to throw');
}

describe('ComponentRegistry.registerComponent', () => {
  it('registers a class component and returns its metadata with defaults applied', () => {
    const registry = new ComponentRegistry();
    const metadata = registry.registerComponent(UppercaseComponent);
    expect(metadata).toMatchObject({
      type: 'uppercase',
      name: 'Uppercase',
      description: '',
      version: '1.0.0',
      input_handles: [{ id: 'input', type: 'target' }],
      output_handles: [{ id: 'output', type: 'source' }],
    });
    expect(metadata.parameters[0]).toEqual({
      name: 'text',
      label: 'Text',
      type: 'string',
      required: true,
    });
    expect(registry.getComponent('uppercase')).toEqual(metadata);
  });

  it('runs a class component through one instance, with `this` bound', async () => {
    const registry = new ComponentRegistry();
    registry.registerComponent(UppercaseComponent);
    const result = await registry
      .resolve('uppercase')
      .execute(createTestContext({ input_data: { text: 'hi' } }));
    expect(result).toEqual({ success: true, output_data: { text: 'HI!' } });
  });

  it('registers a defineComponent definition', async () => {
    const registry = new ComponentRegistry();
    const metadata = registry.registerComponent(greet);
    expect(metadata.type).toBe('greet');
    expect(metadata).not.toHaveProperty('execute');
    const result = await registry
      .resolve('greet')
      .execute(createTestContext({ input_data: { who: 'Ada' } }));
    expect(result.output_data).toEqual({ greeting: 'Hello Ada' });
  });

  it('registers the components passed to the constructor', () => {
    const registry = new ComponentRegistry({ components: [greet, UppercaseComponent] });
    expect(registry.getAllComponents().map((component) => component.type)).toEqual([
      'greet',
      'uppercase',
    ]);
  });

  it('rejects a second component with the same type with DUPLICATE_COMPONENT', () => {
    const registry = new ComponentRegistry();
    registry.registerComponent(greet);
    const revision = registry.revision;
    const error = catchError(() => registry.registerComponent({ ...greet, name: 'Another greet' }));
    expect(error.code).toBe('DUPLICATE_COMPONENT');
    expect(error.message).toContain('"greet"');
    expect(error.issues).toEqual([{ path: 'type', message: 'Type "greet" is already registered' }]);
    expect(registry.getComponent('greet')?.name).toBe('Greet');
    expect(registry.revision).toBe(revision);
  });

  it('rejects the same class registered twice', () => {
    const registry = new ComponentRegistry();
    registry.registerComponent(UppercaseComponent);
    expect(catchError(() => registry.registerComponent(UppercaseComponent)).code).toBe(
      'DUPLICATE_COMPONENT',
    );
  });

  it('rejects invalid metadata with INVALID_COMPONENT listing every problem', () => {
    const registry = new ComponentRegistry();
    const broken = {
      type: 'broken',
      name: '',
      category: 'nowhere',
      input_handles: [{ id: 'in', type: 'source', position: 'left' }],
      parameters: [
        { name: 'a', label: 'A', type: 'string' },
        { name: 'a', label: 'A', type: 'string' },
        { name: 'pick', label: 'Pick', type: 'select' },
        { name: 'n', label: 'N', type: 'number', min: 9, max: 1, default: 'x' },
      ],
      async execute() {
        return { success: true };
      },
    } as unknown as RegistrableComponent;
    const error = catchError(() => registry.registerComponent(broken));
    expect(error.code).toBe('INVALID_COMPONENT');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(
      [
        'name',
        'category',
        'input_handles.0.type',
        'parameters.1.name',
        'parameters.2.options',
        'parameters.3.min',
        'parameters.3.default',
      ].sort(),
    );
    expect(error.message).toContain('"broken"');
    expect(error.message).toContain('parameters.1.name: Parameter "a" is declared twice');
    expect(registry.hasComponent('broken')).toBe(false);
    expect(registry.revision).toBe(0);
  });

  it('rejects a class whose getMetadata returns invalid metadata', () => {
    class Nameless extends BaseWorkflowComponent {
      static getMetadata(): WorkflowComponentMetadataInput {
        return { type: 'nameless', name: '', category: ComponentCategory.UTILITIES };
      }
      async execute(): Promise<ExecutionResult> {
        return { success: true };
      }
    }
    const error = catchError(() => new ComponentRegistry().registerComponent(Nameless));
    expect(error.code).toBe('INVALID_COMPONENT');
    expect(error.issues).toEqual([{ path: 'name', message: 'Component name must not be empty' }]);
  });

  it('rejects a class that does not define getMetadata', () => {
    class NoMetadata extends BaseWorkflowComponent {
      async execute(): Promise<ExecutionResult> {
        return { success: true };
      }
    }
    // TypeScript rejects this class already; plain JavaScript callers still reach the check.
    const error = catchError(() =>
      new ComponentRegistry().registerComponent(NoMetadata as unknown as RegistrableComponent),
    );
    expect(error.code).toBe('INVALID_COMPONENT');
    expect(error.message).toBe('NoMetadata has no static getMetadata() method');
  });

  it('rejects a class whose getMetadata throws, keeping the cause', () => {
    const cause = new Error('no config');
    class Exploding extends BaseWorkflowComponent {
      static getMetadata(): WorkflowComponentMetadataInput {
        throw cause;
      }
      async execute(): Promise<ExecutionResult> {
        return { success: true };
      }
    }
    const error = catchError(() => new ComponentRegistry().registerComponent(Exploding));
    expect(error.code).toBe('INVALID_COMPONENT');
    expect(error.message).toBe('Exploding.getMetadata() threw: no config');
    expect(error.cause).toBe(cause);
  });

  it('rejects a class whose constructor throws', () => {
    class Unbuildable extends BaseWorkflowComponent {
      static getMetadata(): WorkflowComponentMetadataInput {
        return { type: 'unbuildable', name: 'Unbuildable', category: ComponentCategory.UTILITIES };
      }
      constructor() {
        super();
        throw new Error('needs arguments');
      }
      async execute(): Promise<ExecutionResult> {
        return { success: true };
      }
    }
    const error = catchError(() => new ComponentRegistry().registerComponent(Unbuildable));
    expect(error.code).toBe('INVALID_COMPONENT');
    expect(error.message).toBe('new Unbuildable() threw: needs arguments');
  });

  it('rejects a definition without execute', () => {
    const { execute: _execute, ...withoutExecute } = greet;
    const error = catchError(() =>
      new ComponentRegistry().registerComponent(withoutExecute as unknown as RegistrableComponent),
    );
    expect(error.code).toBe('INVALID_COMPONENT');
    expect(error.issues).toEqual([{ path: 'execute', message: 'execute must be a function' }]);
  });

  it('rejects values that are neither a class nor a definition', () => {
    for (const value of [null, undefined, 42, 'greet']) {
      const error = catchError(() =>
        new ComponentRegistry().registerComponent(value as unknown as RegistrableComponent),
      );
      expect(error.code).toBe('INVALID_COMPONENT');
    }
  });
});

describe('ComponentRegistry lookups', () => {
  it('getAllComponents returns every metadata in registration order', () => {
    const registry = new ComponentRegistry({ components: [trigger, greet, configurable] });
    expect(registry.getAllComponents().map((component) => component.type)).toEqual([
      'start',
      'greet',
      'configurable',
    ]);
  });

  it('getAllComponents of an empty registry is empty', () => {
    expect(new ComponentRegistry().getAllComponents()).toEqual([]);
  });

  it('getComponent returns undefined for an unknown type', () => {
    expect(new ComponentRegistry({ components: [greet] }).getComponent('nope')).toBeUndefined();
  });

  it('getComponentsByCategory groups by category and lists every category', () => {
    const registry = new ComponentRegistry({ components: [trigger, greet, configurable] });
    const groups = registry.getComponentsByCategory();
    expect(Object.keys(groups).sort()).toEqual(Object.values(ComponentCategory).sort());
    expect(groups.triggers.map((component) => component.type)).toEqual(['start']);
    expect(groups.utilities.map((component) => component.type)).toEqual(['greet']);
    expect(groups.logic.map((component) => component.type)).toEqual(['configurable']);
    expect(groups.integrations).toEqual([]);
  });

  it('unregisterComponent removes a type and reports whether it was there', () => {
    const registry = new ComponentRegistry({ components: [greet] });
    expect(registry.unregisterComponent('greet')).toBe(true);
    expect(registry.getComponent('greet')).toBeUndefined();
    expect(registry.hasComponent('greet')).toBe(false);
    expect(registry.unregisterComponent('greet')).toBe(false);
  });

  it('lets a type be registered again after it was unregistered', () => {
    const registry = new ComponentRegistry({ components: [greet] });
    registry.unregisterComponent('greet');
    expect(registry.registerComponent(greet).type).toBe('greet');
  });

  it('revision grows on every register and unregister, not on a no-op', () => {
    const registry = new ComponentRegistry();
    expect(registry.revision).toBe(0);
    registry.registerComponent(greet);
    expect(registry.revision).toBe(1);
    registry.unregisterComponent('missing');
    expect(registry.revision).toBe(1);
    registry.unregisterComponent('greet');
    expect(registry.revision).toBe(2);
  });

  it('resolve throws UNKNOWN_COMPONENT for an unknown type; find returns undefined', () => {
    const registry = new ComponentRegistry();
    expect(catchError(() => registry.resolve('nope')).code).toBe('UNKNOWN_COMPONENT');
    expect(registry.find('nope')).toBeUndefined();
  });

  it('marks trigger-category components as triggers', () => {
    const registry = new ComponentRegistry({ components: [trigger, greet] });
    expect(registry.resolve('start').isTrigger).toBe(true);
    expect(registry.resolve('greet').isTrigger).toBe(false);
  });

  it('follows `success` on success and `error` on failure when both are declared', () => {
    const registry = new ComponentRegistry({
      components: [
        defineComponent({
          type: 'call',
          name: 'Call',
          category: ComponentCategory.INTEGRATIONS,
          output_handles: [
            { id: 'error', type: 'source', position: 'bottom' },
            { id: 'success', type: 'source', position: 'right' },
          ],
          async execute() {
            return { success: true };
          },
        }),
      ],
    });
    expect(registry.resolve('call').successHandles).toEqual(['success']);
    expect(registry.resolve('call').errorHandle).toBe('error');
  });

  it('follows the single non-error handle, and none when there are several', () => {
    const handles = (...ids: string[]) =>
      ids.map((id) => ({ id, type: 'source' as const, position: 'right' as const }));
    const registry = new ComponentRegistry({
      components: [
        defineComponent({
          type: 'single',
          name: 'Single',
          category: ComponentCategory.LOGIC,
          output_handles: handles('next', 'error'),
          async execute() {
            return { success: true };
          },
        }),
        defineComponent({
          type: 'branch',
          name: 'Branch',
          category: ComponentCategory.LOGIC,
          output_handles: handles('true', 'false'),
          async execute() {
            return { success: true };
          },
        }),
      ],
    });
    expect(registry.resolve('single').successHandles).toEqual(['next']);
    expect(registry.resolve('branch').successHandles).toEqual([]);
    expect(registry.resolve('branch').errorHandle).toBeUndefined();
    expect(registry.resolve('single').errorHandle).toBe('error');
  });
});

describe('ComponentRegistry.validateParameters', () => {
  const registry = new ComponentRegistry({ components: [configurable] });

  it('accepts valid values', () => {
    expect(
      registry.validateParameters('configurable', {
        url: 'https://example.com',
        count: 3,
        enabled: false,
        mode: 'fast',
        payload: { a: [1, 2] },
        retries: 4,
      }),
    ).toEqual([]);
  });

  it('reports a missing required parameter by name and label', () => {
    expect(registry.validateParameters('configurable', {})).toEqual([
      { parameter: 'url', code: 'MISSING_REQUIRED_PARAMETER', message: 'URL is required' },
    ]);
  });

  it('treats an empty string and null as missing', () => {
    for (const url of ['', null]) {
      expect(registry.validateParameters('configurable', { url })).toEqual([
        { parameter: 'url', code: 'MISSING_REQUIRED_PARAMETER', message: 'URL is required' },
      ]);
    }
  });

  it('does not require a required parameter that has a default', () => {
    const issues = registry.validateParameters('configurable', { url: 'u' });
    expect(issues.map((issue) => issue.parameter)).not.toContain('retries');
  });

  it('reports a value of the wrong type', () => {
    expect(registry.validateParameters('configurable', { url: 'u', count: '3' })).toEqual([
      {
        parameter: 'count',
        code: 'INVALID_PARAMETER_TYPE',
        message: 'Count must be a number, got a string',
      },
    ]);
  });

  it('reports a number out of bounds', () => {
    expect(registry.validateParameters('configurable', { url: 'u', count: 6 })).toEqual([
      { parameter: 'count', code: 'INVALID_PARAMETER_VALUE', message: 'Count must be at most 5' },
    ]);
  });

  it('reports a select value that is not an option', () => {
    expect(registry.validateParameters('configurable', { url: 'u', mode: 'medium' })).toEqual([
      {
        parameter: 'mode',
        code: 'INVALID_PARAMETER_VALUE',
        message: 'Mode must be one of "fast", "slow", got "medium"',
      },
    ]);
  });

  it('reports an unknown parameter', () => {
    expect(registry.validateParameters('configurable', { url: 'u', colour: 'red' })).toEqual([
      { parameter: 'colour', code: 'UNKNOWN_PARAMETER', message: 'Unknown parameter "colour"' },
    ]);
  });

  it('reports every issue at once, each with its parameter name', () => {
    const issues = registry.validateParameters('configurable', {
      count: 0,
      enabled: 'yes',
      mode: 'x',
      payload: Number.NaN,
      extra: 1,
    });
    expect(issues.map((issue) => [issue.parameter, issue.code])).toEqual([
      ['url', 'MISSING_REQUIRED_PARAMETER'],
      ['count', 'INVALID_PARAMETER_VALUE'],
      ['enabled', 'INVALID_PARAMETER_TYPE'],
      ['mode', 'INVALID_PARAMETER_VALUE'],
      ['payload', 'INVALID_PARAMETER_TYPE'],
      ['extra', 'UNKNOWN_PARAMETER'],
    ]);
  });

  it('accepts expressions in place of any value at design time', () => {
    expect(
      registry.validateParameters('configurable', {
        url: '{{ steps.fetch.body.url }}',
        count: '{{ input.count }}',
        enabled: '{{ vars.on }}',
        mode: '{{ input.mode }}',
        payload: { nested: '{{ input.payload }}' },
      }),
    ).toEqual([]);
  });

  it('rejects expressions when allowExpressions is false', () => {
    const issues = registry.validateParameters(
      'configurable',
      { url: 'u', count: '{{ input.count }}' },
      { allowExpressions: false },
    );
    expect(issues.map((issue) => [issue.parameter, issue.code])).toEqual([
      ['count', 'INVALID_PARAMETER_TYPE'],
    ]);
  });

  it('treats null or undefined values as no values', () => {
    expect(registry.validateParameters('configurable', null)).toEqual([
      { parameter: 'url', code: 'MISSING_REQUIRED_PARAMETER', message: 'URL is required' },
    ]);
    expect(registry.validateParameters('configurable', undefined)).toHaveLength(1);
  });

  it('reports values that are not an object', () => {
    for (const values of ['x', 5, []]) {
      expect(registry.validateParameters('configurable', values)).toEqual([
        { parameter: '', code: 'INVALID_PARAMETER_TYPE', message: 'Parameters must be an object' },
      ]);
    }
  });

  it('throws UNKNOWN_COMPONENT for an unknown type', () => {
    expect(catchError(() => registry.validateParameters('nope', {})).code).toBe(
      'UNKNOWN_COMPONENT',
    );
  });

  it('does not mistake Object.prototype members for values of parameters named after them', () => {
    const reserved = new ComponentRegistry({
      components: [
        defineComponent({
          type: 'reserved',
          name: 'Reserved',
          category: ComponentCategory.UTILITIES,
          parameters: [
            {
              name: 'constructor',
              label: 'Constructor',
              type: ParameterType.STRING,
              required: true,
            },
            { name: 'toString', label: 'To string', type: ParameterType.STRING },
          ],
          async execute() {
            return { success: true };
          },
        }),
      ],
    });
    expect(reserved.validateParameters('reserved', {})).toEqual([
      {
        parameter: 'constructor',
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'Constructor is required',
      },
    ]);
  });
});

describe('custom parameter checks', () => {
  const cronIssue = (values: Readonly<Record<string, unknown>>): CustomParameterIssue[] =>
    typeof values.cron === 'string' && values.cron.split(' ').length !== 5
      ? [{ parameter: 'cron', message: 'Cron must have 5 fields' }]
      : [];

  class ScheduleComponent extends BaseWorkflowComponent {
    static getMetadata(): WorkflowComponentMetadataInput {
      return {
        type: 'schedule',
        name: 'Schedule',
        category: ComponentCategory.TRIGGERS,
        input_handles: [],
        parameters: [
          { name: 'cron', label: 'Cron', type: ParameterType.STRING, required: true },
          { name: 'zone', label: 'Time zone', type: ParameterType.STRING, default: 'UTC' },
          { name: 'jitter', label: 'Jitter', type: ParameterType.NUMBER },
        ],
      };
    }
    static validateParameters = vi.fn(cronIssue);
    async execute(): Promise<ExecutionResult> {
      return { success: true };
    }
  }

  it("runs a class's static validateParameters hook after the type checks", () => {
    const registry = new ComponentRegistry({ components: [ScheduleComponent] });
    expect(registry.validateParameters('schedule', { cron: '* * *' })).toEqual([
      { parameter: 'cron', code: 'INVALID_PARAMETER_VALUE', message: 'Cron must have 5 fields' },
    ]);
    expect(registry.validateParameters('schedule', { cron: '* * * * *' })).toEqual([]);
  });

  it('gives the hook final values with defaults, without expressions or ill-typed values', () => {
    ScheduleComponent.validateParameters.mockClear();
    const registry = new ComponentRegistry({ components: [ScheduleComponent] });
    registry.validateParameters('schedule', { cron: '{{ input.cron }}', jitter: 'soon' });
    expect(ScheduleComponent.validateParameters).toHaveBeenCalledWith({ zone: 'UTC' });
  });

  it("runs a definition's validate function", () => {
    const registry = new ComponentRegistry({
      components: [
        defineComponent({
          type: 'cron_def',
          name: 'Cron',
          category: ComponentCategory.TRIGGERS,
          input_handles: [],
          parameters: [{ name: 'cron', label: 'Cron', type: ParameterType.STRING, required: true }],
          validate: cronIssue,
          async execute() {
            return { success: true };
          },
        }),
      ],
    });
    expect(registry.validateParameters('cron_def', { cron: 'x' })).toEqual([
      { parameter: 'cron', code: 'INVALID_PARAMETER_VALUE', message: 'Cron must have 5 fields' },
    ]);
  });

  it('turns a hook that throws into an issue instead of throwing', () => {
    const registry = new ComponentRegistry({
      components: [
        defineComponent({
          type: 'fragile',
          name: 'Fragile',
          category: ComponentCategory.UTILITIES,
          validate() {
            throw new Error('cannot check');
          },
          async execute() {
            return { success: true };
          },
        }),
      ],
    });
    expect(registry.validateParameters('fragile', {})).toEqual([
      {
        parameter: '',
        code: 'INVALID_PARAMETER_VALUE',
        message: "The component's own parameter check failed: cannot check",
      },
    ]);
  });
});
