import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** How the server runs, from the environment and the command line. */
export interface Settings {
  /** `PORT`, 3001 by default; 0 picks a free port. */
  port: number;
  /** `HOST`: 127.0.0.1 by default, so the API (open, without sign-in) stays on this machine. */
  host: string;
  /** `DATABASE_PATH`: the SQLite file, kept between starts. */
  databasePath: string;
  /** `--serve-page` (`npm start`): also serve the page `npm run build` wrote to dist/. */
  servePage: boolean;
  /** The built page's folder. */
  pageDir: string;
}

export function readSettings(): Settings {
  const databasePath = path.resolve(process.env.DATABASE_PATH ?? 'data/flowloom.db');
  mkdirSync(path.dirname(databasePath), { recursive: true });
  return {
    port: Number(process.env.PORT ?? 3001),
    host: process.env.HOST ?? '127.0.0.1',
    databasePath,
    servePage: process.argv.includes('--serve-page'),
    pageDir: path.resolve('dist'),
  };
}
