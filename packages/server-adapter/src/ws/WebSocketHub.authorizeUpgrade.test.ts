import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticateHook } from '../auth/authTypes';
import { RateLimiter } from '../rateLimit/RateLimiter';
import { closeHubs, refusalOf as refusal, setupHub as setup } from './hubTestKit.test-helpers';

afterEach(() => closeHubs());

describe('WebSocketHub.authorizeUpgrade', () => {
  const users: AuthenticateHook = (request) => {
    const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
    const id = request.headers.get('x-user') ?? bearer;
    return id ? { id } : null;
  };
  const url = (path: string) => `http://127.0.0.1/api/workflow${path}`;

  it('accepts an upgrade to an existing instance with since', async () => {
    const { hub, createInstance } = setup();
    const instance = await createInstance();
    const decision = await hub.authorizeUpgrade(
      new Request(url(`/ws/${instance.instance_id}?since=4`)),
    );
    expect(decision).toEqual({
      ok: true,
      session: {
        instanceId: instance.instance_id,
        user: { id: 'anonymous' },
        since: 4,
        caller: undefined,
      },
    });
  });

  it('refuses a path outside {basePath}/ws/ with 404', async () => {
    const { hub } = setup();
    expect((await refusal(hub, new Request(url('/instances/x')))).status).toBe(404);
    expect((await refusal(hub, new Request(url('/ws/')))).status).toBe(404);
  });

  it('refuses a malformed percent-encoded instance id with 404, not 500', async () => {
    const { hub } = setup();
    const { status, error } = await refusal(hub, new Request(url('/ws/%E0%A4%A')));
    expect(status).toBe(404);
    expect(error.code).toBe('NOT_FOUND');
  });

  it('refuses an origin outside allowedOrigins with 403', async () => {
    const { hub, createInstance } = setup({ allowedOrigins: ['https://app.example'] });
    const instance = await createInstance();
    const path = url(`/ws/${instance.instance_id}`);
    const refused = await refusal(hub, new Request(path, { headers: { origin: 'https://evil' } }));
    expect(refused.status).toBe(403);
    const allowed = new Request(path, { headers: { origin: 'https://app.example' } });
    expect((await hub.authorizeUpgrade(allowed)).ok).toBe(true);
  });

  it("refuses a browser page of another site by default: its Origin must be the server's own", async () => {
    const { hub, createInstance } = setup();
    const instance = await createInstance();
    const path = url(`/ws/${instance.instance_id}`);
    const fromEvil = new Request(path, {
      headers: { origin: 'https://evil.example', host: '127.0.0.1' },
    });
    expect((await refusal(hub, fromEvil)).status).toBe(403);
    const sameOrigin = new Request(path, {
      headers: { origin: 'http://127.0.0.1', host: '127.0.0.1' },
    });
    expect((await hub.authorizeUpgrade(sameOrigin)).ok).toBe(true);
    // `Origin: null` (sandboxed frames, file: pages) is no origin of ours either.
    const opaque = new Request(path, { headers: { origin: 'null', host: '127.0.0.1' } });
    expect((await refusal(hub, opaque)).status).toBe(403);
  });

  it('lets clients that send no Origin connect (servers, command-line tools)', async () => {
    const { hub, createInstance } = setup();
    const instance = await createInstance();
    expect((await hub.authorizeUpgrade(new Request(url(`/ws/${instance.instance_id}`)))).ok).toBe(
      true,
    );
  });

  it("allows any origin with allowedOrigins: ['*']", async () => {
    const { hub, createInstance } = setup({ allowedOrigins: ['*'] });
    const instance = await createInstance();
    const request = new Request(url(`/ws/${instance.instance_id}`), {
      headers: { origin: 'https://elsewhere.example', host: '127.0.0.1' },
    });
    expect((await hub.authorizeUpgrade(request)).ok).toBe(true);
  });

  it('limits token guessing per IP: refused authentications past the limit answer 429', async () => {
    const { hub, createInstance } = setup({
      authenticate: users,
      limiter: new RateLimiter({ unauthenticated: '3/minute' }),
    });
    const instance = await createInstance('alice');
    const guess = (token: string) =>
      refusal(hub, new Request(url(`/ws/${instance.instance_id}?token=${token}`)), '10.9.9.9');
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      // `users` accepts any bearer token as a user id: a refused guess is one with no token.
      statuses.push(
        (await refusal(hub, new Request(url(`/ws/${instance.instance_id}`)), '10.9.9.9')).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Even a token that would pass is refused from that address until the window ends.
    expect((await guess('alice')).status).toBe(429);
  });

  it.each(['abc', '1.5', '-1', '1e400'])('refuses since=%s with 400', async (since) => {
    const { hub, createInstance } = setup();
    const instance = await createInstance();
    const { status, error } = await refusal(
      hub,
      new Request(url(`/ws/${instance.instance_id}?since=${since}`)),
    );
    expect(status).toBe(400);
    expect(error.issues).toEqual([{ path: 'since', message: expect.any(String) }]);
  });

  it('refuses an unknown instance with 404', async () => {
    const { hub } = setup();
    const { status, error } = await refusal(hub, new Request(url('/ws/inst_missing')));
    expect(status).toBe(404);
    expect(error.code).toBe('NOT_FOUND');
  });

  it('refuses an unauthenticated caller with 401', async () => {
    const { hub, createInstance } = setup({ authenticate: users });
    const instance = await createInstance('alice');
    const { status } = await refusal(hub, new Request(url(`/ws/${instance.instance_id}`)));
    expect(status).toBe(401);
  });

  it("refuses another user's instance with 403", async () => {
    const { hub, createInstance } = setup({ authenticate: users });
    const instance = await createInstance('alice');
    const request = new Request(url(`/ws/${instance.instance_id}`), {
      headers: { 'x-user': 'bob' },
    });
    expect((await refusal(hub, request)).status).toBe(403);
  });

  it('passes ?token= to authenticate as Authorization: Bearer <token>', async () => {
    const authenticate = vi.fn(users);
    const { hub, createInstance } = setup({ authenticate });
    const instance = await createInstance('alice');
    const decision = await hub.authorizeUpgrade(
      new Request(url(`/ws/${instance.instance_id}?token=alice`)),
    );
    expect(decision.ok && decision.session.user).toEqual({ id: 'alice' });
    expect(authenticate.mock.calls[0]?.[0].headers.get('authorization')).toBe('Bearer alice');
  });

  it('refuses over the websocket rate limit with 429 and a Retry-After header', async () => {
    const { hub, createInstance } = setup({ limiter: new RateLimiter({ websocket: '1/minute' }) });
    const instance = await createInstance();
    const request = () => new Request(url(`/ws/${instance.instance_id}`));
    expect((await hub.authorizeUpgrade(request(), '10.0.0.1')).ok).toBe(true);
    const { status, headers, error } = await refusal(hub, request(), '10.0.0.1');
    expect(status).toBe(429);
    expect(error.code).toBe('RATE_LIMITED');
    expect(Number(headers?.['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 500 without details, and reports the error, when the store fails', async () => {
    const { store, hub, reporter } = setup();
    vi.spyOn(store, 'getInstance').mockRejectedValueOnce(new Error('secret connection string'));
    const { status, error } = await refusal(hub, new Request(url('/ws/inst_x')));
    expect(status).toBe(500);
    expect(error.message).toBe('Internal server error');
    expect(reporter.error).toHaveBeenCalledOnce();
  });

  it('refuses upgrades with 409 once the hub is closed', async () => {
    const { hub, createInstance } = setup();
    const instance = await createInstance();
    hub.close();
    const { status, error } = await refusal(hub, new Request(url(`/ws/${instance.instance_id}`)));
    expect(status).toBe(409);
    expect(error.code).toBe('CONFLICT');
  });
});
