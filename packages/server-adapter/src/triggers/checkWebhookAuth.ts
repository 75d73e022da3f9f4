import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  type CredentialResolver,
  ErrorCode,
  type FlowloomError,
  type RunOwner,
  toFlowloomError,
} from '@flowloom/core';
import { httpError } from '../http/errorResponse';
import type { WebhookTrigger } from './readTriggers';

/** What a passed check tells the route: the header the secret came in, kept out of the run. */
export interface WebhookAuthResult {
  secretHeader?: string;
}

/** Where a failed check's real reason goes: the caller only learns it was refused. */
export type WebhookAuthLogger = (message: string) => void;

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Checks a webhook request against its trigger's `auth`: `header` compares the header the
 * credential names (`name`) with its `value`, `hmac_sha256` compares the hex HMAC-SHA256 of the
 * raw body under the credential's `secret` (or the field its reference names) with the
 * `signature_header` (an optional `sha256=` prefix, as GitHub sends, is accepted). Both in
 * constant time. The credential is read as the workflow's owner would use it in a run.
 *
 * @throws FlowloomError `UNAUTHENTICATED` (401) on any mismatch, a missing header, or a
 * credential the owner can't use (its reason is logged, not answered); `NOT_CONFIGURED` (501)
 * when the server has no `credentialsKey`.
 */
export async function checkWebhookAuth(
  webhook: WebhookTrigger,
  request: Request,
  body: Uint8Array,
  context: { credentials: CredentialResolver | undefined; owner: RunOwner; log: WebhookAuthLogger },
): Promise<WebhookAuthResult> {
  if (webhook.auth === 'none') return {};
  const reference = webhook.credential;
  if (!context.credentials) {
    throw httpError(
      ErrorCode.NOT_CONFIGURED,
      'This webhook checks a credential, but the server has no credentialsKey',
    );
  }
  if (!reference) throw refused();
  let data: Record<string, string>;
  try {
    data = (await context.credentials.resolve(reference.credential_id, context.owner)).data;
  } catch (thrown) {
    const error = toFlowloomError(thrown);
    context.log(
      `[flowloom] Webhook "${webhook.step_id}" could not read its credential: ${error.message}`,
    );
    throw refused();
  }
  if (webhook.auth === 'header') {
    const { name, value } = data;
    if (!name || !value) {
      context.log(
        `[flowloom] Webhook "${webhook.step_id}": its credential has no "name" and "value"`,
      );
      throw refused();
    }
    const sent = request.headers.get(name);
    if (sent === null || !sameSecret(sent, value)) throw refused();
    return { secretHeader: name.toLowerCase() };
  }
  const secret = reference.field === undefined ? data.secret : data[reference.field];
  if (!secret) {
    context.log(`[flowloom] Webhook "${webhook.step_id}": its credential holds no secret`);
    throw refused();
  }
  const signature = (request.headers.get(webhook.signature_header) ?? '')
    .trim()
    .replace(/^sha256=/i, '');
  if (!HEX_SHA256.test(signature)) throw refused();
  const expected = createHmac('sha256', secret).update(body).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw refused();
  return {};
}

/** Compares two strings in a time that depends on neither: their digests have one length. */
function sameSecret(sent: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

function refused(): FlowloomError {
  return httpError(ErrorCode.UNAUTHENTICATED, 'Webhook authentication failed');
}
