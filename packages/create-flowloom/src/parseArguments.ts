import { parseArgs } from 'node:util';
import { isServerChoice, SERVER_CHOICES, type ServerChoice } from './serverChoice';

/** What the command line asked for. */
export type ParsedArguments =
  | { kind: 'scaffold'; directory: string; server: ServerChoice }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** The usage text `--help` prints, and every argument error ends with. */
export const USAGE = `Usage: npm create flowloom@latest <directory> -- [--server ${SERVER_CHOICES.join('|')}]

Writes a Flowloom host app into <directory> (which must not exist, or be empty):
the workflow API and its WebSocket on the chosen server with SQLite, and a Vite
React page with the editor.

Options:
  -s, --server <name>  ${SERVER_CHOICES.join(', ')} (default: express)
  -h, --help           show this text`;

/**
 * Reads `create-flowloom`'s arguments (what follows `--` in `npm create flowloom@latest`).
 * Never throws: a mistake comes back as `{ kind: 'error', message }` for the CLI to print.
 *
 * @example
 * parseArguments(['my-app', '--server', 'hono']); // { kind: 'scaffold', directory: 'my-app', server: 'hono' }
 */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const server = values.server ?? 'express';
  if (!isServerChoice(server)) {
    return {
      kind: 'error',
      message: `Unknown server "${server}": choose one of ${SERVER_CHOICES.join(', ')}`,
    };
  }
  if (positionals.length === 0) {
    return { kind: 'error', message: 'Give the directory to create, e.g. my-app' };
  }
  if (positionals.length > 1) {
    return {
      kind: 'error',
      message: `Give one directory, not ${positionals.length}: ${positionals.join(' ')}`,
    };
  }
  const directory = positionals[0]!;
  if (directory.trim() === '') return { kind: 'error', message: 'The directory name is empty' };
  return { kind: 'scaffold', directory, server };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      server: { type: 'string', short: 's' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
