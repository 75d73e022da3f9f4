/** A server the API is reached at, as the OpenAPI and AsyncAPI documents list it. */
export interface OpenApiServer {
  /** `https://api.example.com` (the paths carry the base path). */
  url: string;
  description?: string;
}

/**
 * An OpenAPI security scheme (`components.securitySchemes`), e.g.
 * `{ type: 'http', scheme: 'bearer' }` or `{ type: 'apiKey', in: 'cookie', name: 'session' }`.
 */
export interface OpenApiSecurityScheme {
  type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  description?: string;
  [field: string]: unknown;
}

/** What the OpenAPI and AsyncAPI documents say about the host (`openapi` of the server). */
export interface OpenApiOptions {
  /**
   * How callers authenticate: what the host's `authenticate` hook reads, described for client
   * generators and documentation tools. Every operation but the webhooks requires one of them
   * (the WebSocket takes the same token as `?token=`).
   * @example { bearerAuth: { type: 'http', scheme: 'bearer' } }
   */
  securitySchemes?: Record<string, OpenApiSecurityScheme>;
  /**
   * The security requirement of the operations behind `authenticate`.
   * @default any one of `securitySchemes`: `[{ bearerAuth: [] }, ...]`
   */
  security?: Array<Record<string, string[]>>;
  /**
   * Where the API is reached.
   * @default the origin of the request asking for the document
   */
  servers?: OpenApiServer[];
  /** The document's `info`: title, version, description and license of the host's API. */
  info?: {
    title?: string;
    version?: string;
    description?: string;
    /** @default { name: 'MIT', identifier: 'MIT' } (Flowloom's license) */
    license?: { name: string; identifier?: string; url?: string };
    contact?: { name?: string; url?: string; email?: string };
  };
}
