import { useCallback, useState } from 'react';

/** What {@link useAnnouncer} returns. */
export interface Announcer {
  /** The text for the live region. */
  message: string;
  /** Says `message`, again even when it is the same text as the last one. */
  announce: (message: string) => void;
}

/**
 * The state of the editor's polite live region. A repeated message gets an invisible mark
 * appended in turn, so the region's text changes and screen readers read it again.
 */
export function useAnnouncer(): Announcer {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    setMessage((current) => (current === next ? `${next}\u200b` : next));
  }, []);
  return { message, announce };
}
