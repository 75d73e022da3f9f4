// A component from defineComponent, typed from its parameters, run by the engine on the
// in-memory store; and a component unit test's context.
import {
  ComponentCategory,
  componentRegistry,
  defineComponent,
  ExecutionEngine,
  MemoryStore,
  ParameterType,
} from '@flowloom/core';
import { createTestContext } from '@flowloom/core/testing';

export const Multiply = defineComponent({
  type: 'multiply',
  name: 'Multiply',
  category: ComponentCategory.DATA_PROCESSING,
  parameters: [
    { name: 'value', label: 'Value', type: ParameterType.NUMBER, required: true },
    { name: 'by', label: 'By', type: ParameterType.NUMBER, default: 2 },
  ],
  async execute({ input_data }) {
    const product: number = input_data.value * (input_data.by ?? 2);
    // @ts-expect-error `value` is a number, not a string
    input_data.value.toUpperCase();
    return { success: true, output_data: { product } };
  },
});

export async function runMultiply() {
  componentRegistry.registerComponent(Multiply);
  const engine = new ExecutionEngine({ store: new MemoryStore() });
  const instance = await engine.createInstance({
    name: 'Multiply',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        { id: 'times', type: 'multiply', data: { parameters: { value: 21 } } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'times' }],
    },
  });
  const result = await engine.executeWorkflow(instance.instance_id);
  const unit = await Multiply.execute(createTestContext({ input_data: { value: 2, by: 3 } }));
  return { status: result.status, unit };
}
