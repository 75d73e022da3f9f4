import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { de } from '../locales/de';
import { enCore } from './enCore';
import { I18nProvider } from './I18nProvider';
import { useI18n } from './useI18n';
import { useMessages } from './useMessages';

function Probe() {
  const toolbar = useMessages('toolbar', enCore.toolbar);
  const { locale, format } = useI18n();
  return (
    <p>
      {toolbar.save} | {toolbar.undo} | {locale} | {format.number(1234.5)}
    </p>
  );
}

describe('I18nProvider', () => {
  it('gives English and English formats outside any provider', () => {
    render(<Probe />);
    expect(screen.getByText('Save | Undo | en | 1,234.5')).toBeInTheDocument();
  });

  it('gives a whole catalogue, and takes its locale for the formats', () => {
    render(
      <I18nProvider messages={de}>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('Speichern | Rückgängig | de | 1.234,5')).toBeInTheDocument();
  });

  it('merges a nested provider’s subset over the messages around it', () => {
    render(
      <I18nProvider messages={de}>
        <I18nProvider messages={{ toolbar: { save: 'Sichern' } }}>
          <Probe />
        </I18nProvider>
      </I18nProvider>,
    );
    expect(screen.getByText('Sichern | Rückgängig | de | 1.234,5')).toBeInTheDocument();
  });

  it('lets a locale prop set the formats without changing the words', () => {
    render(
      <I18nProvider locale="de-AT">
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText(/^Save \| Undo \| de-AT \| /)).toBeInTheDocument();
  });

  it('falls back to English formats for a malformed locale', () => {
    render(
      <I18nProvider locale="not a locale!">
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('Save | Undo | not a locale! | 1,234.5')).toBeInTheDocument();
  });
});
