import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PanelTabs } from './PanelTabs';

function Tabs() {
  const [selected, setSelected] = useState<'a' | 'b' | 'c'>('a');
  return (
    <PanelTabs
      tabs={[
        { id: 'a', label: 'Run' },
        { id: 'b', label: 'Step data' },
        { id: 'c', label: 'History' },
      ]}
      selected={selected}
      onSelect={setSelected}
      idPrefix="t"
      aria-label="Panel"
    />
  );
}

describe('PanelTabs', () => {
  it('keeps only the selected tab in the tab order', () => {
    render(<Tabs />);
    expect(screen.getByRole('tab', { name: 'Run' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tab', { name: 'Run' })).toHaveAttribute('aria-controls', 't-panel-a');
  });

  it('moves and selects with the arrow keys, Home and End, wrapping around', () => {
    render(<Tabs />);
    const list = screen.getByRole('tablist', { name: 'Panel' });
    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'History' })).toHaveFocus();
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Run' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(list, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(list, { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Run' })).toHaveAttribute('aria-selected', 'true');
  });
});
