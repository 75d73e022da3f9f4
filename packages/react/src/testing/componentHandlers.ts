import { HttpResponse, http } from 'msw';
import { notFound } from './errorAnswer';
import type { FakeWorkflowBackend } from './FakeWorkflowBackend';
import { fakeRoute } from './fakeRoute';

/** `GET {base}/components` and `GET {base}/components/:component_type`. */
export function componentHandlers(backend: FakeWorkflowBackend, base: string, latencyMs: number) {
  return [
    http.get(
      `${base}/components`,
      fakeRoute(latencyMs, () =>
        HttpResponse.json({ components: backend.registry.getAllComponents() }),
      ),
    ),
    http.get(
      `${base}/components/:component_type`,
      fakeRoute(latencyMs, ({ params }) => {
        const type = params.component_type ?? '';
        const component = backend.registry.getComponent(type);
        if (!component) throw notFound(`Unknown component type "${type}"`);
        return HttpResponse.json(component);
      }),
    ),
  ];
}
