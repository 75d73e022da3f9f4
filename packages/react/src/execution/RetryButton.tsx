import { useState } from 'react';
import { enRuns } from '../i18n/enRuns';
import { useMessages } from '../i18n/useMessages';

/** Props of {@link RetryButton}. */
export interface RetryButtonProps {
  /** Starts the retry; the button stays disabled until it settles. */
  onRetry: () => Promise<unknown>;
}

/**
 * "Retry from failed step" for a failed or cancelled run: disabled while the request is under
 * way, so a double click starts one retry.
 */
export function RetryButton({ onRetry }: RetryButtonProps) {
  const text = useMessages('panel', enRuns.panel);
  const [pending, setPending] = useState(false);
  const retry = async () => {
    setPending(true);
    try {
      await onRetry();
    } finally {
      setPending(false);
    }
  };
  return (
    <button
      type="button"
      className="flowloom-button flowloom-button--primary"
      title={text.retryHint}
      disabled={pending}
      aria-busy={pending}
      onClick={() => void retry()}
    >
      {text.retry}
    </button>
  );
}
