import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ContextMenu, type MenuItem } from './ContextMenu';

function renderMenu(items: MenuItem[], onClose = vi.fn()) {
  render(
    <>
      <button type="button">Opener</button>
      <ContextMenu
        label="Node actions"
        items={items}
        position={{ x: 10, y: 10 }}
        onClose={onClose}
      />
    </>,
  );
  return onClose;
}

const items = (onSelect = vi.fn()): MenuItem[] => [
  { id: 'a', label: 'First', onSelect },
  { id: 'b', label: 'Second', disabled: true, onSelect },
  { id: 'c', label: 'Third', shortcut: 'Ctrl+D', onSelect },
];

describe('ContextMenu', () => {
  it('opens as a named menu with its first enabled item focused', () => {
    renderMenu(items());
    expect(screen.getByRole('menu', { name: 'Node actions' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'First' })).toHaveFocus();
    expect(screen.getByRole('menuitem', { name: /Second/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('moves with the arrow keys past disabled items, and wraps', async () => {
    const user = userEvent.setup();
    renderMenu(items());
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: /Third/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'First' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: /Third/ })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('menuitem', { name: 'First' })).toHaveFocus();
  });

  it('runs an item with Enter and closes', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const onClose = renderMenu(items(onSelect));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalled();
  });

  it('runs nothing for a disabled item', () => {
    const onSelect = vi.fn();
    renderMenu(items(onSelect));
    fireEvent.click(screen.getByRole('menuitem', { name: /Second/ }));
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('closes on Escape and on a click outside', async () => {
    const user = userEvent.setup();
    const onClose = renderMenu(items());
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Opener' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('gives focus back to where it was when it closes', () => {
    const { rerender } = render(<button type="button">Opener</button>);
    screen.getByRole('button', { name: 'Opener' }).focus();
    rerender(
      <>
        <button type="button">Opener</button>
        <ContextMenu label="Menu" items={items()} position={{ x: 0, y: 0 }} onClose={() => {}} />
      </>,
    );
    expect(screen.getByRole('menuitem', { name: 'First' })).toHaveFocus();
    rerender(<button type="button">Opener</button>);
    expect(screen.getByRole('button', { name: 'Opener' })).toHaveFocus();
  });
});
