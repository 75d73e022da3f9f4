import { builtinComponents } from '../components/builtinComponents';
import { ComponentRegistry } from './ComponentRegistry';

/**
 * The default registry, holding the built-in components. Engines, validation and servers made
 * without a registry use it, so registering here makes a component available everywhere.
 *
 * @example
 * componentRegistry.registerComponent(EmailSenderComponent);
 */
export const componentRegistry: ComponentRegistry = new ComponentRegistry({
  components: builtinComponents,
});
