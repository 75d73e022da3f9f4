// Run by run.mjs inside the PostgreSQL-only project, through the CJS build (probe.mjs is the
// ESM one): the drivers load lazily there too.
const assert = require('node:assert/strict');
const { createWorkflowServer, PostgresStore, SqliteStore } = require('@flowloom/server-adapter');

async function main() {
  assert.throws(() => new SqliteStore(':memory:'), {
    code: 'NOT_CONFIGURED',
    message: "SqliteStore needs the 'better-sqlite3' package: npm install better-sqlite3",
  });
  assert.throws(() => createWorkflowServer(), { code: 'NOT_CONFIGURED' });

  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('DATABASE_URL is not set: the PostgreSQL part is skipped (CI sets it)');
    return;
  }
  const schema = `flowloom_probe_${process.pid}_cjs`;
  const store = new PostgresStore({ connectionString: url, schema });
  try {
    const saved = await store.saveWorkflow({
      name: 'Probe',
      workflow_data: { nodes: [{ id: 'start', type: 'manual_trigger' }], edges: [] },
    });
    const page = await store.listWorkflows();
    assert.equal(page.total, 1);
    assert.equal(page.workflows[0]?.workflow_id, saved.workflow_id);
    console.log('CJS: PostgresStore saved and listed a workflow');
  } finally {
    await store.close();
    const { Pool } = require('pg');
    const pool = new Pool({ connectionString: url });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
