import {
  ComponentCategory,
  ParameterType,
  type WorkflowComponentMetadata,
  WorkflowComponentMetadataSchema,
} from '@flowloom/core';

/** A component with a parameter of every `ParameterType`, for the form and node stories. */
export const allParameterTypesComponent: WorkflowComponentMetadata =
  WorkflowComponentMetadataSchema.parse({
    type: 'send_email',
    name: 'Send Email',
    description: 'Sends an email through the mail service.',
    category: ComponentCategory.OUTPUT_ACTIONS,
    icon: 'EnvelopeIcon',
    color: 'from-purple-500 via-purple-600 to-indigo-600',
    parameters: [
      {
        name: 'to',
        label: 'To',
        type: ParameterType.STRING,
        required: true,
        placeholder: 'ops@example.com',
        description: 'One address, or an expression such as {{ input.email }}.',
      },
      { name: 'body', label: 'Body', type: ParameterType.TEXTAREA, default: 'Hello!' },
      {
        name: 'priority',
        label: 'Priority',
        type: ParameterType.NUMBER,
        min: 1,
        max: 5,
        default: 3,
      },
      { name: 'track_opens', label: 'Track opens', type: ParameterType.BOOLEAN, default: true },
      {
        name: 'format',
        label: 'Format',
        type: ParameterType.SELECT,
        options: [
          { value: 'text', label: 'Plain text' },
          { value: 'html', label: 'HTML' },
        ],
        default: 'text',
      },
      {
        name: 'headers',
        label: 'Headers',
        type: ParameterType.JSON,
        default: { 'X-Campaign': 'spring' },
      },
      { name: 'api_key', label: 'API key', type: ParameterType.SECRET, required: true },
      {
        name: 'subject',
        label: 'Subject',
        type: ParameterType.EXPRESSION,
        default: 'Order {{ input.order_id }} shipped',
      },
    ],
    input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
    output_handles: [
      { id: 'sent', type: 'source', position: 'right', label: 'Sent' },
      { id: 'bounced', type: 'source', position: 'bottom', label: 'Bounced' },
    ],
  });
