import { builtinComponents } from '@flowloom/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { de } from '../locales/de';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { canvasNodes, saveInBackend } from './editorTestKit.test-helpers';
import { WorkflowEditor } from './WorkflowEditor';

const handlers = createWorkflowHandlers({ components: builtinComponents });
const server = setupServer(...handlers);
let client: WorkflowClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  client = createWorkflowClient();
});
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

describe('WorkflowEditor: its language', () => {
  it('speaks German throughout with the German catalogue, lang included', async () => {
    render(<WorkflowEditor client={client} messages={de} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Workflow' });
    expect(within(toolbar).getByRole('button', { name: 'Speichern' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: 'Ausführen' })).toBeInTheDocument();
    expect(screen.getByLabelText('Name des Workflows')).toHaveValue('Unbenannter Workflow');
    const palette = screen.getByRole('complementary', { name: 'Komponenten' });
    expect(within(palette).getByRole('heading', { name: 'Auslöser' })).toBeInTheDocument();
    expect(
      screen.getByText('Ziehen Sie einen Auslöser von links hierher, um zu beginnen'),
    ).toBeInTheDocument();
    expect(document.querySelector('.flowloom-editor')).toHaveAttribute('lang', 'de');
  });

  it('words the graph check’s problems in German', async () => {
    render(<WorkflowEditor client={client} messages={de} />);
    const palette = screen.getByRole('complementary', { name: 'Komponenten' });
    fireEvent.click(within(palette).getByText('Manual Trigger'));
    fireEvent.click(within(palette).getByText('Log'));
    fireEvent.click(screen.getByRole('button', { name: /Warnung/ }));
    expect(
      await screen.findByText('Kein Auslöser erreicht ihn; er wird übersprungen.'),
    ).toBeInTheDocument();
  });

  it('replaces only the messages it is given, and keeps English for the rest', () => {
    render(<WorkflowEditor client={client} messages={{ toolbar: { save: 'Store' } }} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Workflow' });
    expect(within(toolbar).getByRole('button', { name: 'Store' })).toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('takes a locale for its formats (and lang) without changing its words', async () => {
    const saved = await saveInBackend(handlers, 'Nightly');
    render(<WorkflowEditor client={client} workflowId={saved.workflow_id} locale="de" />);
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    expect(document.querySelector('.flowloom-editor')).toHaveAttribute('lang', 'de');
    // The words stay English: only the formats follow `locale`.
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
  });
});
