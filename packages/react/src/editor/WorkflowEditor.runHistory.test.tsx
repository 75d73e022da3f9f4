import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  canvasNodes,
  creationsIn,
  saveInBackend,
  savesIn,
  toolbarButton,
  triggerThenLog,
  waitForIdleToolbar,
} from './editorTestKit.test-helpers';
import { setupFakeEditorApi } from './fakeEditorApi.test-helpers';
import type { WorkflowEditorProps } from './WorkflowEditor';

const api = setupFakeEditorApi();
const { handlers, renderEditor } = api;

/** Renders the editor on a workflow saved in the fake API and waits for it to load. */
async function openSaved(name = 'Nightly', props: Partial<WorkflowEditorProps> = {}) {
  const saved = await saveInBackend(handlers, name);
  renderEditor({ workflowId: saved.workflow_id, ...props });
  await waitFor(() => expect(canvasNodes()).toHaveLength(2));
  expect(screen.getByLabelText('Workflow name')).toHaveValue(name);
  await waitForIdleToolbar();
  return saved.workflow_id;
}

const panelStatus = () =>
  screen.getByRole('region', { name: 'Execution' }).getAttribute('data-status');

/** Clicks Execute and waits for the run it starts to complete. */
async function executeToCompletion(onExecuted: ReturnType<typeof vi.fn>) {
  const before = onExecuted.mock.calls.length;
  await waitForIdleToolbar();
  fireEvent.click(toolbarButton('Execute'));
  await waitFor(() => expect(onExecuted).toHaveBeenCalledTimes(before + 1), { timeout: 5_000 });
  await waitFor(() => expect(panelStatus()).toBe('completed'), { timeout: 5_000 });
  await waitForIdleToolbar();
  return onExecuted.mock.calls.at(-1)![0] as string;
}

async function versionsOf(workflowId: string) {
  const answer = await api.client.getWorkflowVersions(workflowId);
  if (!answer.success) throw new Error(answer.error.message);
  return answer.data.versions.map((v) => v.version);
}

async function runsOf(workflowId: string) {
  const answer = await api.client.listInstances({ workflow_id: workflowId });
  if (!answer.success) throw new Error(answer.error.message);
  return answer.data.instances;
}

/** Edits the workflow's name in the toolbar, which makes unsaved changes. */
function rename(name: string) {
  fireEvent.change(screen.getByLabelText('Workflow name'), { target: { value: name } });
  expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
}

describe('WorkflowEditor: Execute runs the saved workflow', () => {
  it('does not save when there are no unsaved changes', async () => {
    const onExecuted = vi.fn();
    const workflowId = await openSaved('Nightly', { onExecuted });
    await executeToCompletion(onExecuted);
    expect(savesIn(api.seen)).toEqual([]);
    expect(await versionsOf(workflowId)).toEqual([1]);
  });

  it('creates the instance from workflow_id and the version shown, not from the document', async () => {
    const onExecuted = vi.fn();
    const workflowId = await openSaved('Nightly', { onExecuted });
    const instanceId = await executeToCompletion(onExecuted);
    expect(creationsIn(api.seen).map((request) => request.body)).toEqual([
      { name: 'Nightly', workflow_id: workflowId, version: 1 },
    ]);
    expect(await runsOf(workflowId)).toMatchObject([
      { instance_id: instanceId, workflow_id: workflowId, workflow_version: 1 },
    ]);
  });

  it('runs twice without edits on one version, both runs listed under the workflow', async () => {
    const onExecuted = vi.fn();
    const workflowId = await openSaved('Nightly', { onExecuted });
    const first = await executeToCompletion(onExecuted);
    const second = await executeToCompletion(onExecuted);
    expect(await versionsOf(workflowId)).toEqual([1]);
    const runs = await runsOf(workflowId);
    expect(runs.map((run) => run.instance_id).sort()).toEqual([first, second].sort());
    expect(runs.map((run) => run.workflow_version)).toEqual([1, 1]);
  });

  it('saves once, based on the version loaded, when there are unsaved changes, and runs that save', async () => {
    const onExecuted = vi.fn();
    const onSaved = vi.fn();
    const workflowId = await openSaved('Nightly', { onExecuted, onSaved });
    rename('Nightly v2');
    await executeToCompletion(onExecuted);
    expect(savesIn(api.seen)).toHaveLength(1);
    expect(savesIn(api.seen)[0]!.body).toMatchObject({
      workflow_id: workflowId,
      expected_version: 1,
      name: 'Nightly v2',
    });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 2 }));
    expect(await runsOf(workflowId)).toMatchObject([{ workflow_version: 2, name: 'Nightly v2' }]);
    expect(screen.queryByText('Unsaved changes')).toBeNull();

    await executeToCompletion(onExecuted);
    expect(savesIn(api.seen)).toHaveLength(1);
  });

  it('saves a workflow never saved first, then runs it under its new id', async () => {
    const onExecuted = vi.fn();
    const onSaved = vi.fn();
    renderEditor({ onExecuted, onSaved });
    fireEvent.click(screen.getByText('Manual Trigger'));
    await executeToCompletion(onExecuted);
    expect(savesIn(api.seen)).toHaveLength(1);
    expect(savesIn(api.seen)[0]!.body).not.toHaveProperty('expected_version');
    const workflowId = onSaved.mock.calls[0]![0].workflow_id as string;
    expect(await runsOf(workflowId)).toMatchObject([{ workflow_id: workflowId }]);
  });

  it('refuses to run a saved workflow whose last save found errors, without a request', async () => {
    const onExecuted = vi.fn();
    renderEditor({ onExecuted });
    fireEvent.click(screen.getByText('HTTP Request'));
    fireEvent.click(toolbarButton('Save'));
    await screen.findByText('Workflow saved successfully!');
    const before = api.seen.length;
    fireEvent.click(toolbarButton('Execute'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot execute: the workflow has 1 problem.',
    );
    expect(api.seen.slice(before)).toEqual([]);
    expect(onExecuted).not.toHaveBeenCalled();
  });
});

describe('WorkflowEditor: a save made elsewhere meanwhile', () => {
  /** Opens a workflow, has "someone else" save version 2, and edits it here. */
  async function conflictSetUp() {
    const workflowId = await openSaved('Nightly');
    await saveInBackend(handlers, 'Theirs', triggerThenLog('theirs'), workflowId);
    rename('Mine');
    return workflowId;
  }

  const conflictNotice = () =>
    screen.findByRole('alert', { name: 'Not saved: this workflow was changed elsewhere' });

  it('sends the version it is based on, and says which version the workflow is at now', async () => {
    const workflowId = await conflictSetUp();
    fireEvent.click(toolbarButton('Save'));
    const notice = await conflictNotice();
    expect(notice).toHaveTextContent(
      'Someone saved version 2 while you were editing version 1. Nothing was saved, and your changes are still here.',
    );
    expect(savesIn(api.seen)[0]!.body).toMatchObject({
      workflow_id: workflowId,
      expected_version: 1,
    });
    expect(await versionsOf(workflowId)).toEqual([2, 1]);
    expect(screen.getByLabelText('Workflow name')).toHaveValue('Mine');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect(screen.queryByText('Workflow saved successfully!')).toBeNull();
  });

  it('Reload asks first, then loads the latest version and drops the changes', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const workflowId = await conflictSetUp();
    fireEvent.click(toolbarButton('Save'));
    const notice = await conflictNotice();
    fireEvent.click(within(notice).getByRole('button', { name: 'Reload' }));
    expect(confirm).toHaveBeenCalledWith('Reload version 2? Your unsaved changes will be lost.');
    // The document arrives first, the notice goes once the load has answered: wait for both.
    await waitFor(() => {
      expect(screen.getByLabelText('Workflow name')).toHaveValue('Theirs');
      expect(screen.queryByRole('alert')).toBeNull();
    });
    expect(screen.getByRole('status')).toHaveTextContent('Reloaded version 2.');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    expect(await versionsOf(workflowId)).toEqual([2, 1]);

    // The next save is based on the version reloaded.
    rename('Mine again');
    fireEvent.click(toolbarButton('Save'));
    await screen.findByText('Workflow saved successfully!');
    expect(savesIn(api.seen).at(-1)!.body).toMatchObject({ expected_version: 2 });
  });

  it('Reload keeps the changes when the user cancels the question', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    await conflictSetUp();
    fireEvent.click(toolbarButton('Save'));
    const notice = await conflictNotice();
    fireEvent.click(within(notice).getByRole('button', { name: 'Reload' }));
    expect(screen.getByLabelText('Workflow name')).toHaveValue('Mine');
    expect(notice).toBeInTheDocument();
    expect(api.seen.filter((r) => r.path.includes('/editor/load/'))).toHaveLength(1);
  });

  it('Overwrite saves the changes as a new version based on the current one', async () => {
    const workflowId = await conflictSetUp();
    fireEvent.click(toolbarButton('Save'));
    const notice = await conflictNotice();
    fireEvent.click(within(notice).getByRole('button', { name: 'Overwrite' }));
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Workflow saved successfully!'));
    expect(status).toHaveTextContent(
      'It was saved over version 2, which stays in the version history.',
    );
    expect(savesIn(api.seen).at(-1)!.body).toMatchObject({ expected_version: 2, name: 'Mine' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await versionsOf(workflowId)).toEqual([3, 2, 1]);
    const theirs = await api.client.loadWorkflow(workflowId, { version: 2 });
    expect(theirs.success && theirs.data.name).toBe('Theirs');
  });

  it('Execute with a conflicting save creates no instance and offers the same way out', async () => {
    const onExecuted = vi.fn();
    await conflictSetUp();
    fireEvent.click(toolbarButton('Execute'));
    await conflictNotice();
    expect(creationsIn(api.seen)).toEqual([]);
    expect(onExecuted).not.toHaveBeenCalled();
  });
});
