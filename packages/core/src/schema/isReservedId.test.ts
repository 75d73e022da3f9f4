import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import { ComponentCategory } from './componentCategory';
import { isReservedId } from './isReservedId';

const ok = async () => ({ success: true, output_data: {} });

function registrationError(register: () => unknown): FlowloomError {
  try {
    register();
  } catch (error) {
    if (error instanceof FlowloomError) return error;
    throw error;
  }
  throw new Error('Expected the registration to be refused');
}

describe('isReservedId', () => {
  it('reserves __proto__, constructor and prototype', () => {
    expect(['__proto__', 'constructor', 'prototype'].map(isReservedId)).toEqual([true, true, true]);
  });

  it('does not reserve ids that merely contain them or differ in case', () => {
    expect(['__proto__1', 'Constructor', 'proto', 'toString'].some(isReservedId)).toBe(false);
  });
});

describe('component registration with a reserved handle id', () => {
  it.each([
    ['input_handles', { id: '__proto__', type: 'target', position: 'left' }],
    ['output_handles', { id: 'constructor', type: 'source', position: 'right' }],
  ] as const)('refuses a reserved id in %s with INVALID_COMPONENT', (field, handle) => {
    const registry = new ComponentRegistry();
    const error = registrationError(() =>
      registry.registerComponent(
        defineComponent({
          type: 'reserved',
          name: 'Reserved',
          category: ComponentCategory.UTILITIES,
          [field]: [handle],
          execute: ok,
        }),
      ),
    );
    expect(error.code).toBe('INVALID_COMPONENT');
    expect(error.issues).toContainEqual({
      path: `${field}.0.id`,
      message: `Handle id "${handle.id}" is reserved`,
    });
    expect(registry.find('reserved')).toBeUndefined();
  });
});
