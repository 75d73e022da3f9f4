import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';

/**
 * The `BLOCKED_DESTINATION` error a guarded fetch throws: it names the host and the range that
 * blocked it, and tells the host application how to allow it.
 */
export function blockedDestinationError(host: string, range: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.BLOCKED_DESTINATION,
    `Refused to connect to ${host} (${range}): private and local addresses are blocked; allow it with network.allowHosts`,
  );
}
