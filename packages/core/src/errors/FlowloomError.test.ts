import { describe, expect, it } from 'vitest';
import { ErrorCode } from './errorCodes';
import { CancelledError, FlowloomError, StepError, toFlowloomError } from './FlowloomError';

describe('FlowloomError', () => {
  it('carries a code, a message and no issues by default', () => {
    const error = new FlowloomError(ErrorCode.NOT_FOUND, 'No such workflow');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FlowloomError');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('No such workflow');
    expect(error.issues).toEqual([]);
    expect(error.cause).toBeUndefined();
  });

  it('keeps issues and cause', () => {
    const cause = new Error('root');
    const error = new FlowloomError(ErrorCode.VALIDATION_FAILED, 'Bad', {
      issues: [{ path: 'name', message: 'Required' }],
      cause,
    });
    expect(error.issues).toEqual([{ path: 'name', message: 'Required' }]);
    expect(error.cause).toBe(cause);
  });

  it('serialises to { code, message } and adds issues only when there are some', () => {
    expect(new FlowloomError(ErrorCode.CONFLICT, 'Busy').toJSON()).toEqual({
      code: 'CONFLICT',
      message: 'Busy',
    });
    const issues = [{ path: '', message: 'x' }];
    expect(
      JSON.parse(JSON.stringify(new FlowloomError(ErrorCode.VALIDATION_FAILED, 'Bad', { issues }))),
    ).toEqual({ code: 'VALIDATION_FAILED', message: 'Bad', issues });
  });
});

describe('StepError', () => {
  it('is a FlowloomError carrying the step id', () => {
    const error = new StepError('fetch', ErrorCode.STEP_FAILED, 'HTTP 500');
    expect(error).toBeInstanceOf(FlowloomError);
    expect(error.name).toBe('StepError');
    expect(error.step_id).toBe('fetch');
    expect(error.code).toBe('STEP_FAILED');
  });
});

describe('CancelledError', () => {
  it('has code CANCELLED and a default message', () => {
    const error = new CancelledError();
    expect(error).toBeInstanceOf(FlowloomError);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe('The run was cancelled');
  });
});

describe('toFlowloomError', () => {
  it('returns a FlowloomError unchanged', () => {
    const error = new FlowloomError(ErrorCode.TIMEOUT, 'Too slow');
    expect(toFlowloomError(error)).toBe(error);
  });

  it('wraps an Error with the fallback code and keeps it as cause', () => {
    const original = new TypeError('x is not a function');
    const error = toFlowloomError(original);
    expect(error.code).toBe('INTERNAL_ERROR');
    expect(error.message).toBe('x is not a function');
    expect(error.cause).toBe(original);
    expect(toFlowloomError(original, ErrorCode.STEP_FAILED).code).toBe('STEP_FAILED');
  });

  it('uses the error name when the message is empty', () => {
    expect(toFlowloomError(new RangeError()).message).toBe('RangeError');
  });

  it('turns an AbortError into a CancelledError and a TimeoutError into TIMEOUT', () => {
    const aborted = toFlowloomError(new DOMException('stopped', 'AbortError'));
    expect(aborted).toBeInstanceOf(CancelledError);
    expect(aborted.code).toBe('CANCELLED');
    expect(toFlowloomError(new DOMException('late', 'TimeoutError')).code).toBe('TIMEOUT');
  });

  it('turns a thrown string into the message', () => {
    expect(toFlowloomError('boom').message).toBe('boom');
  });

  it('describes other thrown values, circular ones included', () => {
    expect(toFlowloomError({ a: 1 }).message).toBe('Non-error value thrown: {"a":1}');
    expect(toFlowloomError(undefined).message).toBe('Non-error value thrown: undefined');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(toFlowloomError(circular).message).toBe('Non-error value thrown: [object Object]');
  });
});
