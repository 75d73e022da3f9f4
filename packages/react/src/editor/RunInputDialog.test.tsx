import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunInputDialog } from './RunInputDialog';
import { readRunInput, rememberRunInput } from './runInputStorage';

afterEach(() => localStorage.clear());

function renderDialog(initialInput?: Record<string, unknown>) {
  const onExecute = vi.fn();
  const onClose = vi.fn();
  render(
    <RunInputDialog
      workflowId="wf-1"
      initialInput={initialInput}
      onExecute={onExecute}
      onClose={onClose}
    />,
  );
  const input = screen.getByLabelText('Run input (JSON object)');
  return { onExecute, onClose, input };
}

describe('RunInputDialog', () => {
  it('opens as a modal dialog with the JSON field focused, offering the pinned input', () => {
    const { input } = renderDialog({ id: 7 });
    expect(screen.getByRole('dialog', { name: 'Execute with input' })).toHaveAttribute(
      'aria-modal',
      'true',
    );
    expect(input).toHaveFocus();
    expect(JSON.parse((input as HTMLTextAreaElement).value)).toEqual({ id: 7 });
  });

  it('offers the input remembered for the workflow first', () => {
    rememberRunInput('wf-1', '{"remembered":true}');
    const { input } = renderDialog({ id: 7 });
    expect(input).toHaveValue('{"remembered":true}');
  });

  it('refuses text that is not a JSON object, saying why, with Execute disabled', () => {
    const { input, onExecute } = renderDialog();
    fireEvent.change(input, { target: { value: '{ "a": ' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Not valid JSON');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const execute = screen.getByRole('button', { name: 'Execute' });
    expect(execute).toBeDisabled();
    fireEvent.change(input, { target: { value: '[1]' } });
    expect(screen.getByRole('alert')).toHaveTextContent('must be a JSON object');
    fireEvent.click(execute);
    expect(onExecute).not.toHaveBeenCalled();
  });

  it('runs with the input, remembers it for the workflow, and closes', () => {
    const { input, onExecute, onClose } = renderDialog();
    fireEvent.change(input, { target: { value: '{ "word": "hi" }' } });
    fireEvent.click(screen.getByRole('button', { name: 'Execute' }));
    expect(onExecute).toHaveBeenCalledWith({ word: 'hi' });
    expect(onClose).toHaveBeenCalled();
    expect(readRunInput('wf-1')).toBe('{ "word": "hi" }');
  });

  it('runs with Ctrl+Enter and closes with Escape', async () => {
    const user = userEvent.setup();
    const { onExecute, onClose } = renderDialog({ a: 1 });
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(onExecute).toHaveBeenCalledWith({ a: 1 });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('keeps Tab inside the dialog', async () => {
    const user = userEvent.setup();
    const { input } = renderDialog({});
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Execute' })).toHaveFocus();
    await user.tab();
    expect(input).toHaveFocus();
  });
});
