import { describe, expect, it } from 'vitest';
import { packageNameOf } from './packageNameOf';

describe('packageNameOf', () => {
  it('uses the last segment of the path, lower-cased', () => {
    expect(packageNameOf('apps/MyApp')).toBe('myapp');
  });

  it('turns characters npm refuses into dashes', () => {
    expect(packageNameOf('My App (v2)')).toBe('my-app-v2');
  });

  it('falls back to a name when nothing usable is left', () => {
    expect(packageNameOf('///___')).not.toBe('');
    expect(packageNameOf('日本')).toBe('flowloom-app');
  });
});
