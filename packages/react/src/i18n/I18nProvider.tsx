import { type ReactNode, useContext, useMemo } from 'react';
import { createFormatters } from './createFormatters';
import { type I18n, I18nContext } from './I18nContext';
import type { MessageOverrides } from './Messages';
import { mergeMessages } from './mergeMessages';

/** Props of {@link I18nProvider}. */
export interface I18nProviderProps {
  /**
   * Messages to use instead of the ones around (English by default): a whole catalogue such as
   * `de` from `@flowloom/react/locales/de`, or any subset of one.
   */
  messages?: MessageOverrides;
  /**
   * The locale for dates, numbers and durations (a BCP 47 tag such as `de-AT`).
   * @default the `locale` of `messages`, else the one around (`en`)
   */
  locale?: string;
  children?: ReactNode;
}

/**
 * Sets the language of every `@flowloom/react` component below it: the words (merged over the
 * messages around, so an override of one message keeps the others) and the locale of dates,
 * numbers and durations. The components' own `messages` and `locale` props do the same for one
 * component.
 *
 * @example
 * import { de } from '@flowloom/react/locales/de';
 * <I18nProvider messages={de}>
 *   <WorkflowList onOpen={open} />
 * </I18nProvider>
 */
export function I18nProvider({ messages, locale, children }: I18nProviderProps) {
  const around = useContext(I18nContext);
  const value = useMemo<I18n>(() => {
    if (!messages && locale === undefined) return around;
    const chosen = locale ?? messages?.locale ?? around.locale;
    return {
      overrides: mergeMessages(around.overrides, messages),
      locale: chosen,
      format: createFormatters(chosen),
    };
  }, [around, messages, locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
