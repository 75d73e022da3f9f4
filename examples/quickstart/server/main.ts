// `npm start`: the quickstart in the foreground until Ctrl+C. With `--check` it starts on a free
// port with an in-memory database (unless PORT / DATABASE_PATH say otherwise), checks the page,
// the API and a sample run, and exits 0 when all work: CI's "does `npm start` work" step.
import { checkQuickstart } from './checkQuickstart';
import { startQuickstart } from './startQuickstart';

const checkOnly = process.argv.includes('--check');
const quickstart = await startQuickstart(
  checkOnly
    ? {
        port: Number(process.env.PORT ?? 0),
        databasePath: process.env.DATABASE_PATH ?? ':memory:',
      }
    : {},
);
console.warn(
  '[quickstart] The API has no authentication: anyone who can reach this port can edit and run workflows. Keep it for local use.',
);
console.log(`Flowloom quickstart: open http://localhost:${quickstart.port}`);

let shuttingDown = false;
const shutDown = (reason: string, exitCode = 0): void => {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`\n${reason}: Shutting down...`);
  // Running steps get 8 s to finish; runs still going are left interrupted and resume at the
  // next start. A socket that will not let go must not keep the process up forever.
  const force = setTimeout(() => {
    console.error('Shutdown took over 15 s; exiting anyway.');
    process.exit(1);
  }, 15_000);
  force.unref();
  quickstart.close({ graceMs: 8_000 }).then(
    () => process.exit(exitCode),
    (error: unknown) => {
      console.error('Shutdown failed:', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutDown('SIGINT'));
process.on('SIGTERM', () => shutDown('SIGTERM'));

if (checkOnly) {
  const problems = await checkQuickstart(quickstart).catch((error: unknown) => [String(error)]);
  for (const problem of problems) console.error(`Check failed: ${problem}`);
  if (problems.length === 0) console.log('Check passed: the page, the API and a sample run work.');
  shutDown('Check done', problems.length === 0 ? 0 : 1);
}
