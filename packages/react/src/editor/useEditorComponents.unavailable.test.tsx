import { render, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { saveInBackend } from './editorTestKit.test-helpers';
import { setupFakeEditorApi } from './fakeEditorApi.test-helpers';

const api = setupFakeEditorApi();
const { handlers, server } = api;

// A page whose built-ins chunk cannot load either (a deploy removed it, the network dropped):
// the editor is imported afresh with the chunk failing.
vi.resetModules();
vi.doMock('./builtinComponentMetadata', () => {
  throw new Error('Failed to fetch dynamically imported module');
});
const { WorkflowEditor } = await import('./WorkflowEditor');

describe('the editor with neither the server’s components nor the built-ins', () => {
  it('still draws the workflow, its nodes marked as of unknown types, and says why', async () => {
    server.use(
      http.get('*/api/workflow/components', () =>
        HttpResponse.json(
          { error: { code: 'INTERNAL_ERROR', message: 'The registry is down' } },
          { status: 500 },
        ),
      ),
    );
    const saved = await saveInBackend(handlers, 'Nightly');
    const { container } = render(
      <WorkflowEditor client={api.client} workflowId={saved.workflow_id} />,
    );
    await waitFor(() =>
      expect(container.querySelectorAll('.flowloom-node--unknown')).toHaveLength(2),
    );
    const palette = screen.getByRole('complementary', { name: 'Components' });
    expect(within(palette).getByText(/The registry is down/)).toBeInTheDocument();
    expect(container.querySelector('.flowloom-canvas[aria-busy="true"]')).toBeNull();
  });
});
