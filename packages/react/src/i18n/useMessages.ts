import { useContext, useMemo } from 'react';
import { I18nContext } from './I18nContext';
import type { MessageSection, Messages } from './Messages';
import { mergeMessages } from './mergeMessages';

/**
 * One section of the catalogue, in the language around: its English messages (`english`, which
 * each part imports with itself, so a lazily loaded part brings its own words) with the
 * providers' overrides for the section merged over them.
 *
 * @example const text = useMessages('toolbar', enCore.toolbar);
 */
export function useMessages<S extends MessageSection>(
  section: S,
  english: Messages[S],
): Messages[S] {
  const overrides = useContext(I18nContext).overrides[section];
  return useMemo(
    () => (overrides === undefined ? english : mergeMessages(english, overrides as object)),
    [english, overrides],
  );
}
