import { fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { storeWithComponents } from '../store/editorStoreFixtures.test-helpers';
import { type ShortcutCommands, useEditorShortcuts } from './useEditorShortcuts';

let store: EditorStoreApi;

function Editor(commands: ShortcutCommands) {
  const root = useRef<HTMLDivElement>(null);
  useEditorShortcuts(root, commands);
  return (
    <div ref={root}>
      <button type="button">Canvas</button>
      <input aria-label="Name" />
    </div>
  );
}

function renderEditor() {
  const commands = { onSave: vi.fn(), onExecute: vi.fn() };
  render(
    <EditorStoreProvider store={store}>
      <Editor {...commands} />
    </EditorStoreProvider>,
  );
  return commands;
}

const press = (target: Element, key: string, extra: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(target, { key, ctrlKey: true, ...extra });

describe('useEditorShortcuts', () => {
  beforeEach(() => {
    store = storeWithComponents();
    const a = store.getState().addNode('manual_trigger', { x: 0, y: 0 });
    const b = store.getState().addNode('log', { x: 300, y: 0 });
    store
      .getState()
      .connect({ source: a, target: b, sourceHandle: 'output', targetHandle: 'input' });
  });

  it('Ctrl+A selects every node', () => {
    renderEditor();
    press(screen.getByRole('button'), 'a');
    expect(store.getState().selectedNodeIds).toEqual(['manual_trigger_1', 'log_1']);
  });

  it('Ctrl+D duplicates the selection and Cmd+X cuts it', () => {
    renderEditor();
    store.getState().select(['log_1']);
    press(screen.getByRole('button'), 'd');
    expect(store.getState().nodes.map((node) => node.id)).toEqual([
      'manual_trigger_1',
      'log_1',
      'log_2',
    ]);
    press(screen.getByRole('button'), 'x', { ctrlKey: false, metaKey: true });
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['manual_trigger_1', 'log_1']);
    expect(store.getState().clipboard?.nodes.map((node) => node.id)).toEqual(['log_2']);
  });

  it('Ctrl+S saves and Ctrl+Enter executes, and the browser’s own action is prevented', () => {
    const commands = renderEditor();
    const canvas = screen.getByRole('button');
    expect(press(canvas, 's')).toBe(false);
    expect(commands.onSave).toHaveBeenCalledTimes(1);
    press(canvas, 'Enter');
    expect(commands.onExecute).toHaveBeenCalledTimes(1);
  });

  it('leaves every shortcut alone while typing in a field', () => {
    const commands = renderEditor();
    const field = screen.getByRole('textbox', { name: 'Name' });
    for (const key of ['a', 'd', 'x', 's', 'Enter']) expect(press(field, key)).toBe(true);
    expect(commands.onSave).not.toHaveBeenCalled();
    expect(commands.onExecute).not.toHaveBeenCalled();
    expect(store.getState().selectedNodeIds).toEqual([]);
    expect(store.getState().nodes).toHaveLength(2);
  });

  it('leaves keys pressed outside the editor alone', () => {
    const commands = renderEditor();
    const outside = document.createElement('button');
    document.body.append(outside);
    press(outside, 's');
    expect(commands.onSave).not.toHaveBeenCalled();
    outside.remove();
  });
});
