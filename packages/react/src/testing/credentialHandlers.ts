import { ErrorCode, FlowloomError } from '@flowloom/core';
import { HttpResponse, http } from 'msw';
import { CreateCredentialInputSchema, UpdateCredentialInputSchema } from './credentialInput';
import { notFound } from './errorAnswer';
import { FAKE_USER_ID, type FakeWorkflowBackend } from './FakeWorkflowBackend';
import { type FakeRequest, fakeRoute } from './fakeRoute';
import { parseInput, readJsonBody } from './readJsonBody';
import { readQuery } from './readQuery';

/**
 * The credential routes: create, list (optionally by `?type=`), read, update and delete. No
 * answer carries a credential's `data`; with `backend.credentials.configured` false every route
 * answers 501 `NOT_CONFIGURED`, as a server without a credential key does.
 */
export function credentialHandlers(backend: FakeWorkflowBackend, base: string, latencyMs: number) {
  const route = (resolve: (input: FakeRequest) => Response | Promise<Response>) =>
    fakeRoute(latencyMs, (input) => {
      if (!backend.credentials.configured) {
        throw new FlowloomError(
          ErrorCode.NOT_CONFIGURED,
          'Credentials are not configured on this server: start it with a credentialsKey',
        );
      }
      return resolve(input);
    });
  const missing = (credentialId: string) => notFound(`Credential "${credentialId}" does not exist`);

  return [
    http.post(
      `${base}/credentials`,
      route(async ({ request }) => {
        const body = parseInput(
          CreateCredentialInputSchema,
          await readJsonBody(request),
          'credential',
        );
        const created = await backend.credentials.create(body, FAKE_USER_ID);
        return HttpResponse.json(created, { status: 201 });
      }),
    ),

    http.get(
      `${base}/credentials`,
      route(async ({ url }) => {
        const type = url.searchParams.get('type') || undefined;
        const paging = readQuery(url, {
          limit: { min: 1, max: 500, default: 100 },
          offset: { min: 0, default: 0 },
        });
        return HttpResponse.json(await backend.credentials.list(type, paging));
      }),
    ),

    http.get(
      `${base}/credentials/:credential_id`,
      route(async ({ params }) => {
        const credentialId = params.credential_id ?? '';
        const found = await backend.credentials.get(credentialId);
        if (!found) throw missing(credentialId);
        return HttpResponse.json(found);
      }),
    ),

    http.put(
      `${base}/credentials/:credential_id`,
      route(async ({ params, request }) => {
        const credentialId = params.credential_id ?? '';
        // As on the server: an unknown credential is a 404 whatever the body.
        if (!(await backend.credentials.get(credentialId))) throw missing(credentialId);
        const patch = parseInput(
          UpdateCredentialInputSchema,
          await readJsonBody(request),
          'credential',
        );
        const updated = await backend.credentials.update(credentialId, patch);
        if (!updated) throw missing(credentialId);
        return HttpResponse.json(updated);
      }),
    ),

    http.delete(
      `${base}/credentials/:credential_id`,
      route(async ({ params }) => {
        const credentialId = params.credential_id ?? '';
        if (!(await backend.credentials.delete(credentialId))) throw missing(credentialId);
        return new HttpResponse(null, { status: 204 });
      }),
    ),
  ];
}
