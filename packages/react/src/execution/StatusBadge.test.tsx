import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import { de } from '../locales/de';
import { StatusBadge } from './StatusBadge';

describe('StatusBadge', () => {
  it('shows a queued run as Queued, saying what it waits for', () => {
    render(<StatusBadge status="queued" />);
    const badge = screen.getByRole('status', { name: 'Status: Queued' });
    expect(badge).toHaveTextContent('Queued');
    expect(badge).toHaveClass('flowloom-status-badge--queued');
    expect(badge).toHaveAttribute(
      'title',
      'Queued: it starts once another run of its team or workflow ends',
    );
  });

  it('says queued in German with the German catalogue', () => {
    render(
      <I18nProvider messages={de}>
        <StatusBadge status="queued" />
      </I18nProvider>,
    );
    expect(screen.getByRole('status', { name: 'Status: Eingereiht' })).toHaveTextContent(
      'Eingereiht',
    );
  });
});
