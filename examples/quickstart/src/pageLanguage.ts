import type { MessageOverrides } from '@flowloom/react';
import { de } from '@flowloom/react/locales/de';

/** The page's language: its catalogue for the components (English needs none) and its tag. */
export interface PageLanguage {
  messages: MessageOverrides | undefined;
  lang: string;
}

/**
 * The language `?lang=` asks for: `de` gives the German catalogue, anything else English. The
 * document's `lang` follows, so screen readers pronounce the page's words rightly.
 */
export function pageLanguage(search: string = window.location.search): PageLanguage {
  const wanted = new URLSearchParams(search).get('lang');
  const language =
    wanted === 'de' ? { messages: de, lang: 'de' } : { messages: undefined, lang: 'en' };
  document.documentElement.lang = language.lang;
  return language;
}
