import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeWorkflowClient } from '../hooks/fakeWorkflowClient.test-helpers';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { createEditorStore, type EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { allParameterTypesMetadata } from './allParameterTypes.test-helpers';
import { builtinComponentMetadata } from './builtinComponentMetadata';
import { ParameterForm } from './ParameterForm';

let store: EditorStoreApi;
let nodeId: string;

function renderForm() {
  return render(
    // The secret parameter's credential picker lists credentials through the client.
    <WorkflowProvider client={new FakeWorkflowClient()}>
      <EditorStoreProvider store={store}>
        <ParameterForm nodeId={nodeId} />
      </EditorStoreProvider>
    </WorkflowProvider>,
  );
}

const parameters = () => store.getState().nodes[0]!.data.parameters;
const field = (name: string) => document.querySelector<HTMLElement>(`[data-parameter="${name}"]`)!;

describe('ParameterForm', () => {
  beforeEach(() => {
    store = createEditorStore({ components: { all_types: allParameterTypesMetadata } });
    nodeId = store.getState().addNode('all_types', { x: 0, y: 0 });
  });

  it('renders an input of the right kind for each parameter type', () => {
    renderForm();
    expect(screen.getByLabelText(/^Title/)).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('Notes').tagName).toBe('TEXTAREA');
    const count = screen.getByLabelText('Count');
    expect(count).toHaveAttribute('type', 'number');
    expect(count).toHaveAttribute('min', '1');
    expect(count).toHaveAttribute('max', '10');
    expect(screen.getByLabelText('Enabled')).toHaveAttribute('type', 'checkbox');
    const method = screen.getByLabelText('Method');
    expect(method.tagName).toBe('SELECT');
    expect(
      within(method)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(expect.arrayContaining(['GET', 'Post it']));
    expect(screen.getByLabelText('Payload').tagName).toBe('TEXTAREA');
    // A secret is a credential reference, picked from a list: never a password box.
    expect(screen.getByLabelText('Token').tagName).toBe('SELECT');
    expect(screen.getByLabelText('Path')).toHaveAttribute('type', 'text');
    expect(within(field('path')).getByText(/\{\{ input\.field \}\}/)).toBeInTheDocument();
  });

  it('marks required fields and shows defaults and help text', () => {
    renderForm();
    expect(within(field('title')).getByText('*')).toHaveClass('flowloom-required');
    expect(within(field('notes')).queryByText('*')).toBeNull();
    expect(within(field('title')).getByText('Shown in the subject')).toBeInTheDocument();
    expect(within(field('count')).getByText('Default: 3')).toBeInTheDocument();
    expect(within(field('count')).getByText('Between 1 and 10.')).toBeInTheDocument();
    // The store applied the defaults, and the form shows them as values.
    expect(screen.getByLabelText('Count')).toHaveValue(3);
    expect(screen.getByLabelText('Method')).toHaveDisplayValue('GET');
  });

  it('writes typed values to the store', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText(/^Title/), { target: { value: 'Hello' } });
    fireEvent.change(screen.getByLabelText('Count'), { target: { value: '7' } });
    fireEvent.click(screen.getByLabelText('Enabled'));
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '{{ input.path }}' } });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'My step' } });
    expect(parameters()).toMatchObject({
      title: 'Hello',
      count: 7,
      enabled: true,
      method: 'POST',
      level: 3,
      path: '{{ input.path }}',
    });
    expect(store.getState().nodes[0]!.data.label).toBe('My step');
    fireEvent.change(screen.getByLabelText(/^Title/), { target: { value: '' } });
    expect(parameters().title).toBeUndefined();
  });

  it('flags a number outside its bounds inline', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('Count'), { target: { value: '20' } });
    expect(within(field('count')).getByText('Must be at most 10.')).toBeInTheDocument();
    expect(screen.getByLabelText('Count')).toHaveAttribute('aria-invalid', 'true');
  });

  it('parses JSON and shows a parse error without losing the last valid value', () => {
    renderForm();
    const payload = screen.getByLabelText('Payload');
    fireEvent.change(payload, { target: { value: '{"a": 1}' } });
    expect(parameters().payload).toEqual({ a: 1 });
    fireEvent.change(payload, { target: { value: '{"a": ' } });
    expect(within(field('payload')).getByRole('alert')).toHaveTextContent(/^Invalid JSON:/);
    expect(parameters().payload).toEqual({ a: 1 });
    expect(payload).toHaveValue('{"a": ');
    fireEvent.change(payload, { target: { value: '' } });
    expect(within(field('payload')).queryByRole('alert')).toBeNull();
    expect(parameters().payload).toBeUndefined();
  });

  it('shows the validation errors of the node under their fields, and the rest above', () => {
    store.getState().markSaved('wf-1', [
      {
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'Title is required',
        severity: 'error',
        node_id: nodeId,
        field: 'title',
      },
      {
        code: 'INVALID_PARAMETER_VALUE',
        message: 'The node as a whole is off',
        severity: 'error',
        node_id: nodeId,
      },
      {
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'Another node problem',
        severity: 'error',
        node_id: 'other-node',
        field: 'title',
      },
    ]);
    renderForm();
    expect(within(field('title')).getByText('Title is required')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('list', { name: 'Node problems' })).toHaveTextContent(
      'The node as a whole is off',
    );
    expect(screen.queryByText('Another node problem')).toBeNull();
  });

  it('lists the node’s warnings apart from its errors, as warnings', () => {
    store.getState().setComponents([...builtinComponentMetadata, allParameterTypesMetadata]);
    store.getState().addNode('manual_trigger', { x: 0, y: 300 });
    renderForm();
    const warnings = screen.getByRole('list', { name: 'Node warnings' });
    expect(warnings).toHaveClass('flowloom-message--warning');
    expect(warnings).toHaveTextContent('cannot be reached from a trigger');
    expect(screen.queryByRole('list', { name: 'Node problems' })).toBeNull();
  });

  it('keeps an expression held by a number parameter editable as text', () => {
    store.getState().setParameter(nodeId, 'count', '{{ input.count }}');
    renderForm();
    expect(screen.getByLabelText('Count')).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('Count')).toHaveValue('{{ input.count }}');
  });
});
