import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkflowServer } from '../createWorkflowServer';
import { serveNodeRequest } from '../node/answerNodeRequest';

export {
  type AttachedWebSocket,
  attachWebSocketServer as attachWorkflowWebSocket,
} from '../node/attachWebSocketServer';

/**
 * What the middleware reads of Express's request: Node's request plus `originalUrl`, and
 * `body` when a parser ran first.
 */
export interface ExpressRequestLike extends IncomingMessage {
  originalUrl: string;
  body?: unknown;
}

/**
 * An Express middleware, typed by what it uses rather than by `@types/express`: it fits
 * `app.use()` of any Express 5, and this package's types check without `@types/express`.
 */
export type ExpressMiddleware = (
  req: ExpressRequestLike,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * Express 5 middleware serving the workflow API under the server's `basePath`; other requests
 * pass on to `next()`. Every request under the base path is answered by the API, in its error
 * format when it fails (a `TRACE` included), never by Express's error handler. Attach the WebSocket to the `http.Server` with `attachWorkflowWebSocket`.
 *
 * @example
 * const workflows = createWorkflowServer();
 * app.use(createExpressMiddleware(workflows));
 * const httpServer = app.listen(8000);
 * attachWorkflowWebSocket(httpServer, workflows);
 *
 * @remarks Mount it before body parsers such as `express.json()`: it reads the body itself, to
 * apply its own size limit. If a parser ran first, its parsed body is used.
 */
export function createExpressMiddleware(server: WorkflowServer): ExpressMiddleware {
  const prefix = `${server.basePath}/`;
  return (req, res, next) => {
    const path = req.originalUrl.split('?')[0]!;
    if (path !== server.basePath && !path.startsWith(prefix)) {
      next();
      return;
    }
    const parsedBody = req.readableEnded && req.body !== undefined ? req.body : undefined;
    // Never throws nor rejects: Express's default error page must not answer under the base path.
    void serveNodeRequest(server, req, res, {
      url: req.originalUrl,
      parsedBody,
      clientIp: req.socket.remoteAddress,
    });
  };
}
