import {
  BaseWorkflowComponent,
  ComponentCategory,
  componentRegistry,
  type ExecutionContext,
  ExecutionEngine,
  type ExecutionResult,
  ParameterType,
  type WorkflowComponentMetadataInput,
} from '@flowloom/core';

// 1. A component: metadata for the editor, execute() for the engine.
class GreetComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'greet',
      name: 'Greet',
      description: 'Builds a greeting',
      category: ComponentCategory.DATA_PROCESSING,
      icon: 'ChatBubbleLeftIcon',
      color: 'from-purple-500 via-purple-600 to-indigo-600',
      parameters: [{ name: 'name', label: 'Name', type: ParameterType.STRING, required: true }],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    return { success: true, output_data: { greeting: `Hello, ${context.input_data.name}!` } };
  }
}

// 2. Register it next to the built-ins (manual_trigger, http_request, condition, log, ...).
componentRegistry.registerComponent(GreetComponent);

// 3. Run a workflow: trigger → greet → log, wired as the editor saves it.
export async function runHelloWorkflow(who: string) {
  const engine = new ExecutionEngine();
  engine.on('event', (event) => console.log(event.seq, event.event_type, event.step_id ?? ''));
  const instance = await engine.createInstance({
    name: 'Hello',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
        {
          id: 'greet',
          type: 'greet',
          position: { x: 250, y: 0 },
          data: { parameters: { name: '{{ input.who }}' } },
        },
        {
          id: 'say',
          type: 'log',
          position: { x: 500, y: 0 },
          data: { parameters: { message: '{{ steps.greet.greeting }}' } },
        },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'greet' },
        { id: 'e2', source: 'greet', target: 'say' },
      ],
    },
  });
  return engine.executeWorkflow(instance.instance_id, { who });
}
