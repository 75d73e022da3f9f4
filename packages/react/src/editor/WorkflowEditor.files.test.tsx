import type { WorkflowData, WorkflowExport } from '@flowloom/core';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  canvasNodes,
  saveInBackend,
  toolbarButton,
  waitForIdleToolbar,
} from './editorTestKit.test-helpers';
import { setupFakeEditorApi } from './fakeEditorApi.test-helpers';

const api = setupFakeEditorApi();
const { handlers, server, renderEditor } = api;

/** Trigger → an HTTP request holding a credential reference. */
const authedWorkflow: WorkflowData = {
  nodes: [
    { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
    {
      id: 'call',
      type: 'http_request',
      position: { x: 300, y: 0 },
      data: {
        parameters: {
          url: 'https://example.com/orders',
          auth: 'bearer',
          credential: { credential_id: 'cred_private' },
        },
      },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'call' }],
};

/** What another Flowloom exported: the credential left as a placeholder to pick. */
const exportedFile: WorkflowExport = {
  flowloom_version: 1,
  name: 'Calls',
  workflow_data: {
    ...authedWorkflow,
    nodes: authedWorkflow.nodes.map((node) =>
      node.id === 'call'
        ? {
            ...node,
            data: {
              parameters: { ...node.data.parameters, credential: { credential_type: null } },
            },
          }
        : node,
    ),
  },
};

/** Catches the browser download Export starts: the file's name and its blob. */
function catchDownloads() {
  const downloads: Array<{ name: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  let count = 0;
  const created = vi.fn((blob: Blob) => {
    count += 1;
    const url = `blob:test/${count}`;
    blobs.set(url, blob);
    return url;
  });
  // jsdom has no object URLs.
  Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return downloads;
}

const fileInput = () => screen.getByLabelText<HTMLInputElement>('Workflow file to import');

/** Picks a file in Import's file picker. */
function pickFile(file: File) {
  fireEvent.change(fileInput(), { target: { files: [file] } });
}

function jsonFile(content: unknown, name = 'calls.flowloom.json'): File {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  return new File([text], name, { type: 'application/json' });
}

const imports = () => api.seen.filter((r) => r.path.endsWith('/workflows/import'));

describe('WorkflowEditor: Export', () => {
  it('downloads the JSON the server exports as <name>.flowloom.json', async () => {
    const downloads = catchDownloads();
    const saved = await saveInBackend(handlers, 'Calls: nightly', authedWorkflow);
    renderEditor({ workflowId: saved.workflow_id });
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    await waitForIdleToolbar();
    fireEvent.click(toolbarButton('Export'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('Calls_ nightly.flowloom.json');
    const file = JSON.parse(await downloads[0]!.blob.text());
    const exported = await api.client.exportWorkflow(saved.workflow_id);
    expect(exported.success && file).toEqual(exported.success && exported.data);
    expect(JSON.stringify(file)).not.toContain('cred_private');
    // The download is made before the message is rendered.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Exported as Calls_ nightly.flowloom.json.',
      ),
    );
  });

  it('exports the version loaded and says unsaved changes are not in the file', async () => {
    const downloads = catchDownloads();
    const saved = await saveInBackend(handlers, 'Calls', authedWorkflow);
    renderEditor({ workflowId: saved.workflow_id });
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    await waitForIdleToolbar();
    fireEvent.change(screen.getByLabelText('Workflow name'), { target: { value: 'Renamed' } });
    fireEvent.click(toolbarButton('Export'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toBe('Calls.flowloom.json');
    expect(api.seen.find((r) => r.path.endsWith('/export'))).toBeDefined();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'your unsaved changes are not in it (save first to include them)',
      ),
    );
  });

  it('is disabled until the workflow is saved', async () => {
    renderEditor();
    expect(toolbarButton('Export')).toBeDisabled();
    fireEvent.click(screen.getByText('Manual Trigger'));
    fireEvent.click(toolbarButton('Save'));
    await screen.findByText('Workflow saved successfully!');
    expect(toolbarButton('Export')).toBeEnabled();
  });

  it('says why when the server refuses the export', async () => {
    catchDownloads();
    const saved = await saveInBackend(handlers, 'Calls', authedWorkflow);
    renderEditor({ workflowId: saved.workflow_id });
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    // Export takes clicks once the editor knows the workflow is saved and no command is under
    // way, which on a loaded machine can land a render after its nodes: a click before that
    // does nothing.
    await waitForIdleToolbar();
    expect(toolbarButton('Export')).toBeEnabled();
    await handlers.backend.store.deleteWorkflow(saved.workflow_id);
    fireEvent.click(toolbarButton('Export'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Export failed: Workflow "${saved.workflow_id}" does not exist`,
    );
  });
});

describe('WorkflowEditor: Import', () => {
  it('opens the file picker from the Import button', async () => {
    renderEditor();
    const click = vi.spyOn(fileInput(), 'click');
    await userEvent.setup().click(toolbarButton('Import'));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('asks before replacing unsaved changes, and opens no picker when told no', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderEditor();
    fireEvent.click(screen.getByText('Manual Trigger'));
    const click = vi.spyOn(fileInput(), 'click');
    fireEvent.click(toolbarButton('Import'));
    expect(confirm).toHaveBeenCalledWith(
      'You have unsaved changes. Import another workflow without saving them?',
    );
    expect(click).not.toHaveBeenCalled();
  });

  it('imports the file as a new workflow, opens it and marks the credential to choose', async () => {
    const onSaved = vi.fn();
    renderEditor({ onSaved });
    pickFile(jsonFile(exportedFile));
    const status = await screen.findByText('Imported "Calls" as a new workflow.');
    expect(status.closest('[role="status"]')).toHaveTextContent(
      'Choose a credential for 1 parameter marked on the nodes.',
    );
    expect(imports().map((r) => r.body)).toEqual([exportedFile]);
    expect(screen.getByLabelText('Workflow name')).toHaveValue('Calls');
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    const call = canvasNodes().find((node) => node.dataset.id === 'call')!;
    expect(status.closest('[role="status"]')).not.toHaveTextContent('other problem');
    const mark = within(call).getByRole('img', { name: /^\d+ errors?$/ });
    expect(mark).toHaveAttribute('title', expect.stringContaining('needs a credential'));
    expect(screen.queryByText('Unsaved changes')).toBeNull();

    const imported = onSaved.mock.calls[0]![0];
    expect(imported).toMatchObject({ name: 'Calls', version: 1 });
    const stored = await api.client.loadWorkflow(imported.workflow_id);
    expect(stored.success && stored.data.name).toBe('Calls');
    const exported = await api.client.exportWorkflow(imported.workflow_id);
    expect(exported.success && exported.data).toEqual(exportedFile);
  });

  it('lets the user choose the missing credential in the picker, and then it saves valid', async () => {
    await handlers.backend.credentials.create(
      { name: 'Orders API', type: 'bearer', data: { token: 'secret-token' } },
      null,
    );
    const user = userEvent.setup();
    renderEditor();
    pickFile(jsonFile(exportedFile));
    await screen.findByText('Imported "Calls" as a new workflow.');
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    fireEvent.click(canvasNodes().find((node) => node.dataset.id === 'call')!);
    const picker = await screen.findByRole('combobox', { name: 'Credential' });
    const field = picker.closest<HTMLElement>('[data-parameter="credential"]')!;
    expect(field).toHaveClass('flowloom-field--invalid');
    await waitFor(() => expect(picker).toHaveAttribute('aria-busy', 'false'));
    await user.selectOptions(picker, 'Orders API (bearer)');
    fireEvent.click(toolbarButton('Save'));
    const status = await screen.findByText('Workflow saved successfully!');
    expect(status.closest('[role="status"]')).not.toHaveTextContent('to fix');
    const call = canvasNodes().find((node) => node.dataset.id === 'call')!;
    expect(within(call).queryByRole('img', { name: /error/ })).toBeNull();
  });

  it('refuses a file that is not JSON, without sending it', async () => {
    renderEditor();
    pickFile(jsonFile('{ "flowloom_version": 1, name: oops', 'notes.flowloom.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This file is not JSON, so it is not a Flowloom workflow file.',
    );
    expect(imports()).toEqual([]);
  });

  it('refuses a file of another format version, without sending it', async () => {
    renderEditor();
    pickFile(jsonFile({ ...exportedFile, flowloom_version: 2 }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This file is in Flowloom file format version 2; this editor reads version 1.',
    );
    expect(imports()).toEqual([]);
  });

  it('refuses JSON that is not a workflow file, without sending it', async () => {
    renderEditor();
    pickFile(jsonFile({ nodes: [], edges: [] }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This file is not a Flowloom workflow file: it has no "flowloom_version".',
    );
    expect(imports()).toEqual([]);
  });

  it('refuses a file over the size limit, without reading or sending it', async () => {
    renderEditor();
    const big = new File([new Uint8Array(1024 * 1024 + 1)], 'big.flowloom.json');
    const text = vi.spyOn(big, 'text');
    pickFile(big);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file is too large (1 MB): a workflow file may be at most 1 MB.',
    );
    expect(text).not.toHaveBeenCalled();
    expect(imports()).toEqual([]);
  });

  it('takes a lower size limit from maxImportBytes', async () => {
    renderEditor({ maxImportBytes: 100 });
    pickFile(jsonFile(exportedFile));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'a workflow file may be at most 100 bytes.',
    );
  });

  it("shows the server's reasons for a file it refuses, and keeps the editor as it was", async () => {
    renderEditor();
    fireEvent.click(screen.getByText('Manual Trigger'));
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    pickFile(jsonFile({ flowloom_version: 1, name: '', workflow_data: { nodes: [], edges: [] } }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This is not a valid Flowloom workflow file:');
    expect(alert).toHaveTextContent('name: Name must not be empty');
    expect(canvasNodes()).toHaveLength(1);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('says a file the server finds too large is too large', async () => {
    const { http, HttpResponse } = await import('msw');
    server.use(
      http.post('*/api/workflow/workflows/import', () =>
        HttpResponse.json(
          { error: { code: 'PAYLOAD_TOO_LARGE', message: 'Body over 1048576 bytes' } },
          { status: 413 },
        ),
      ),
    );
    renderEditor();
    pickFile(jsonFile(exportedFile));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The file is too large for the server.',
    );
  });
});
