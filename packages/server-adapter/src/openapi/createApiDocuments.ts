import { buildAsyncApiDocument } from './buildAsyncApiDocument';
import { type BuildOpenApiOptions, buildOpenApiDocument } from './buildOpenApiDocument';

/** The API's OpenAPI and AsyncAPI documents, as the routes serve them. */
export interface ApiDocuments {
  openApi(request: Request): Record<string, unknown>;
  asyncApi(request: Request): Record<string, unknown>;
}

/**
 * Builds each document on first request and keeps it; without `servers`, each answer names the
 * origin the request came to, so a generated client calls the server it was generated from.
 */
export function createApiDocuments(basePath: string, options: BuildOpenApiOptions): ApiDocuments {
  let openApi: Record<string, unknown> | undefined;
  let asyncApi: Record<string, unknown> | undefined;
  const serversFor = (request: Request) =>
    options.servers ?? [{ url: new URL(request.url).origin }];
  return {
    openApi: (request) => {
      openApi ??= buildOpenApiDocument(basePath, options);
      if (options.servers) return openApi;
      const { openapi, info, ...rest } = openApi;
      return { openapi, info, servers: serversFor(request), ...rest };
    },
    asyncApi: (request) => {
      if (options.servers) {
        asyncApi ??= buildAsyncApiDocument(basePath, options);
        return asyncApi;
      }
      return buildAsyncApiDocument(basePath, { ...options, servers: serversFor(request) });
    },
  };
}
