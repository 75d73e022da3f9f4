import { describe, expectTypeOf, it } from 'vitest';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionResult } from '../schema/executionResult';
import { BaseWorkflowComponent } from './BaseWorkflowComponent';
import { ComponentRegistry } from './ComponentRegistry';

describe('ComponentRegistry.registerComponent types', () => {
  it('accepts a subclass with a static getMetadata and no `override`', () => {
    class Ok extends BaseWorkflowComponent {
      static getMetadata(): WorkflowComponentMetadataInput {
        return { type: 'ok', name: 'Ok', category: ComponentCategory.UTILITIES };
      }
      async execute(): Promise<ExecutionResult> {
        return { success: true };
      }
    }
    expectTypeOf(new ComponentRegistry().registerComponent).toBeCallableWith(Ok);
  });

  it('rejects a subclass without getMetadata', () => {
    class NoMetadata extends BaseWorkflowComponent {
      async execute(): Promise<ExecutionResult> {
        return { success: true };
      }
    }
    // @ts-expect-error getMetadata is required.
    new ComponentRegistry().registerComponent(NoMetadata);
  });

  it('rejects a plain object without execute', () => {
    // @ts-expect-error execute is required.
    new ComponentRegistry().registerComponent({ type: 'x', name: 'X', category: 'utilities' });
  });
});
