import type { ClientError } from '../client/clientTypes';
import { enCanvas } from '../i18n/enCanvas';
import type { Messages } from '../i18n/Messages';

/**
 * What the credential picker says about a failed call: `failed(message)` (e.g. the catalogue's
 * `loadFailed`), or the 501 of a server without a credential key in plain words.
 */
export function credentialErrorMessage(
  error: ClientError,
  failed: (message: string) => string,
  text: Pick<Messages['credentials'], 'notConfigured'> = enCanvas.credentials,
): string {
  if (error.code === 'NOT_CONFIGURED') return text.notConfigured;
  return failed(error.message);
}
