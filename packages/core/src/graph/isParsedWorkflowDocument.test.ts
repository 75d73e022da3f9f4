import { describe, expect, it } from 'vitest';
import { ExecutionEngine } from '../executor/ExecutionEngine';
import { DEFAULT_LIMITS } from '../limits/workflowLimits';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import { WorkflowDataSchema } from '../schema/workflowData';
import { frozenCopy } from '../store/frozenCopy';
import { MemoryStore } from '../store/MemoryStore';
import { isParsedWorkflowDocument } from './isParsedWorkflowDocument';
import { parseWorkflowDocument } from './parseWorkflowDocument';

const document = {
  nodes: [{ id: 'n', type: 'noop', position: { x: 0, y: 0 }, data: { parameters: {} } }],
  edges: [],
};

describe('isParsedWorkflowDocument', () => {
  it("answers true for the parser's documents, such as the one an instance is created with", async () => {
    expect(isParsedWorkflowDocument(parseWorkflowDocument(document, DEFAULT_LIMITS))).toBe(true);
    const engine = new ExecutionEngine({
      registry: new ComponentRegistry({
        components: [
          defineComponent({
            type: 'noop',
            name: 'No-op',
            category: 'utilities',
            execute: async () => ({ success: true, output_data: {} }),
          }),
        ],
      }),
      store: new MemoryStore(),
    });
    const created = await engine.createInstance({ name: 'parsed', workflow_data: document });
    expect(isParsedWorkflowDocument(created.workflow_data)).toBe(true);
    expect(created.workflow_data).not.toBe(document);
  });

  it('answers false for documents made any other way, valid or not', () => {
    const parsed = parseWorkflowDocument(document, DEFAULT_LIMITS);
    expect(isParsedWorkflowDocument(document)).toBe(false);
    expect(isParsedWorkflowDocument(JSON.parse(JSON.stringify(parsed)))).toBe(false);
    expect(isParsedWorkflowDocument(WorkflowDataSchema.parse(document))).toBe(false);
    expect(isParsedWorkflowDocument(Object.freeze({ ...parsed }))).toBe(false);
    // Inheriting the parser's mark is not being its document.
    const heir = Object.create(parsed!) as object;
    expect(isParsedWorkflowDocument(heir)).toBe(false);
    expect(frozenCopy(heir)).not.toBe(heir);
    expect(isParsedWorkflowDocument({ nodes: 'none' })).toBe(false);
    for (const value of [null, undefined, 'document', 0]) {
      expect(isParsedWorkflowDocument(value)).toBe(false);
    }
  });
});
