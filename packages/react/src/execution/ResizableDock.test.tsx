import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResizableDock } from './ResizableDock';

const KEY = 'flowloom.executionPanel.height';
const separator = () => screen.getByRole('separator', { name: 'Resize the execution panel' });
const dock = () => separator().parentElement!;

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('ResizableDock', () => {
  it('starts at the default height when none is remembered', () => {
    render(<ResizableDock defaultHeight={300}>panel</ResizableDock>);
    expect(separator()).toHaveAttribute('aria-valuenow', '300');
    expect(dock()).toHaveStyle({ height: '300px' });
  });

  it('grows with Arrow Up and shrinks with Page Down, and remembers the height', () => {
    const onResize = vi.fn();
    render(
      <ResizableDock defaultHeight={300} onResize={onResize}>
        panel
      </ResizableDock>,
    );
    fireEvent.keyDown(separator(), { key: 'ArrowUp' });
    expect(separator()).toHaveAttribute('aria-valuenow', '316');
    fireEvent.keyDown(separator(), { key: 'PageDown' });
    expect(separator()).toHaveAttribute('aria-valuenow', '252');
    expect(localStorage.getItem(KEY)).toBe('252');
    expect(onResize).toHaveBeenLastCalledWith(252);
  });

  it('opens at the remembered height', () => {
    localStorage.setItem(KEY, '410');
    render(<ResizableDock>panel</ResizableDock>);
    expect(separator()).toHaveAttribute('aria-valuenow', '410');
  });

  it('follows a pointer drag of its top edge and keeps the height it ends at', () => {
    render(<ResizableDock defaultHeight={300}>panel</ResizableDock>);
    fireEvent.pointerDown(separator(), { button: 0, clientY: 500, pointerId: 1 });
    fireEvent.pointerMove(separator(), { clientY: 400, pointerId: 1 });
    expect(separator()).toHaveAttribute('aria-valuenow', '400');
    fireEvent.pointerUp(separator(), { clientY: 380, pointerId: 1 });
    expect(separator()).toHaveAttribute('aria-valuenow', '420');
    expect(localStorage.getItem(KEY)).toBe('420');
  });

  it('never goes below its minimum height', () => {
    render(
      <ResizableDock defaultHeight={130} minHeight={120}>
        panel
      </ResizableDock>,
    );
    fireEvent.keyDown(separator(), { key: 'End' });
    expect(separator()).toHaveAttribute('aria-valuenow', '120');
    fireEvent.keyDown(separator(), { key: 'ArrowDown' });
    expect(separator()).toHaveAttribute('aria-valuenow', '120');
  });

  it('ignores a remembered value that is not a number', () => {
    localStorage.setItem(KEY, 'tall');
    render(<ResizableDock defaultHeight={280}>panel</ResizableDock>);
    expect(separator()).toHaveAttribute('aria-valuenow', '280');
  });

  it('tells its first height once laid out', () => {
    const onResize = vi.fn();
    render(
      <ResizableDock defaultHeight={300} onResize={onResize}>
        panel
      </ResizableDock>,
    );
    expect(onResize).toHaveBeenCalledWith(300);
  });
});
