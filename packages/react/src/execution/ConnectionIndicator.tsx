import { enRuns } from '../i18n/enRuns';
import { useMessages } from '../i18n/useMessages';

/** Props of {@link ConnectionIndicator}. */
export interface ConnectionIndicatorProps {
  /** Whether the live event stream is open. */
  connected: boolean;
}

/** A dot and `Connected` / `Disconnected` for the live event stream. */
export function ConnectionIndicator({ connected }: ConnectionIndicatorProps) {
  const text = useMessages('panel', enRuns.panel);
  return (
    <span
      className={`flowloom-connection flowloom-connection--${connected ? 'connected' : 'disconnected'}`}
      role="status"
    >
      <span className="flowloom-connection__dot" aria-hidden="true" />
      {connected ? text.connected : text.disconnected}
    </span>
  );
}
