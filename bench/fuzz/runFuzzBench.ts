import { runFuzz } from './runFuzz';

/** `npm run bench`'s fuzz pass: 100,000 generated requests, answers counted by status. */
const cases = Number(process.env.FUZZ_CASES ?? 100_000);
const started = performance.now();
const report = await runFuzz(
  cases,
  process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined,
);
const seconds = (performance.now() - started) / 1000;
console.log(
  `\n== fuzz: ${cases.toLocaleString('en')} generated requests in ${seconds.toFixed(1)} s, ` +
    `${report.runsChecked} runs read back (seed ${report.seed}: FUZZ_SEED=${report.seed} replays it)`,
);
for (const [status, count] of Object.entries(report.statuses).sort()) {
  console.log(`  ${status}: ${count.toLocaleString('en')}`);
}
console.log(`  500 answers: ${report.statuses[500] ?? 0}`);
for (const failure of report.failures) console.log('  FAILURE', failure);
process.exitCode = report.failures.length > 0 ? 1 : 0;
