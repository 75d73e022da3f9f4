import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { JsonTree } from './JsonTree';

const lines = (name: string) =>
  within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .map((line) => line.textContent);

describe('JsonTree', () => {
  it('opens and closes a collection with its toggle', async () => {
    render(<JsonTree value={{ body: { total: 3 } }} aria-label="Output" />);
    expect(lines('Output')).toEqual(['{…} 1 key', 'body: {…} 1 key']);
    const expand = screen.getByRole('button', { name: 'Expand body' });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(expand);
    expect(lines('Output')).toEqual(['{…} 1 key', 'body: {…} 1 key', 'total: 3']);
    await userEvent.click(screen.getByRole('button', { name: 'Collapse value' }));
    expect(lines('Output')).toEqual(['{…} 1 key']);
  });

  it('renders only the lines in view of a large array', async () => {
    const items = Array.from({ length: 5_000 }, (_, index) => ({ index }));
    render(<JsonTree value={{ items }} aria-label="Output" />);
    await userEvent.click(screen.getByRole('button', { name: 'Expand items' }));
    const rendered = within(screen.getByRole('list', { name: 'Output' })).getAllByRole('listitem');
    expect(rendered[0]).toHaveAttribute('aria-setsize', '5002');
    expect(rendered.length).toBeLessThan(60);
  });

  it('copies nothing where no step is given: the lines are text', () => {
    render(<JsonTree value={{ a: 1 }} aria-label="Input" />);
    expect(screen.queryByRole('button', { name: /^Copy/ })).toBeNull();
  });
});
