import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from './ProgressBar';

describe('ProgressBar', () => {
  it('shows completed / total steps and fills the bar in proportion', () => {
    render(<ProgressBar completed={1} total={4} />);
    expect(screen.getByText('1 / 4 steps')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuetext', '1 of 4 steps');
    expect(bar.firstElementChild).toHaveStyle({ width: '25%' });
  });

  it('shows an empty bar when there are no steps', () => {
    render(<ProgressBar completed={0} total={0} />);
    expect(screen.getByRole('progressbar').firstElementChild).toHaveStyle({ width: '0%' });
  });

  it('takes the run status as a class, for its colour', () => {
    const { container } = render(<ProgressBar completed={2} total={3} status="failed" />);
    expect(container.firstElementChild).toHaveClass('flowloom-progress--failed');
  });
});
