// `npm start`: builds the packages and runs the README's example. The quickstart (the API on
// Express with the editor page on http://localhost:8000) takes this script's place when it lands.
import { spawnSync } from 'node:child_process';

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log('Flowloom: building the packages...');
run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
console.log('\nRunning the README example (register a component, run a workflow):\n');
run('npm', ['run', 'start', '--silent', '-w', '@flowloom/example-register-and-run']);
console.log(
  '\nComing next: the quickstart — the REST + WebSocket API on Express and the <WorkflowEditor> page on http://localhost:8000.',
);
