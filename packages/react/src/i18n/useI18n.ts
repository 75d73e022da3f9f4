import { useContext } from 'react';
import { type I18n, I18nContext } from './I18nContext';

/**
 * The locale, formatters and messages set by the `<I18nProvider>` around (English, with no
 * overrides, outside one): for a host's own parts that should speak as the editor does.
 *
 * @example
 * const { format } = useI18n();
 * return <span>{format.duration(run.duration_ms)}</span>;
 */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
