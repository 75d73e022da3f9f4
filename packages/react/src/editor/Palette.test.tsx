import { componentRegistry } from '@flowloom/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Palette } from './Palette';

const components = componentRegistry.getAllComponents();

describe('Palette', () => {
  it('groups components under category headings, triggers first', () => {
    render(<Palette components={components} onAdd={() => {}} />);
    const headings = screen.getAllByRole('heading').map((heading) => heading.textContent);
    expect(headings[0]).toBe('Triggers');
    expect(headings).toEqual(expect.arrayContaining(['Logic', 'Integrations', 'Utilities']));
    const triggers = screen.getByRole('heading', { name: 'Triggers' }).closest('section')!;
    expect(within(triggers).getByText('Manual Trigger')).toBeInTheDocument();
    expect(within(triggers).queryByText('HTTP Request')).toBeNull();
  });

  it('filters by name and description and says when nothing matches', () => {
    render(<Palette components={components} onAdd={() => {}} />);
    const search = screen.getByRole('searchbox', { name: 'Search components' });
    fireEvent.change(search, { target: { value: 'manual' } });
    expect(screen.getByText('Manual Trigger')).toBeInTheDocument();
    expect(screen.queryByText('Delay')).toBeNull();
    expect(screen.getAllByRole('heading')).toHaveLength(1);

    const delay = components.find((component) => component.type === 'delay')!;
    fireEvent.change(search, { target: { value: delay.description.slice(0, 12) } });
    expect(screen.getByText(delay.name)).toBeInTheDocument();

    fireEvent.change(search, { target: { value: 'zzz-nothing' } });
    expect(screen.getByText(/No components match/)).toBeInTheDocument();
  });

  it('adds a component on click, Enter and Space', () => {
    const onAdd = vi.fn();
    render(<Palette components={components} onAdd={onAdd} />);
    const entry = screen.getByText('Manual Trigger').closest('[role="button"]')!;
    fireEvent.click(entry);
    fireEvent.keyDown(entry, { key: 'Enter' });
    fireEvent.keyDown(entry, { key: ' ' });
    fireEvent.keyDown(entry, { key: 'a' });
    expect(onAdd).toHaveBeenCalledTimes(3);
    expect(onAdd).toHaveBeenCalledWith('manual_trigger');
  });

  it('reports a drag start and sets the dataTransfer type when there is one', () => {
    const onDragStart = vi.fn();
    render(<Palette components={components} onAdd={() => {}} onDragStart={onDragStart} />);
    const setData = vi.fn();
    fireEvent.dragStart(screen.getByText('Delay'), {
      dataTransfer: { setData, effectAllowed: 'all' },
    });
    expect(setData).toHaveBeenCalledWith('application/flowloom-component', 'delay');
    // Testing Library's plain dragStart has no dataTransfer: the type is still reported.
    fireEvent.dragStart(screen.getByText('Manual Trigger'));
    expect(onDragStart.mock.calls).toEqual([['delay'], ['manual_trigger']]);
  });

  it('shows each entry with its icon and colour', () => {
    render(<Palette components={components} onAdd={() => {}} />);
    const entry = screen.getByText('Manual Trigger').closest('[role="button"]')!;
    expect(entry.querySelector('svg[data-icon="PlayIcon"]')).not.toBeNull();
    const swatch = entry.querySelector<HTMLElement>('.flowloom-palette__swatch')!;
    expect(swatch.style.background).toContain('linear-gradient');
  });
});
