/** The `dataTransfer` type a palette entry's drag carries; its value is the component type. */
export const COMPONENT_DRAG_TYPE = 'application/flowloom-component';
