import { builtinComponents, ComponentRegistry, defineComponent } from '@flowloom/core';

/**
 * The built-ins plus `probe`: sleeps `ms` (a stop aborts it) and answers with the process that
 * ran it, so a test sees which worker ran which step.
 */
export function createClusterRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      ...builtinComponents,
      defineComponent({
        type: 'probe',
        name: 'Probe',
        category: 'utilities',
        parameters: [{ name: 'ms', label: 'Sleep (ms)', type: 'number', default: 0 }],
        async execute({ input_data, signal }) {
          if (input_data.ms > 0) {
            await new Promise<void>((resolve, reject) => {
              const timer = setTimeout(resolve, input_data.ms);
              signal.addEventListener(
                'abort',
                () => {
                  clearTimeout(timer);
                  reject(signal.reason);
                },
                { once: true },
              );
            });
          }
          return { success: true, output_data: { pid: process.pid } };
        },
      }),
    ],
  });
}
