import { render, screen, waitFor, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { ExecutionPanel } from '../execution/ExecutionPanel';
import { RunHistory } from '../history/RunHistory';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { I18nProvider } from '../i18n/I18nProvider';
import { de } from '../locales/de';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { WorkflowList } from '../workflows/WorkflowList';
import { loadWorkbench } from './lazyWorkbenchPart';

const handlers = createWorkflowHandlers();
const server = setupServer(...handlers);
let client: WorkflowClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeAll(() => loadWorkbench());
beforeEach(() => {
  client = createWorkflowClient();
});
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

async function savedWorkflow() {
  const saved = await client.saveWorkflow({
    name: 'Nightly',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
        {
          id: 'say',
          type: 'log',
          position: { x: 200, y: 0 },
          data: { parameters: { message: 'hi' } },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'say' }],
    },
  });
  if (!saved.success) throw new Error(saved.error.message);
  return saved.data.workflow_id;
}

describe('the run workbench in another language', () => {
  it('shows the workflow list in German with its messages prop, dates included', async () => {
    await savedWorkflow();
    render(
      <WorkflowProvider client={client}>
        <WorkflowList onOpen={() => {}} onCreate={() => {}} messages={de} />
      </WorkflowProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Gespeicherte Workflows' });
    expect(within(table).getByRole('columnheader', { name: 'Letzter Lauf' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neuer Workflow' })).toBeInTheDocument();
    // German dates: day.month.year.
    await waitFor(() => expect(table.textContent).toMatch(/\d{2}\.\d{2}\.\d{4}/));
    expect(screen.getByRole('region', { name: 'Workflows' })).toHaveAttribute('lang', 'de');
  });

  it('shows the run history in German inside a provider', async () => {
    const workflowId = await savedWorkflow();
    render(
      <WorkflowProvider client={client}>
        <I18nProvider messages={de}>
          <RunHistory workflowId={workflowId} />
        </I18nProvider>
      </WorkflowProvider>,
    );
    const history = await screen.findByRole('region', { name: 'Laufverlauf' });
    expect(
      await within(history).findByText(
        'Noch keine Läufe: Führen Sie den Workflow aus, um hier seine Läufe zu sehen.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the execution panel with one message replaced and the rest in English', async () => {
    render(
      <WorkflowProvider client={client}>
        <ExecutionPanel messages={{ panel: { noRun: 'Nothing ran.' } }} onClose={() => {}} />
      </WorkflowProvider>,
    );
    expect(await screen.findByText('Nothing ran.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close execution panel' })).toBeInTheDocument();
  });
});
