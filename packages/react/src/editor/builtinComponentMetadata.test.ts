import { componentRegistry } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { builtinComponentMetadata } from './builtinComponentMetadata';

describe('builtinComponentMetadata', () => {
  it("equals the core registry's built-in metadata (when stale: npm run generate:builtins -w @flowloom/react)", () => {
    expect(builtinComponentMetadata).toEqual(componentRegistry.getAllComponents());
  });
});
