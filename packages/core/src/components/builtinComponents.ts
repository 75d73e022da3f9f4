import type { RegistrableComponent } from '../registry/ComponentRegistry';

/** Every built-in component, in palette order. */
export const builtinComponents: ReadonlyArray<RegistrableComponent> = [];
