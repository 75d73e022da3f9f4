import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { CompletionScope } from './expressions/completionScope';

// The real lazy loader (vitest.setup.ts keeps fields plain elsewhere). The setup has already
// loaded the canvas parts, ExpressionInput among them, with the plain one: load it afresh.
vi.unmock('./expressions/loadExpressionEditor');
vi.resetModules();
const { ExpressionInput } = await import('./ExpressionInput');

const scope: CompletionScope = { steps: [], outputs: {}, schemas: {}, input: {}, vars: {} };

function renderInput(onChange = vi.fn()) {
  render(
    <>
      <label id="msg-label" htmlFor="msg">
        Message
      </label>
      <ExpressionInput
        id="msg"
        labelId="msg-label"
        value="Hello {{ input.name }}"
        multiline={false}
        required
        invalid={false}
        describedBy="msg-help"
        getScope={() => scope}
        onChange={onChange}
      />
      <p id="msg-help">Help</p>
    </>,
  );
  return onChange;
}

describe('ExpressionInput', () => {
  it('edits the value through the plain field before the editor has loaded', () => {
    const onChange = renderInput();
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Bye' } });
    expect(onChange).toHaveBeenCalledWith('Bye');
  });
  it('is a plain field until it gets focus, then becomes the expression editor with its text', async () => {
    renderInput();
    const plain = screen.getByLabelText('Message');
    expect(plain.tagName).toBe('INPUT');
    expect(document.querySelector('.cm-content')).toBeNull();
    await act(async () => {
      plain.focus();
    });
    const editor = await waitFor(
      () => {
        const content = document.querySelector<HTMLElement>('.cm-content');
        if (!content) throw new Error('no editor yet');
        return content;
      },
      { timeout: 10_000 },
    );
    expect(editor.textContent).toBe('Hello {{ input.name }}');
    expect(editor).toHaveAttribute('aria-labelledby', 'msg-label');
    expect(editor).toHaveAttribute('aria-describedby', 'msg-help');
    expect(editor).toHaveAttribute('aria-required', 'true');
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBe(editor);
  });
});
