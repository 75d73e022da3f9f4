import { afterEach, describe, expect, it, vi } from 'vitest';
import { readRunInput, rememberRunInput, runInputKey } from './runInputStorage';

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('runInputStorage', () => {
  it('remembers the input text per workflow', () => {
    rememberRunInput('wf-1', '{"a":1}');
    rememberRunInput('wf-2', '{"b":2}');
    expect(readRunInput('wf-1')).toBe('{"a":1}');
    expect(readRunInput('wf-2')).toBe('{"b":2}');
    expect(readRunInput('wf-3')).toBeUndefined();
    expect(runInputKey(undefined)).toBe('flowloom:run-input:unsaved');
  });

  it('shrugs off a storage that refuses to be read or written', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => rememberRunInput('wf-1', '{}')).not.toThrow();
    expect(readRunInput('wf-1')).toBeUndefined();
  });
});
