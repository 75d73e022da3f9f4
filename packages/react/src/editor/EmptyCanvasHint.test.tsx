import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { builtinComponentMetadata } from './builtinComponentMetadata';
import { EmptyCanvasHint } from './EmptyCanvasHint';

describe('EmptyCanvasHint', () => {
  it('says how to start and offers each trigger as a one-click start', () => {
    const onStart = vi.fn();
    render(<EmptyCanvasHint components={builtinComponentMetadata} onStart={onStart} />);
    expect(screen.getByText('Drag a trigger from the left to start')).toBeInTheDocument();
    const starts = screen.getAllByRole('button');
    expect(starts.map((button) => button.textContent)).toEqual([
      'Start with Manual Trigger',
      'Start with Webhook Trigger',
      'Start with Schedule Trigger',
    ]);
    fireEvent.click(starts[0]!);
    expect(onStart).toHaveBeenCalledWith('manual_trigger');
  });

  it('offers no start when the registry has no trigger', () => {
    const components = builtinComponentMetadata.filter((c) => c.category !== 'triggers');
    render(<EmptyCanvasHint components={components} onStart={() => {}} />);
    expect(screen.getByText('Drag a trigger from the left to start')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
