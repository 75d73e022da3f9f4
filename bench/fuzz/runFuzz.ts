import {
  createWorkflowServer,
  SqliteStore,
  type WorkflowServer,
  type WorkflowUser,
} from '@flowloom/server-adapter';
import fc from 'fast-check';
import { type FuzzRequest, type FuzzRoute, fuzzRequest } from './requestArbitraries';
import { wellFormed } from './wellFormed';

/** What a fuzz run saw. */
export interface FuzzReport {
  cases: number;
  /** The generator's seed: `runFuzz(cases, seed)` replays the same requests. */
  seed: number;
  /** Runs read back after the requests, once their steps had time to end. */
  runsChecked: number;
  /** Answers by HTTP status. */
  statuses: Record<number, number>;
  /** The first few requests answered 500, or answered something that is not the error shape. */
  failures: Array<{ request: string; status: number; body: string }>;
}

const USERS: Record<string, WorkflowUser> = {
  'user-a': { id: 'user-a', tenant_id: 'tenant-1' },
  'user-b': { id: 'user-b', tenant_id: 'tenant-1' },
  'user-c': { id: 'user-c', tenant_id: 'tenant-2' },
};

/** A server as a host runs it: SQLite, authentication, credentials, a small body limit. */
function createFuzzTarget(): WorkflowServer {
  return createWorkflowServer({
    store: new SqliteStore(':memory:'),
    authenticate: (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      return USERS[token] ?? null;
    },
    credentialsKey: Buffer.alloc(32, 7).toString('base64'),
    bodyLimit: 256 * 1024,
    logger: { info() {}, warn() {}, error() {} },
  });
}

/** The server's routes as fuzz targets: `{ method, path }` under the base path. */
function routesOf(server: WorkflowServer): FuzzRoute[] {
  const routes = new Map<string, FuzzRoute>();
  for (const { method, path } of server.app.routes) {
    if (method === 'ALL') continue;
    routes.set(`${method} ${path}`, { method, path: path.slice(server.basePath.length) });
  }
  return [...routes.values()];
}

/** Ids from earlier answers, so later requests reach real records. */
class SeenIds {
  private readonly ids: string[] = ['inst_missing'];
  private readonly instances = new Set<string>();

  remember(text: string): void {
    for (const match of text.matchAll(/"(instance_id|workflow_id|credential_id)":"([^"]+)"/g)) {
      if (this.ids.length < 500) this.ids.push(match[2]!);
      if (match[1] === 'instance_id' && this.instances.size < 500) this.instances.add(match[2]!);
    }
  }

  /** Ids of the instances the answers named. */
  instanceIds(): string[] {
    return [...this.instances];
  }

  pick(index: number): string {
    return this.ids[index % this.ids.length]!;
  }
}

function toRequest(server: WorkflowServer, generated: FuzzRequest, seen: SeenIds): Request {
  let index = 0;
  const path = generated.pathTemplate.replace(/:(\w+)/g, () => {
    const choice = generated.paramChoices[index++ % generated.paramChoices.length]!;
    return encodeURIComponent(wellFormed(choice.known ? seen.pick(choice.pick) : choice.raw));
  });
  const url = new URL(`http://127.0.0.1${server.basePath}${path}`);
  for (const [key, value] of generated.query) url.searchParams.append(key, value);
  const hasBody = generated.body !== undefined && !['GET', 'HEAD'].includes(generated.method);
  return new Request(url, {
    method: generated.method,
    headers: generated.headers,
    body: hasBody ? generated.body : undefined,
  });
}

/**
 * Sends `cases` generated requests through `createWorkflowServer().fetch` on SQLite and counts
 * the answers. A 500, or an error answer that is not `{ error: { code, message, issues } }`,
 * is a failure.
 */
export async function runFuzz(
  cases: number,
  seed = Math.floor(Math.random() * 2 ** 31),
): Promise<FuzzReport> {
  const server = createFuzzTarget();
  const routes = routesOf(server);
  const seen = new SeenIds();
  const statuses: Record<number, number> = {};
  const failures: FuzzReport['failures'] = [];
  const samples = fc.sample(fuzzRequest(routes), { numRuns: cases, seed });
  let runsChecked = 0;
  try {
    for (const [index, generated] of samples.entries()) {
      const request = toRequest(server, generated, seen);
      // Callers spread over addresses, so per-IP limits answer some requests, not all of them.
      const clientIp = `192.0.2.${index % 64}`;
      const response = await server.fetch(request, { clientIp });
      const text = await response.text();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      seen.remember(text);
      if (!isWellFormed(request, response, text) && failures.length < 20) {
        failures.push({
          request: `${request.method} ${request.url.slice(0, 200)} ${String(generated.body).slice(0, 200)}`,
          status: response.status,
          body: text.slice(0, 300),
        });
      }
    }
    runsChecked = await readBackRuns(server, seen, failures);
  } finally {
    await server.close();
  }
  return { cases, seed, runsChecked, statuses, failures };
}

/**
 * A stored run can break later than the request that made it (a malformed event answers 500 on
 * every read afterwards): once the runs had a moment to end, read each one's status and logs.
 */
async function readBackRuns(
  server: WorkflowServer,
  seen: SeenIds,
  failures: FuzzReport['failures'],
): Promise<number> {
  const instanceIds = seen.instanceIds();
  for (
    let waited = 0;
    waited < 50 && instanceIds.some((id) => server.engine.isRunning(id));
    waited++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const id of instanceIds) {
    for (const path of [`/instances/${id}/status`, `/instances/${id}/logs`, `/instances/${id}`]) {
      for (const token of Object.keys(USERS)) {
        const request = new Request(`http://127.0.0.1${server.basePath}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const response = await server.fetch(request, { clientIp: '198.51.100.9' });
        const text = await response.text();
        if (!isWellFormed(request, response, text) && failures.length < 20) {
          failures.push({
            request: `GET ${path} as ${token}`,
            status: response.status,
            body: text.slice(0, 300),
          });
        }
      }
    }
  }
  return instanceIds.length;
}

function isWellFormed(request: Request, response: Response, text: string): boolean {
  if (response.status >= 500 && response.status !== 501 && response.status !== 503) return false;
  // An answer to HEAD carries no body, by HTTP's rules.
  if (response.status < 400 || request.method === 'HEAD') return true;
  try {
    const error = JSON.parse(text)?.error;
    return (
      typeof error?.code === 'string' &&
      typeof error.message === 'string' &&
      Array.isArray(error.issues)
    );
  } catch {
    return false;
  }
}
