import {
  builtinComponents,
  ComponentCategory,
  defineComponent,
  ParameterType,
} from '@flowloom/core';
import type { WorkflowClient } from '../src/client/clientTypes';
import { createWorkflowClient } from '../src/client/createWorkflowClient';
import { createWorkflowHandlers } from '../src/testing';
import { addMockHandlers } from './mockApi';

/** A story-only component that writes `lines` log lines: ten thousand entries for the panel. */
const Chatty = defineComponent({
  type: 'chatty',
  name: 'Chatty',
  description: 'Writes many log lines.',
  category: ComponentCategory.UTILITIES,
  parameters: [{ name: 'lines', label: 'Lines', type: ParameterType.NUMBER, default: 10_000 }],
  async execute({ input_data, logger }) {
    const lines = input_data.lines ?? 10_000;
    for (let line = 1; line <= lines; line++) {
      logger.log(line % 50 === 0 ? 'warn' : 'info', `Processed record ${line} of ${lines}`);
    }
    return { success: true, output_data: { lines } };
  },
});

const BASE_URL = '/api/chatty-workflow';
let client: WorkflowClient | undefined;

/**
 * Runs a workflow whose one step logs ten thousand lines, on a fake API of its own (the testing
 * kit's handlers with the Chatty component, on another base path); resolves to the client and
 * the instance id.
 */
export async function startChattyRun(): Promise<{ client: WorkflowClient; instanceId: string }> {
  if (!client) {
    await addMockHandlers(
      ...createWorkflowHandlers({ baseUrl: BASE_URL, components: [...builtinComponents, Chatty] }),
    );
    client = createWorkflowClient({ baseUrl: BASE_URL });
  }
  const created = await client.createInstance({
    name: 'Ten thousand log lines',
    workflow_data: {
      nodes: [
        {
          id: 'trigger',
          type: 'manual_trigger',
          position: { x: 0, y: 0 },
          data: { parameters: {} },
        },
        { id: 'chatty', type: 'chatty', position: { x: 260, y: 0 }, data: { parameters: {} } },
      ],
      edges: [{ id: 'e1', source: 'trigger', target: 'chatty' }],
    },
  });
  if (!created.success) throw new Error(`createInstance: ${created.error.message}`);
  const executed = await client.executeInstance(created.data.instance_id, {});
  if (!executed.success) throw new Error(`executeInstance: ${executed.error.message}`);
  return { client, instanceId: created.data.instance_id };
}
