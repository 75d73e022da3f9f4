/** The name of every route, as rate limits and logs refer to it. */
export const ROUTE_NAMES = [
  'listComponents',
  'getComponent',
  'createInstance',
  'listInstances',
  'getInstance',
  'execute',
  'stop',
  'status',
  'logs',
  'save',
  'load',
  'list',
  'openapi',
  'websocket',
  'createCredential',
  'listCredentials',
  'getCredential',
  'updateCredential',
  'deleteCredential',
] as const;

/** The name of each route, as rate limits and logs refer to it. */
export type RouteName = (typeof ROUTE_NAMES)[number];
