import type {
  Request as ExpressRequest,
  Response as ExpressResponse,
  NextFunction,
  RequestHandler,
} from 'express';
import type { WorkflowServer } from '../createWorkflowServer';
import { sendWebResponse, toWebRequest } from '../node/toWebRequest';

export {
  type AttachedWebSocket,
  attachWebSocketServer as attachWorkflowWebSocket,
} from '../node/attachWebSocketServer';

/**
 * Express 5 middleware serving the workflow API under the server's `basePath`; other requests
 * pass on to `next()`. Attach the WebSocket to the `http.Server` with `attachWorkflowWebSocket`.
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
export function createExpressMiddleware(server: WorkflowServer): RequestHandler {
  const prefix = `${server.basePath}/`;
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const path = req.originalUrl.split('?')[0]!;
    if (path !== server.basePath && !path.startsWith(prefix)) {
      next();
      return;
    }
    const parsedBody = req.readableEnded && req.body !== undefined ? req.body : undefined;
    const request = toWebRequest(req, { url: req.originalUrl, parsedBody });
    server
      .fetch(request, { clientIp: req.socket.remoteAddress })
      .then((response) => sendWebResponse(response, res))
      .catch(next);
  };
}
