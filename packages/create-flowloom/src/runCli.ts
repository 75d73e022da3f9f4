import path from 'node:path';
import { parseArguments, USAGE } from './parseArguments';
import { scaffoldApp } from './scaffoldApp';

/** Where the CLI writes: the process's streams, or a test's. */
export interface CliOutput {
  log(text: string): void;
  error(text: string): void;
}

/**
 * Runs `create-flowloom` with `argv` and resolves with its exit code: 0 when the app was
 * written (or help shown), 1 on a bad argument or a folder that is not empty.
 */
export async function runCli(
  argv: readonly string[],
  output: CliOutput = console,
): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.kind === 'help') {
    output.log(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    output.error(`${parsed.message}\n\n${USAGE}`);
    return 1;
  }
  let app: Awaited<ReturnType<typeof scaffoldApp>>;
  try {
    app = await scaffoldApp({ directory: parsed.directory, server: parsed.server });
  } catch (error) {
    output.error((error as Error).message);
    return 1;
  }
  const where = path.relative(process.cwd(), app.directory) || '.';
  output.log(
    [
      `Wrote a Flowloom app on ${parsed.server} in ${where} (${app.files.length} files).`,
      '',
      'Next:',
      `  cd ${where.includes(' ') ? JSON.stringify(where) : where}`,
      '  npm install',
      '  npm run dev      # then open http://localhost:5173',
      '',
      'README.md there says what each file does.',
    ].join('\n'),
  );
  return 0;
}
