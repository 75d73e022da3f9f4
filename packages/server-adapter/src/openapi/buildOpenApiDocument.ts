import { credentialPaths } from './credentialPaths';
import { editorPaths } from './editorPaths';
import { instancePaths } from './instancePaths';
import type { OpenApiOptions } from './openApiOptions';
import { errorAnswers, RESPONSE_HEADERS } from './openApiParts';
import { componentSchemas } from './openApiSchemas';
import { DOCUMENT_EXAMPLE } from './operationExamples';
import { operationsPaths } from './operationsPaths';
import { triggerPaths } from './triggerPaths';
import { workflowPaths } from './workflowPaths';

/** Options of {@link buildOpenApiDocument}. */
export interface BuildOpenApiOptions extends OpenApiOptions {
  /**
   * Whether the server runs without `authenticate`: its operations then require nothing
   * (`security: []`) unless `securitySchemes` say otherwise.
   * @default false
   */
  open?: boolean;
  /**
   * Whether the server serves `GET /metrics` (its `metrics` option).
   * @default false
   */
  metrics?: boolean;
}

/** Flowloom's own license, the default of `info.license`. */
const MIT = { name: 'MIT', identifier: 'MIT' };

/**
 * The OpenAPI 3.1 document of the API under `basePath`, generated from the same zod schemas the
 * routes validate with: every resource a named schema under `components.schemas`, every answer
 * an operation can give, its headers, an example per operation, and the host's servers and
 * security schemes.
 *
 * @example
 * buildOpenApiDocument('/api/workflow', {
 *   servers: [{ url: 'https://api.example.com' }],
 *   securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
 * });
 */
export function buildOpenApiDocument(
  basePath: string,
  options: BuildOpenApiOptions = {},
): Record<string, unknown> {
  const at = (path: string) => `${basePath}${path}`;
  const schemes = options.securitySchemes ?? {};
  const security =
    options.security ??
    (Object.keys(schemes).length > 0
      ? Object.keys(schemes).map((name) => ({ [name]: [] }))
      : options.open
        ? []
        : undefined);
  const docs = (path: string, title: string) => ({
    get: {
      operationId: path === '/openapi.json' ? 'getOpenApi' : 'getAsyncApi',
      summary: title,
      responses: {
        200: {
          description: title,
          content: {
            'application/json': { schema: { type: 'object' }, example: DOCUMENT_EXAMPLE },
          },
        },
        ...errorAnswers('get'),
      },
    },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: options.info?.title ?? 'Flowloom workflow API',
      version: options.info?.version ?? '1.0.0',
      description:
        options.info?.description ??
        `Components, instances, execution and the editor. Execution events stream over the WebSocket at ${at('/ws/{instance_id}?since=N')}, one ExecutionEvent per message: see ${at('/asyncapi.json')} (AsyncAPI 3). A path the API has answers a method it does not serve with 405 and an Allow header; request bodies are JSON only (415 otherwise); query parameters an operation does not list are refused (400).`,
      license: options.info?.license ?? MIT,
      ...(options.info?.contact ? { contact: options.info.contact } : {}),
    },
    ...(options.servers ? { servers: options.servers } : {}),
    ...(security ? { security } : {}),
    paths: {
      ...editorPaths(at),
      ...instancePaths(at),
      ...workflowPaths(at),
      ...triggerPaths(at),
      ...credentialPaths(at),
      ...operationsPaths(at, { metrics: options.metrics }),
      [at('/openapi.json')]: docs('/openapi.json', 'This document (OpenAPI 3.1)'),
      [at('/asyncapi.json')]: docs('/asyncapi.json', 'The WebSocket, as an AsyncAPI 3 document'),
    },
    components: {
      schemas: componentSchemas(),
      headers: RESPONSE_HEADERS,
      ...(Object.keys(schemes).length > 0 ? { securitySchemes: schemes } : {}),
    },
  };
}
