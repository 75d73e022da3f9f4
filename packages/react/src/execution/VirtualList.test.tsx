import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { VirtualList, type VirtualListProps } from './VirtualList';

const items = Array.from({ length: 10_000 }, (_, index) => `item ${index}`);

function renderedIndexes(): number[] {
  return screen.getAllByRole('listitem').map((row) => Number(row.getAttribute('data-index')));
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, offset) => start + offset);
}

/**
 * The long list in a 200 px viewport (10 rows of 20 px in view), with overscan 5 unless `props`
 * say otherwise.
 */
function longList(props: Partial<VirtualListProps<string>> = {}) {
  return (
    <VirtualList
      items={items}
      rowHeight={20}
      height={200}
      overscan={5}
      renderRow={(item) => item}
      {...props}
    />
  );
}

/** Scrolls the list's scroll container to `top` px. */
function scrollTo(top: number): void {
  const scroller = screen.getByRole('list').parentElement as HTMLElement;
  scroller.scrollTop = top;
  fireEvent.scroll(scroller);
}

describe('VirtualList', () => {
  it('renders only the rows in view plus the overscan below at the top', () => {
    render(longList());
    expect(renderedIndexes()).toEqual(range(0, 15));
    expect(screen.getByText('item 0')).toBeInTheDocument();
    expect(screen.queryByText('item 15')).not.toBeInTheDocument();
  });

  it('renders the rows around the scroll position after a scroll', () => {
    render(longList());
    scrollTo(2000);
    expect(renderedIndexes()).toEqual(range(95, 115));
    expect(screen.getByText('item 100')).toBeInTheDocument();
    expect(screen.queryByText('item 0')).not.toBeInTheDocument();
  });

  it('places each row at index × rowHeight inside a spacer as tall as every row', () => {
    render(longList({ overscan: 0 }));
    const spacer = screen.getByRole('list');
    expect(spacer.style.height).toBe('200000px');
    const third = screen.getAllByRole('listitem')[2] as HTMLElement;
    expect(third.style.top).toBe('40px');
    expect(third.style.height).toBe('20px');
  });

  it('tells assistive technology the position of each row in the whole list', () => {
    render(<VirtualList items={items} rowHeight={20} height={100} renderRow={(item) => item} />);
    const first = screen.getAllByRole('listitem')[0];
    expect(first).toHaveAttribute('aria-setsize', '10000');
    expect(first).toHaveAttribute('aria-posinset', '1');
  });

  it('renders every row of a short list', () => {
    render(
      <VirtualList items={['a', 'b', 'c']} rowHeight={20} height={200} renderRow={(i) => i} />,
    );
    expect(renderedIndexes()).toEqual([0, 1, 2]);
  });

  it('shows the empty content when there are no items', () => {
    render(<VirtualList items={[]} rowHeight={20} renderRow={(i) => i} empty="Nothing yet" />);
    expect(screen.getByText('Nothing yet')).toBeInTheDocument();
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('keeps showing rows when the list shrinks below the scroll position', () => {
    const { rerender } = render(longList({ overscan: 0 }));
    scrollTo(100_000);
    rerender(longList({ items: items.slice(0, 30), overscan: 0 }));
    expect(renderedIndexes()).toEqual(range(20, 30));
  });
});
