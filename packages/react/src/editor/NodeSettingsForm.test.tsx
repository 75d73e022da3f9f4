import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { storeWithComponents } from '../store/editorStoreFixtures.test-helpers';
import { NodeSettingsForm } from './NodeSettingsForm';

let store: EditorStoreApi;
let trigger: string;
let http: string;

function renderSettings(nodeId: string) {
  render(
    <EditorStoreProvider store={store}>
      <NodeSettingsForm nodeId={nodeId} />
    </EditorStoreProvider>,
  );
}

const settingsOf = (id: string) => store.getState().nodes.find((node) => node.id === id)!.data;

describe('NodeSettingsForm', () => {
  beforeEach(() => {
    store = storeWithComponents();
    trigger = store.getState().addNode('manual_trigger', { x: 0, y: 0 });
    http = store.getState().addNode('http_request', { x: 300, y: 0 });
  });

  it('sets retries with their backoff, which appear once there is a retry', () => {
    renderSettings(http);
    expect(screen.queryByLabelText('Wait before retrying (ms)')).toBeNull();
    fireEvent.change(screen.getByLabelText('Retries'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Wait before retrying (ms)'), {
      target: { value: '500' },
    });
    fireEvent.change(screen.getByLabelText('Backoff multiplier'), { target: { value: '3' } });
    expect(settingsOf(http).settings).toEqual({
      retry: { max_attempts: 3, backoff_ms: 500, backoff_multiplier: 3 },
    });
    fireEvent.change(screen.getByLabelText('Retries'), { target: { value: '0' } });
    expect(settingsOf(http).settings).toBeUndefined();
  });

  it('sets a timeout, and clears it when emptied', () => {
    renderSettings(http);
    fireEvent.change(screen.getByLabelText('Timeout (ms)'), { target: { value: '3000' } });
    expect(settingsOf(http).settings).toEqual({ timeout_ms: 3000 });
    fireEvent.change(screen.getByLabelText('Timeout (ms)'), { target: { value: '' } });
    expect(settingsOf(http).settings).toBeUndefined();
  });

  it('offers fail the run, take the error branch or continue on error; fail is the default and not saved', () => {
    renderSettings(http);
    const select = screen.getByLabelText('On error');
    expect(select).toHaveValue('fail');
    expect([...(select as HTMLSelectElement).options].map((option) => option.text)).toEqual([
      'Fail the run',
      'Take the error branch',
      'Continue',
    ]);
    fireEvent.change(select, { target: { value: 'continue' } });
    expect(settingsOf(http).settings).toEqual({ on_error: 'continue' });
    fireEvent.change(select, { target: { value: 'fail' } });
    expect(settingsOf(http).settings).toBeUndefined();
  });

  it('disables and enables the node', () => {
    renderSettings(http);
    fireEvent.click(screen.getByLabelText('Disable this step'));
    expect(settingsOf(http).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Disable this step'));
    expect(settingsOf(http).disabled).toBeUndefined();
  });

  it('offers pinned test input on a trigger only', () => {
    renderSettings(http);
    expect(screen.queryByLabelText('Pinned test input')).toBeNull();
  });

  it('pins a JSON object as the trigger’s test input, and removes it when emptied', () => {
    renderSettings(trigger);
    const pinned = screen.getByLabelText('Pinned test input');
    fireEvent.change(pinned, { target: { value: '{ "order_id": 7 }' } });
    expect(settingsOf(trigger).pinned_input).toEqual({ order_id: 7 });
    fireEvent.change(pinned, { target: { value: '' } });
    expect(settingsOf(trigger).pinned_input).toBeUndefined();
  });

  it('leaves the pinned input alone while the text is not JSON yet', () => {
    store.getState().setPinnedInput(trigger, { kept: true });
    renderSettings(trigger);
    fireEvent.change(screen.getByLabelText('Pinned test input'), { target: { value: '{ "a": ' } });
    expect(settingsOf(trigger).pinned_input).toEqual({ kept: true });
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid JSON');
  });
});
