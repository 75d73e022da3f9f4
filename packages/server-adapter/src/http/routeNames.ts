/** The name of each route, as rate limits and logs refer to it. */
export type RouteName =
  | 'listComponents'
  | 'getComponent'
  | 'createInstance'
  | 'listInstances'
  | 'getInstance'
  | 'execute'
  | 'stop'
  | 'status'
  | 'logs'
  | 'save'
  | 'load'
  | 'list'
  | 'openapi'
  | 'websocket';
