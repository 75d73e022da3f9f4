/** Props of {@link ConnectionIndicator}. */
export interface ConnectionIndicatorProps {
  /** Whether the live event stream is open. */
  connected: boolean;
}

/** A dot and `Connected` / `Disconnected` for the live event stream. */
export function ConnectionIndicator({ connected }: ConnectionIndicatorProps) {
  return (
    <span
      className={`flowloom-connection flowloom-connection--${connected ? 'connected' : 'disconnected'}`}
      role="status"
    >
      <span className="flowloom-connection__dot" aria-hidden="true" />
      {connected ? 'Connected' : 'Disconnected'}
    </span>
  );
}
