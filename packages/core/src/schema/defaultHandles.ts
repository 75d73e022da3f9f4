import type { ComponentHandle } from './componentHandle';

/** The input handle a component has when its metadata declares none. */
export const DEFAULT_INPUT_HANDLE: ComponentHandle = {
  id: 'input',
  type: 'target',
  position: 'left',
  label: 'Input',
};

/** The output handle a component has when its metadata declares none. */
export const DEFAULT_OUTPUT_HANDLE: ComponentHandle = {
  id: 'output',
  type: 'source',
  position: 'right',
  label: 'Output',
};
