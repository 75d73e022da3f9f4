import type { MessageOverrides } from './Messages';

/** The language props every top-level component takes (as `<I18nProvider>` does). */
export interface I18nProps {
  /**
   * Messages to use instead of the ones around (English by default): a whole catalogue such as
   * `de` from `@flowloom/react/locales/de`, or any subset of one.
   */
  messages?: MessageOverrides;
  /**
   * The locale for dates, numbers and durations (a BCP 47 tag).
   * @default the `locale` of `messages`, else the one around (`en`)
   */
  locale?: string;
}
