import { describe, expect, it } from 'vitest';
import { isVersionConflict } from './isVersionConflict';

describe('isVersionConflict', () => {
  it('tells a save refused for a newer version apart, with the version it is at', () => {
    const error = {
      code: 'VERSION_CONFLICT',
      status: 409,
      message: 'saved meanwhile',
      current_version: 7,
    };
    expect(isVersionConflict(error)).toBe(true);
    if (isVersionConflict(error)) expect(error.current_version).toBe(7);
  });

  it.each([
    ['another conflict', { code: 'CONFLICT', status: 409, message: 'running' }],
    ['a conflict without its version', { code: 'VERSION_CONFLICT', status: 409, message: 'x' }],
    ['a proxy error', { code: 'HTTP_ERROR', status: 409, message: 'x', current_version: 2 }],
  ])('is false for %s', (_label, error) => {
    expect(isVersionConflict(error)).toBe(false);
  });
});
