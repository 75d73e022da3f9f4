// Run by run.mjs inside the PostgreSQL-only project, through the ESM build. probe.cjs is the
// same through the CJS build.
import assert from 'node:assert/strict';
import {
  createWorkflowServer,
  PostgresStore,
  RedisRateLimitStore,
  SqliteStore,
} from '@flowloom/server-adapter';

assert.throws(() => new SqliteStore(':memory:'), {
  code: 'NOT_CONFIGURED',
  message: "SqliteStore needs the 'better-sqlite3' package: npm install better-sqlite3",
});
assert.throws(
  () => createWorkflowServer(),
  (error) => {
    assert.equal(error.code, 'NOT_CONFIGURED');
    assert.match(
      error.message,
      /needs the 'better-sqlite3' package: npm install better-sqlite3, or pass a store/,
    );
    return true;
  },
);
assert.throws(() => new RedisRateLimitStore({ client: { defineCommand() {} } }), {
  code: 'NOT_CONFIGURED',
  message:
    "RedisRateLimitStore needs the 'rate-limiter-flexible' package: npm install rate-limiter-flexible",
});

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('DATABASE_URL is not set: the PostgreSQL run is skipped (CI sets it)');
} else {
  const schema = `flowloom_probe_${process.pid}_esm`;
  const store = new PostgresStore({ connectionString: url, schema });
  const workflows = createWorkflowServer({
    store,
    logger: { info() {}, warn() {}, error: console.error },
  });
  try {
    const post = (path, body) =>
      workflows.fetch(
        new Request(`http://localhost/api/workflow${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body && JSON.stringify(body),
        }),
      );
    const created = await (
      await post('/instances', {
        name: 'Probe',
        workflow_data: {
          nodes: [
            { id: 'start', type: 'manual_trigger' },
            { id: 'say', type: 'log', data: { parameters: { message: 'hello from pg' } } },
          ],
          edges: [{ id: 'e1', source: 'start', target: 'say' }],
        },
      })
    ).json();
    assert.equal((await post(`/instances/${created.instance_id}/execute`)).status, 202);
    let status;
    for (let tries = 0; tries < 100 && status !== 'completed'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const answer = await workflows.fetch(
        new Request(`http://localhost/api/workflow/instances/${created.instance_id}/status`),
      );
      status = (await answer.json()).status;
    }
    assert.equal(status, 'completed');
    console.log('ESM: a workflow ran on PostgresStore');
  } finally {
    await workflows.close({ graceMs: 0 });
    await store.close();
    const pg = (await import('pg')).default;
    const pool = new pg.Pool({ connectionString: url });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}
