import { useState } from 'react';

/** The button's words, in one place for a later catalogue. */
const TEXT = {
  label: 'Retry from failed step',
  hint: 'Runs the failed and cancelled steps again, and everything after them; completed steps keep their outputs.',
} as const;

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
      title={TEXT.hint}
      disabled={pending}
      aria-busy={pending}
      onClick={() => void retry()}
    >
      {TEXT.label}
    </button>
  );
}
