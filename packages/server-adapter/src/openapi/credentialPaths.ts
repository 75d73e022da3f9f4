import { ListCredentialsQuerySchema } from '../http/credentialSchemas';
import { body, errorAnswers, ok, pathParameter, queryParameters } from './openApiParts';
import { ANSWER_EXAMPLES as answers, BODY_EXAMPLES as bodies } from './operationExamples';

/** The OpenAPI path items of the credential routes (501 without `credentialsKey`). */
export function credentialPaths(at: (path: string) => string): Record<string, unknown> {
  const credentialId = [pathParameter('credential_id')];
  return {
    [at('/credentials')]: {
      post: {
        operationId: 'createCredential',
        summary: 'Store a credential: its data is encrypted and never returned',
        requestBody: body('CreateCredentialRequest', bodies.createCredential),
        responses: {
          201: ok('Credential', answers.createCredential, 'Created'),
          ...errorAnswers('post', [501]),
        },
      },
      get: {
        operationId: 'listCredentials',
        summary: 'The credentials the caller may use (their own and their tenant’s), no data',
        parameters: queryParameters(ListCredentialsQuerySchema),
        responses: {
          200: ok('CredentialList', answers.listCredentials),
          ...errorAnswers('get', [501]),
        },
      },
    },
    [at('/credentials/{credential_id}')]: {
      get: {
        operationId: 'getCredential',
        summary: 'One credential, without its data',
        parameters: credentialId,
        responses: {
          200: ok('Credential', answers.getCredential),
          ...errorAnswers('get', [501]),
        },
      },
      put: {
        operationId: 'updateCredential',
        summary: 'Rename a credential and/or replace its data',
        parameters: credentialId,
        requestBody: body('UpdateCredentialRequest', bodies.updateCredential),
        responses: {
          200: ok('Credential', answers.updateCredential),
          ...errorAnswers('put', [501]),
        },
      },
      delete: {
        operationId: 'deleteCredential',
        summary: 'Delete a credential',
        parameters: credentialId,
        responses: { 204: { description: 'Deleted' }, ...errorAnswers('delete', [501]) },
      },
    },
  };
}
