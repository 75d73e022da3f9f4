import type { WorkflowComponentMetadata } from '@flowloom/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { createEditorStore, type EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { allParameterTypesMetadata } from './allParameterTypes.test-helpers';
import { ParameterForm } from './ParameterForm';

const handlers = createWorkflowHandlers();
const server = setupServer(...handlers);
const credentials = handlers.backend.credentials;
const SECRET = 'ghp_Sup3rS3cretT0ken';

let client: WorkflowClient;
let store: EditorStoreApi;
let nodeId: string;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  // A client per test: credential lists are shared per client.
  client = createWorkflowClient();
  await credentials.create(
    { name: 'Jira', type: 'basic', data: { username: 'a', password: 'p' } },
    null,
  );
  await credentials.create({ name: 'GitHub', type: 'bearer', data: { token: 'gh' } }, null);
});
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
  credentials.configured = true;
});
afterAll(() => server.close());

/** The all-types test component, its `token` secret asking for `credentialType` when given. */
function componentAsking(credentialType?: string): WorkflowComponentMetadata {
  const parameters = allParameterTypesMetadata.parameters.map((parameter) =>
    parameter.name === 'token' && credentialType
      ? { ...parameter, credential_type: credentialType }
      : parameter,
  );
  return { ...allParameterTypesMetadata, parameters };
}

function renderForm(credentialType?: string, token?: unknown) {
  store = createEditorStore({ components: { all_types: componentAsking(credentialType) } });
  nodeId = store.getState().addNode('all_types', { x: 0, y: 0 });
  if (token !== undefined) store.getState().setParameter(nodeId, 'token', token);
  render(
    <WorkflowProvider client={client}>
      <EditorStoreProvider store={store}>
        <ParameterForm nodeId={nodeId} />
      </EditorStoreProvider>
    </WorkflowProvider>,
  );
  return userEvent.setup();
}

const token = () => store.getState().nodes[0]!.data.parameters.token;
/** The stored credential named `name`, with the data the form sent. */
async function storedNamed(name: string) {
  const { credentials: listed } = await credentials.list();
  const found = listed.find((credential) => credential.name === name);
  if (!found) throw new Error(`No credential named "${name}"`);
  return { ...found, data: await credentials.dataOf(found.credential_id) };
}
const picker = () => screen.getByRole('combobox', { name: 'Token' });
const optionNames = () =>
  within(picker())
    .getAllByRole('option')
    .map((option) => option.textContent);
const loaded = () =>
  waitFor(() => expect(picker()).toHaveAttribute('aria-busy', 'false'), { timeout: 3_000 });

async function openNewForm(user: ReturnType<typeof userEvent.setup>) {
  await loaded();
  await user.selectOptions(picker(), 'New credential…');
  // The form loads with the canvas parts, the first time.
  const form = await screen.findByRole('group', { name: 'New credential' });
  await waitFor(() => expect(within(form).getByLabelText('Credential name')).toHaveFocus());
  return form;
}

describe('CredentialPicker', () => {
  it("lists only the credentials of the parameter's credential_type, by name", async () => {
    renderForm('bearer');
    await loaded();
    expect(optionNames()).toEqual(['— Choose a credential —', 'GitHub', 'New credential…']);
  });

  it('lists every credential, with its type, when the parameter names no type', async () => {
    renderForm();
    await loaded();
    expect(optionNames()).toEqual([
      '— Choose a credential —',
      'GitHub (bearer)',
      'Jira (basic)',
      'New credential…',
    ]);
  });

  it('writes { credential_id } when a credential is chosen, and clears it on the placeholder', async () => {
    const user = renderForm();
    await loaded();
    await user.selectOptions(picker(), 'Jira (basic)');
    expect(token()).toEqual({ credential_id: (await storedNamed('Jira')).credential_id });
    expect(picker()).toHaveDisplayValue('Jira (basic)');
    await user.selectOptions(picker(), '— Choose a credential —');
    expect(token()).toBeUndefined();
  });

  it('creates a credential of the parameter type inline and selects it', async () => {
    const user = renderForm('bearer');
    const form = await openNewForm(user);
    expect(within(form).queryByLabelText('Credential type')).toBeNull();
    await user.type(within(form).getByLabelText('Credential name'), 'Deploy bot');
    await user.type(within(form).getByLabelText('Token'), SECRET);
    await user.click(within(form).getByRole('button', { name: 'Create credential' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'New credential' })).toBeNull());
    const created = await storedNamed('Deploy bot');
    expect(created).toMatchObject({ type: 'bearer', data: { token: SECRET } });
    expect(token()).toEqual({ credential_id: created.credential_id });
    expect(picker()).toHaveDisplayValue('Deploy bot');
    expect(picker()).toHaveFocus();
  });

  it('never puts the secret in the DOM, while typing or after creating', async () => {
    const user = renderForm('bearer');
    const form = await openNewForm(user);
    const secretBox = within(form).getByLabelText('Token');
    expect(secretBox).toHaveAttribute('type', 'password');
    await user.type(within(form).getByLabelText('Credential name'), 'Deploy bot');
    await user.type(secretBox, SECRET);
    expect(document.body.innerHTML).not.toContain(SECRET);
    await user.click(within(form).getByRole('button', { name: 'Create credential' }));
    await waitFor(() => expect(picker()).toHaveDisplayValue('Deploy bot'));
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(JSON.stringify(store.getState().nodes)).not.toContain(SECRET);
  });

  it('asks for the fields of the type chosen, secrets in password boxes', async () => {
    const user = renderForm();
    const form = await openNewForm(user);
    const type = within(form).getByLabelText('Credential type');
    expect(within(form).getByLabelText('Token')).toHaveAttribute('type', 'password');
    await user.selectOptions(type, 'basic');
    expect(within(form).getByLabelText('Username')).toHaveAttribute('type', 'text');
    expect(within(form).getByLabelText('Password')).toHaveAttribute('type', 'password');
    await user.selectOptions(type, 'header');
    expect(within(form).getByLabelText('Header name')).toHaveAttribute('type', 'text');
    expect(within(form).getByLabelText('Header value')).toHaveAttribute('type', 'password');
  });

  it('creates a basic credential with username and password', async () => {
    const user = renderForm();
    const form = await openNewForm(user);
    await user.type(within(form).getByLabelText('Credential name'), 'Registry');
    await user.selectOptions(within(form).getByLabelText('Credential type'), 'basic');
    await user.type(within(form).getByLabelText('Username'), 'ada');
    await user.type(within(form).getByLabelText('Password'), SECRET);
    await user.click(within(form).getByRole('button', { name: 'Create credential' }));
    await waitFor(() => expect(picker()).toHaveDisplayValue('Registry (basic)'));
    expect(await storedNamed('Registry')).toMatchObject({
      type: 'basic',
      data: { username: 'ada', password: SECRET },
    });
  });

  it('creates a credential of any other type from named fields', async () => {
    const user = renderForm('smtp');
    const form = await openNewForm(user);
    await user.type(within(form).getByLabelText('Credential name'), 'Mail relay');
    await user.type(within(form).getByLabelText('Field 1 name'), 'host');
    await user.type(within(form).getByLabelText('Field 1 value'), 'smtp.example.com');
    await user.click(within(form).getByRole('button', { name: 'Add field' }));
    await user.type(within(form).getByLabelText('Field 2 name'), 'password');
    await user.type(within(form).getByLabelText('Field 2 value'), SECRET);
    expect(within(form).getByLabelText('Field 2 value')).toHaveAttribute('type', 'password');
    await user.click(within(form).getByRole('button', { name: 'Create credential' }));
    await waitFor(() => expect(picker()).toHaveDisplayValue('Mail relay'));
    expect(await storedNamed('Mail relay')).toMatchObject({
      type: 'smtp',
      data: { host: 'smtp.example.com', password: SECRET },
    });
  });

  it('names what is missing before sending anything', async () => {
    const user = renderForm('basic');
    const form = await openNewForm(user);
    await user.click(within(form).getByRole('button', { name: 'Create credential' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'Give the credential a name.Fill in Username.Fill in Password.',
    );
    expect((await credentials.list()).total).toBe(2);
  });

  it('refuses the same field name twice in named fields', async () => {
    const user = renderForm('smtp');
    const form = await openNewForm(user);
    await user.type(within(form).getByLabelText('Credential name'), 'Mail');
    await user.type(within(form).getByLabelText('Field 1 name'), 'key');
    await user.type(within(form).getByLabelText('Field 1 value'), 'a');
    await user.click(within(form).getByRole('button', { name: 'Add field' }));
    await user.type(within(form).getByLabelText('Field 2 name'), 'key');
    await user.type(within(form).getByLabelText('Field 2 value'), 'b');
    await user.click(within(form).getByRole('button', { name: 'Create credential' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Field "key" is given twice.');
    expect((await credentials.list()).total).toBe(2);
  });

  it("shows the server's refusal and keeps the form open", async () => {
    server.use(
      http.post('*/api/workflow/credentials', () =>
        HttpResponse.json(
          { error: { code: 'FORBIDDEN', message: 'You may not create credentials', issues: [] } },
          { status: 403 },
        ),
      ),
    );
    const user = renderForm('bearer');
    const form = await openNewForm(user);
    await user.type(within(form).getByLabelText('Credential name'), 'Nope');
    await user.type(within(form).getByLabelText('Token'), SECRET);
    await user.click(within(form).getByRole('button', { name: 'Create credential' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Could not create the credential: You may not create credentials',
    );
    expect(screen.getByRole('group', { name: 'New credential' })).toBeInTheDocument();
    expect(token()).toBeUndefined();
  });

  it('says plainly when credentials are not configured on the server (501)', async () => {
    credentials.configured = false;
    renderForm('bearer');
    await loaded();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Credentials are not configured on this server.',
    );
    expect(picker()).toBeDisabled();
    expect(picker()).toHaveAccessibleDescription(/Credentials are not configured on this server/);
    expect(optionNames()).not.toContain('New credential…');
  });

  it('shows a failed list with a retry that recovers', async () => {
    server.use(
      http.get(
        '*/api/workflow/credentials',
        () =>
          HttpResponse.json(
            { error: { code: 'INTERNAL_ERROR', message: 'Boom' } },
            { status: 500 },
          ),
        { once: true },
      ),
    );
    const user = renderForm('bearer');
    await loaded();
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the credentials: Boom');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(optionNames()).toContain('GitHub'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns about a plain-text secret without showing it, and replaces it with a credential', async () => {
    const user = renderForm('bearer', SECRET);
    await loaded();
    expect(screen.getByText(/^Store this secret as a credential/)).toBeInTheDocument();
    expect(picker()).toHaveAccessibleDescription(/Store this secret as a credential/);
    expect(document.body.innerHTML).not.toContain(SECRET);
    await user.selectOptions(picker(), 'GitHub');
    expect(token()).toEqual({ credential_id: (await storedNamed('GitHub')).credential_id });
    expect(screen.queryByText(/^Store this secret as a credential/)).toBeNull();
  });

  it('opens the new-credential form from the plain-text warning', async () => {
    const user = renderForm('bearer', 'old-secret');
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Store as a new credential' }));
    expect(await screen.findByRole('group', { name: 'New credential' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Credential name')).toHaveFocus());
  });

  it('cancels the form with Escape and gives focus back to the select', async () => {
    const user = renderForm('bearer');
    await openNewForm(user);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'New credential' })).toBeNull();
    expect(picker()).toHaveFocus();
    expect(token()).toBeUndefined();
  });

  it('creates with Enter in a field instead of submitting the parameter form', async () => {
    const user = renderForm('bearer');
    const form = await openNewForm(user);
    await user.type(within(form).getByLabelText('Credential name'), 'Quick');
    await user.type(within(form).getByLabelText('Token'), `${SECRET}{Enter}`);
    await waitFor(() => expect(picker()).toHaveDisplayValue('Quick'));
  });

  it('shows a reference the list does not hold as unknown rather than blank', async () => {
    renderForm('bearer', { credential_id: 'cred_gone' });
    await loaded();
    expect(picker()).toHaveDisplayValue('Unknown credential (cred_gone)');
  });
});
