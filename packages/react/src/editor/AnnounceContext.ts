import { createContext } from 'react';

/**
 * Says something to screen readers through the editor's live region (what a keyboard action
 * did: a step added, two steps connected). Outside an editor it does nothing.
 */
export const AnnounceContext = createContext<(message: string) => void>(() => {});
