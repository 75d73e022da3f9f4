import {
  BaseWorkflowComponent,
  type CustomParameterIssue,
} from '../registry/BaseWorkflowComponent';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';

const PARAMETERS = declareParameters([
  {
    name: 'path',
    label: 'Path',
    type: ParameterType.STRING,
    required: true,
    placeholder: '/orders/created',
    description: 'The path the webhook listens on; starts with "/".',
  },
  {
    name: 'method',
    label: 'Method',
    type: ParameterType.SELECT,
    options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    default: 'POST',
    description: 'The HTTP method the webhook accepts.',
  },
]);

/** Starts a run when an HTTP request reaches its path; outputs the request data the host passes in. */
export class WebhookTriggerComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'webhook_trigger',
      name: 'Webhook Trigger',
      description: 'Start the workflow when an HTTP request arrives at a path.',
      category: ComponentCategory.TRIGGERS,
      icon: 'BoltIcon',
      color: 'from-violet-500 to-purple-600',
      parameters: [...PARAMETERS],
      input_handles: [],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  /** Checks that `path` is a URL path: a leading "/", no spaces, no query or fragment. */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const { path } = values;
    if (typeof path !== 'string') return [];
    if (!path.startsWith('/')) return [{ parameter: 'path', message: 'Path must start with "/"' }];
    if (/[\s?#]/.test(path)) {
      return [{ parameter: 'path', message: 'Path must not contain spaces, "?" or "#"' }];
    }
    return [];
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    return { success: true, output_data: { ...context.run_input } };
  }
}
