import {
  ComponentCategory,
  defineComponent,
  ParameterType,
  type WorkflowComponentMetadata,
  WorkflowComponentMetadataSchema,
} from '@flowloom/core';

/** A test component with one parameter of every `ParameterType`, and several handles. */
export const AllParameterTypes = defineComponent({
  type: 'all_types',
  name: 'All Types',
  description: 'One parameter of each type',
  category: ComponentCategory.UTILITIES,
  icon: 'EnvelopeIcon',
  color: 'from-purple-500 via-purple-600 to-indigo-600',
  parameters: [
    {
      name: 'title',
      label: 'Title',
      type: ParameterType.STRING,
      required: true,
      description: 'Shown in the subject',
    },
    { name: 'notes', label: 'Notes', type: ParameterType.TEXTAREA },
    { name: 'count', label: 'Count', type: ParameterType.NUMBER, min: 1, max: 10, default: 3 },
    { name: 'enabled', label: 'Enabled', type: ParameterType.BOOLEAN },
    {
      name: 'method',
      label: 'Method',
      type: ParameterType.SELECT,
      options: ['GET', { value: 'POST', label: 'Post it' }],
      default: 'GET',
    },
    { name: 'level', label: 'Level', type: ParameterType.SELECT, options: [1, 2, 3] },
    { name: 'payload', label: 'Payload', type: ParameterType.JSON },
    { name: 'token', label: 'Token', type: ParameterType.SECRET },
    { name: 'path', label: 'Path', type: ParameterType.EXPRESSION },
  ],
  input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
  output_handles: [
    { id: 'success', type: 'source', position: 'right', label: 'Success' },
    { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
  ],
  async execute() {
    return { success: true, output_data: {} };
  },
});

/** {@link AllParameterTypes}'s metadata as the server sends it (defaults applied). */
export const allParameterTypesMetadata: WorkflowComponentMetadata =
  WorkflowComponentMetadataSchema.parse(AllParameterTypes);
