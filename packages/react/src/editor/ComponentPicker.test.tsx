import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { builtinComponentMetadata } from './builtinComponentMetadata';
import { ComponentPicker } from './ComponentPicker';

function renderPicker() {
  const onPick = vi.fn();
  const onClose = vi.fn();
  render(
    <ComponentPicker
      label="Add a step"
      components={builtinComponentMetadata}
      position={{ x: 0, y: 0 }}
      onPick={onPick}
      onClose={onClose}
    />,
  );
  return { onPick, onClose };
}

describe('ComponentPicker', () => {
  it('opens with its search focused and every component listed', () => {
    renderPicker();
    expect(screen.getByRole('combobox', { name: 'Search components' })).toHaveFocus();
    expect(screen.getAllByRole('option')).toHaveLength(builtinComponentMetadata.length);
  });

  it('filters as one types and picks the active option with Enter', async () => {
    const user = userEvent.setup();
    const { onPick } = renderPicker();
    await user.keyboard('http_r');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'HTTP Request',
    ]);
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('http_request');
  });

  it('moves the active option with the arrow keys, announced through aria-activedescendant', async () => {
    const user = userEvent.setup();
    const { onPick } = renderPicker();
    const search = screen.getByRole('combobox');
    await user.keyboard('{ArrowDown}');
    const active = screen.getAllByRole('option')[1]!;
    expect(active).toHaveAttribute('aria-selected', 'true');
    expect(search).toHaveAttribute('aria-activedescendant', active.id);
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith(active.dataset.componentType);
  });

  it('says when nothing matches, and closes on Escape', async () => {
    const user = userEvent.setup();
    const { onClose, onPick } = renderPicker();
    await user.keyboard('zzzz');
    expect(screen.getByText('No components match “zzzz”.')).toBeInTheDocument();
    await user.keyboard('{Enter}{Escape}');
    expect(onPick).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalled();
  });
});
