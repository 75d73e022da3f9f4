import { createContext } from 'react';
import { createFormatters, type Formatters } from './createFormatters';
import type { MessageOverrides } from './Messages';

/** What the components read: the messages set around them, the locale and its formatters. */
export interface I18n {
  /**
   * The messages the providers around set (a whole catalogue, or any subset); every section
   * left out is English. Read a section with `useMessages`.
   */
  overrides: MessageOverrides;
  /** The locale dates, numbers and durations follow (a BCP 47 tag). */
  locale: string;
  format: Formatters;
}

/** English, unless an `<I18nProvider>` (or a component's `messages`/`locale`) says otherwise. */
export const I18nContext = createContext<I18n>({
  overrides: {},
  locale: 'en',
  format: createFormatters('en'),
});
