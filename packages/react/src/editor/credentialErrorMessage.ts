import type { ClientError } from '../client/clientTypes';

/** What the credential picker says about a failed call; the 501 of a server without a key in plain words. */
export function credentialErrorMessage(error: ClientError, doing: string): string {
  if (error.code === 'NOT_CONFIGURED') return 'Credentials are not configured on this server.';
  return `Could not ${doing}: ${error.message}`;
}
