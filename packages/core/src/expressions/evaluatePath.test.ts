import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { type ExpressionScope, evaluatePath } from './evaluatePath';
import { parseExpressionPath } from './expressionPath';

const scope: ExpressionScope = {
  steps: {
    fetch: { status_code: 200, body: { items: [{ id: 'a' }, { id: 'b' }], empty: null } },
    'node-1': { value: 7 },
    nothing: undefined,
  },
  input: { user: { name: 'Ada', tags: ['x'] }, count: 3 },
  vars: { counter: 0, label: 'hi' },
  stepIds: new Set(['fetch', 'node-1', 'nothing', 'later']),
};

function evaluate(text: string, over: ExpressionScope = scope): unknown {
  return evaluatePath(parseExpressionPath(text), over);
}

function evaluationError(text: string, over: ExpressionScope = scope): FlowloomError {
  try {
    evaluate(text, over);
  } catch (error) {
    if (error instanceof FlowloomError) return error;
    throw error;
  }
  throw new Error(`Expected "${text}" to fail`);
}

describe('evaluatePath', () => {
  it("reads a step's output", () => {
    expect(evaluate('steps.fetch.status_code')).toBe(200);
  });

  it("returns a step's whole output object", () => {
    expect(evaluate('steps.node-1')).toEqual({ value: 7 });
  });

  it('reads array items by index', () => {
    expect(evaluate('steps.fetch.body.items[1].id')).toBe('b');
    expect(evaluate('input.user.tags[0]')).toBe('x');
  });

  it('reads the run input and the whole input', () => {
    expect(evaluate('input.user.name')).toBe('Ada');
    expect(evaluate('input')).toBe(scope.input);
  });

  it('reads run variables, falsy ones included', () => {
    expect(evaluate('vars.counter')).toBe(0);
    expect(evaluate('vars.label')).toBe('hi');
  });

  it('returns null when the value is null', () => {
    expect(evaluate('steps.fetch.body.empty')).toBeNull();
  });

  it('returns undefined for a missing last key', () => {
    expect(evaluate('input.user.age')).toBeUndefined();
    expect(evaluate('vars.unset')).toBeUndefined();
    expect(evaluate('steps.fetch.body.items[5]')).toBeUndefined();
  });

  it('does not read inherited members such as constructor', () => {
    expect(evaluate('input.constructor')).toBeUndefined();
    expect(evaluate('input["__proto__"]')).toBeUndefined();
  });

  it('names an unknown step', () => {
    const error = evaluationError('steps.ghost.x');
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.message).toBe('Expression "{{ steps.ghost.x }}" refers to unknown step "ghost"');
  });

  it('tells a step that has not completed yet from an unknown one', () => {
    const error = evaluationError('steps.later.x');
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.message).toBe(
      'Expression "{{ steps.later.x }}" refers to step "later", which has not completed before this step',
    );
  });

  it('calls every missing step unknown when stepIds is not given', () => {
    const { stepIds: _ignored, ...withoutIds } = scope;
    expect(evaluationError('steps.later.x', withoutIds).message).toContain('unknown step "later"');
  });

  it('rejects reading through undefined', () => {
    const error = evaluationError('input.user.address.city');
    expect(error.code).toBe('EXPRESSION_ERROR');
    expect(error.message).toBe(
      'Expression "{{ input.user.address.city }}" cannot read "city": input.user.address is undefined',
    );
  });

  it('rejects reading through null', () => {
    expect(evaluationError('steps.fetch.body.empty.x').message).toContain(
      'cannot read "x": steps.fetch.body.empty is null',
    );
  });

  it('rejects reading through a primitive', () => {
    expect(evaluationError('input.user.name.length').message).toContain(
      'cannot read "length": input.user.name is a string',
    );
    expect(evaluationError('vars.counter.x').message).toContain('vars.counter is a number');
  });

  it('rejects reading into a step whose output is undefined', () => {
    expect(evaluationError('steps.nothing.x').message).toContain('steps.nothing is undefined');
  });

  it('rejects reading from an input that is not an object', () => {
    expect(evaluationError('input.a', { ...scope, input: undefined }).code).toBe(
      'EXPRESSION_ERROR',
    );
    expect(evaluationError('input.a', { ...scope, input: 5 }).message).toContain(
      'input is a number',
    );
  });

  it('does not read a step id inherited from Object.prototype', () => {
    expect(evaluationError('steps.constructor').message).toContain('unknown step "constructor"');
  });
});
