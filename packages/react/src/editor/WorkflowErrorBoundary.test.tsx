import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkflowErrorBoundary } from './WorkflowErrorBoundary';

let shouldThrow = true;

function Flaky() {
  if (shouldThrow) throw new Error('boom');
  return <p>editor content</p>;
}

describe('WorkflowErrorBoundary', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    shouldThrow = true;
  });

  it('shows the seed message and logs the error when a child throws', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const onError = vi.fn();
    render(
      <WorkflowErrorBoundary onError={onError}>
        <Flaky />
      </WorkflowErrorBoundary>,
    );
    expect(screen.getByText('Something went wrong with the workflow editor.')).toBeInTheDocument();
    expect(screen.getByText('boom')).toBeInTheDocument();
    expect(log).toHaveBeenCalledWith('Workflow Error:', expect.any(Error), expect.anything());
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'boom' }),
      expect.anything(),
    );
  });

  it('renders the children again after Try again', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <WorkflowErrorBoundary>
        <Flaky />
      </WorkflowErrorBoundary>,
    );
    shouldThrow = false;
    fireEvent.click(screen.getByText('Try again'));
    expect(screen.getByText('editor content')).toBeInTheDocument();
    expect(screen.queryByText('Something went wrong with the workflow editor.')).toBeNull();
  });
});
