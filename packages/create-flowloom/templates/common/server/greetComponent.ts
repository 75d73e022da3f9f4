import { ComponentCategory, defineComponent, ParameterType } from '@flowloom/core';

/**
 * A component of your own: registered in server/main.ts, it shows in the editor's palette next
 * to the built-ins. `defineComponent` types `input_data` from `parameters`: `name` is a string,
 * `excited` a boolean. A parameter may hold an expression such as `{{ input.name }}` or
 * `{{ steps.<step_id>.<field> }}`: the engine resolves it before `execute` runs.
 */
export const greetComponent = defineComponent({
  type: 'greet',
  name: 'Greet',
  description: 'Builds a greeting for someone',
  category: ComponentCategory.DATA_PROCESSING,
  icon: 'ChatBubbleLeftIcon',
  color: 'from-purple-500 via-purple-600 to-indigo-600',
  parameters: [
    { name: 'name', label: 'Name', type: ParameterType.STRING, required: true, default: 'world' },
    { name: 'excited', label: 'Excited', type: ParameterType.BOOLEAN, default: false },
  ],
  async execute({ input_data }) {
    const greeting = `Hello, ${input_data.name}${input_data.excited ? '!' : '.'}`;
    return { success: true, output_data: { greeting } };
  },
});
