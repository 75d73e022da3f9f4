import { render, screen, waitFor, within } from '@testing-library/react';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { canvasNodes, saveInBackend } from './editorTestKit.test-helpers';

// vitest.setup.ts loads the built-ins' chunk up front; a page starts without it: fresh modules.
vi.resetModules();
const { WorkflowEditor } = await import('./WorkflowEditor');
const { loadedBuiltinComponents } = await import('./loadBuiltinComponents');
const { COMPONENTS_WAIT_MS } = await import('./useEditorComponents');

const handlers = createWorkflowHandlers();
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

const palette = () => screen.getByRole('complementary', { name: 'Components' });

/**
 * Holds the server's answer to `GET /components` until the returned function is called; it then
 * lists `components` (the fake registry's by default).
 */
function holdComponentList(
  components: unknown[] = handlers.backend.registry.getAllComponents(),
): () => void {
  let answer: () => void = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  server.use(
    http.get('*/api/workflow/components', async () => {
      await answered;
      return HttpResponse.json({ components });
    }),
  );
  return answer;
}

describe("the editor's components on a page that has not loaded the built-ins", () => {
  it("says the palette is loading until the server's list arrives, without loading the built-ins", async () => {
    const answer = holdComponentList([
      {
        type: 'greet',
        name: 'Greet',
        description: 'Says hello',
        category: 'utilities',
        icon: 'ChatBubbleLeftIcon',
        color: 'from-sky-500 to-blue-600',
        version: '1.0.0',
        parameters: [],
        input_handles: [{ id: 'input', type: 'target', position: 'left' }],
        output_handles: [{ id: 'output', type: 'source', position: 'right' }],
      },
    ]);
    render(<WorkflowEditor client={createWorkflowClient()} />);
    expect(within(palette()).getByText('Loading components…')).toBeInTheDocument();
    expect(within(palette()).queryAllByRole('button')).toHaveLength(0);
    answer();
    expect(await within(palette()).findByText('Greet')).toBeInTheDocument();
    expect(within(palette()).queryByText('Loading components…')).toBeNull();
    expect(within(palette()).queryByText('Delay')).toBeNull();
    expect(loadedBuiltinComponents()).toBeUndefined();
  });

  it('draws a workflow that loaded first only once the list is known, none of its nodes as unknown', async () => {
    const saved = await saveInBackend(handlers, 'Nightly');
    let loads = 0;
    server.use(
      http.get('*/api/workflow/editor/load/:id', () => {
        loads += 1;
        return undefined;
      }),
    );
    const answer = holdComponentList();
    const { container } = render(
      <WorkflowEditor client={createWorkflowClient()} workflowId={saved.workflow_id} />,
    );
    await waitFor(() => expect(loads).toBe(1));
    await waitFor(() => expect(screen.getByLabelText('Workflow name')).toHaveValue('Nightly'));
    expect(screen.queryByTestId('workflow-canvas')).toBeNull();
    expect(container.querySelector('.flowloom-canvas[aria-busy="true"]')).not.toBeNull();

    answer();
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    expect(container.querySelector('.flowloom-node--unknown')).toBeNull();
    expect(container.querySelector('.flowloom-canvas[aria-busy="true"]')).toBeNull();
  });

  it('draws the workflow anyway when the list has not come after COMPONENTS_WAIT_MS, and its nodes once it does', async () => {
    const saved = await saveInBackend(handlers, 'Nightly');
    const answer = holdComponentList();
    const started = Date.now();
    const { container } = render(
      <WorkflowEditor client={createWorkflowClient()} workflowId={saved.workflow_id} />,
    );
    await waitFor(() => expect(canvasNodes()).toHaveLength(2), {
      timeout: COMPONENTS_WAIT_MS + 3_000,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(COMPONENTS_WAIT_MS - 100);
    expect(container.querySelectorAll('.flowloom-node--unknown')).toHaveLength(2);
    expect(within(palette()).getByText('Loading components…')).toBeInTheDocument();

    answer();
    await waitFor(() => expect(container.querySelector('.flowloom-node--unknown')).toBeNull());
  }, 15_000);

  it('loads the built-ins when the server fails, and shows them with the reason', async () => {
    server.use(
      http.get('*/api/workflow/components', async () => {
        await delay(10);
        return HttpResponse.json(
          { error: { code: 'INTERNAL_ERROR', message: 'The registry is down' } },
          { status: 500 },
        );
      }),
    );
    render(<WorkflowEditor client={createWorkflowClient()} />);
    expect(await within(palette()).findByText('Delay')).toBeInTheDocument();
    expect(
      within(palette()).getByText(/The registry is down.*showing the built-in ones/),
    ).toBeInTheDocument();
    await waitFor(() => expect(loadedBuiltinComponents()).toBeDefined());
  });
});
