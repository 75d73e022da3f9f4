import { useCallback, useState } from 'react';

/** What {@link useShownRun} returns. */
export interface ShownRun {
  /** The run to show: the one opened, else the live one. */
  shownId: string | undefined;
  /** The run opened from history or a link, while it is shown instead of the live one. */
  openedId: string | undefined;
  /** Shows a run (the live one's id closes the opened run). */
  open: (instanceId: string) => void;
  /** Shows the live run again. */
  close: () => void;
}

/**
 * Which run a panel shows: one opened from its history (or a related-run link) until it is
 * closed or a new live run starts, else the live one.
 */
export function useShownRun(liveInstanceId: string | undefined): ShownRun {
  const [opened, setOpened] = useState<{ live: string | undefined; id: string } | undefined>(
    undefined,
  );
  // Opened while another live run was shown: a new run started since, and it takes over.
  const openedId = opened && opened.live === liveInstanceId ? opened.id : undefined;
  const open = useCallback(
    (instanceId: string) =>
      setOpened(
        instanceId === liveInstanceId ? undefined : { live: liveInstanceId, id: instanceId },
      ),
    [liveInstanceId],
  );
  const close = useCallback(() => setOpened(undefined), []);
  return { shownId: openedId ?? liveInstanceId, openedId, open, close };
}
