import { defineComponent, WorkflowComponentMetadataSchema } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeTestServers,
  createBuiltinRegistry,
  createTestServer,
} from './testServer.test-helpers';

afterEach(closeTestServers);

const echo = defineComponent({
  type: 'echo',
  name: 'Echo',
  category: 'utilities',
  async execute() {
    return { success: true, output_data: {} };
  },
});

describe('GET /components', () => {
  it('answers { components } with the metadata of every registered component', async () => {
    const registry = createBuiltinRegistry();
    const { request } = createTestServer({ registry });
    const response = await request('GET', '/components');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(Object.keys(response.body)).toEqual(['components']);
    expect(response.body.components).toEqual(registry.getAllComponents());
    const types = response.body.components.map((component: { type: string }) => component.type);
    expect(types).toEqual(expect.arrayContaining(['manual_trigger', 'http_request', 'log']));
    for (const component of response.body.components) {
      expect(WorkflowComponentMetadataSchema.safeParse(component).success).toBe(true);
    }
  });

  it('sends an ETag and asks clients to revalidate', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/components');
    expect(response.headers.get('etag')).toMatch(/^W\/".+"$/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the same ETag while the registry is unchanged', async () => {
    const { request } = createTestServer();
    const first = await request('GET', '/components');
    const second = await request('GET', '/components');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('answers 304 with no body when If-None-Match holds the current ETag', async () => {
    const { request } = createTestServer();
    const etag = (await request('GET', '/components')).headers.get('etag')!;
    const response = await request('GET', '/components', undefined, { 'if-none-match': etag });
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
    expect(response.headers.get('etag')).toBe(etag);
  });

  it('answers 304 for the strong form of the ETag, a list holding it, and *', async () => {
    const { request } = createTestServer();
    const etag = (await request('GET', '/components')).headers.get('etag')!;
    for (const header of [etag.slice(2), `"other", ${etag}`, '*']) {
      const response = await request('GET', '/components', undefined, { 'if-none-match': header });
      expect(response.status, header).toBe(304);
    }
  });

  it('answers 200 with the list when If-None-Match holds another ETag', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/components', undefined, {
      'if-none-match': 'W/"stale"',
    });
    expect(response.status).toBe(200);
    expect(response.body.components.length).toBeGreaterThan(0);
  });

  it('changes the ETag and the list after a component is registered', async () => {
    const registry = createBuiltinRegistry();
    const { request } = createTestServer({ registry });
    const before = await request('GET', '/components');
    registry.registerComponent(echo);

    const revalidated = await request('GET', '/components', undefined, {
      'if-none-match': before.headers.get('etag')!,
    });
    expect(revalidated.status).toBe(200);
    expect(revalidated.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(revalidated.body.components).toHaveLength(before.body.components.length + 1);
    expect(revalidated.body.components.at(-1).type).toBe('echo');
  });

  it('changes the ETag after a component is unregistered', async () => {
    const registry = createBuiltinRegistry();
    const { request } = createTestServer({ registry });
    const before = await request('GET', '/components');
    registry.unregisterComponent('log');
    const after = await request('GET', '/components');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.body.components.map((c: { type: string }) => c.type)).not.toContain('log');
  });
});

describe('GET /components/{component_type}', () => {
  it('answers the metadata of one component', async () => {
    const registry = createBuiltinRegistry();
    const { request } = createTestServer({ registry });
    const response = await request('GET', '/components/http_request');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(registry.getComponent('http_request'));
    expect(response.body.type).toBe('http_request');
  });

  it('answers a component registered after the server started', async () => {
    const registry = createBuiltinRegistry();
    const { request } = createTestServer({ registry });
    registry.registerComponent(echo);
    const response = await request('GET', '/components/echo');
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('Echo');
  });

  it('answers 404 NOT_FOUND for an unknown type', async () => {
    const { request } = createTestServer();
    const response = await request('GET', '/components/no_such_type');
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', issues: [] });
    expect(response.body.error.message).toContain('no_such_type');
  });
});
