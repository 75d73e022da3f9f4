import { runHelloWorkflow } from './helloWorkflow';

const status = await runHelloWorkflow(process.argv[2] ?? 'Ada');
console.log(`\nRun ${status.status}:`, status.steps.greet?.output_data);
process.exitCode = status.status === 'completed' ? 0 : 1;
