import { componentRegistry } from '@flowloom/core';
import { createEditorStore } from './createEditorStore';

/** An empty store that knows the built-in components. */
export function storeWithComponents() {
  const store = createEditorStore();
  store.getState().setComponents(componentRegistry.getAllComponents());
  return store;
}

/** A store holding manual_trigger → http_request → log, with the required parameters filled in. */
export function buildValidWorkflow() {
  const store = storeWithComponents();
  const s = () => store.getState();
  const trigger = s().addNode('manual_trigger', { x: 0, y: 0 });
  const http = s().addNode('http_request', { x: 200, y: 0 });
  const log = s().addNode('log', { x: 400, y: 0 });
  s().setParameter(http, 'url', 'https://example.com/items');
  s().setParameter(log, 'message', '{{ input.status }}');
  s().connect({ source: trigger, sourceHandle: 'output', target: http, targetHandle: 'input' });
  s().connect({ source: http, sourceHandle: 'success', target: log, targetHandle: 'input' });
  return { store, trigger, http, log };
}
