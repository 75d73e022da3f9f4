import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scaffoldApp } from './scaffoldApp';
import { SERVER_CHOICES } from './serverChoice';

const VERSIONS = { core: '^1.2.3', react: '^1.2.4', serverAdapter: '^1.2.5' };

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'create-flowloom-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const read = (directory: string, file: string) => readFileSync(path.join(directory, file), 'utf8');
const manifestOf = (directory: string) =>
  JSON.parse(read(directory, 'package.json')) as {
    name: string;
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

describe('scaffoldApp', () => {
  it.each(SERVER_CHOICES)(
    'writes a %s app: server, page, component, proxy and README',
    async (server) => {
      const app = await scaffoldApp({
        directory: path.join(root, 'My App'),
        server,
        versions: VERSIONS,
      });

      expect(app.name).toBe('my-app');
      expect(app.files).toEqual(
        expect.arrayContaining([
          '.gitignore',
          'README.md',
          'index.html',
          'package.json',
          'scripts/dev.mjs',
          'server/greetComponent.ts',
          'server/main.ts',
          'src/App.tsx',
          'src/main.tsx',
          'tsconfig.json',
          'vite.config.ts',
        ]),
      );
      const main = read(app.directory, 'server/main.ts');
      expect(main).toContain(`@flowloom/server-adapter/${server}`);
      expect(main).toContain('new SqliteStore(');
      expect(main).toContain('componentRegistry.registerComponent(greetComponent)');
      expect(read(app.directory, 'server/greetComponent.ts')).toContain('defineComponent({');
      expect(read(app.directory, 'src/App.tsx')).toContain('<WorkflowEditor');
      expect(read(app.directory, 'vite.config.ts')).toMatch(/ws: true/);
      expect(read(app.directory, 'README.md')).toContain(`on ${server} with SQLite`);
    },
  );

  it.each([
    ['express', ['express'], ['@types/express']],
    ['fastify', ['fastify', '@fastify/static'], []],
    ['hono', ['hono', '@hono/node-server'], []],
  ] as const)(
    'gives a %s app its framework and nothing of the others',
    async (server, own, types) => {
      const app = await scaffoldApp({
        directory: path.join(root, 'app'),
        server,
        versions: VERSIONS,
      });
      const { dependencies, devDependencies } = manifestOf(app.directory);
      for (const name of own) expect(dependencies).toHaveProperty([name]);
      for (const name of types) expect(devDependencies).toHaveProperty([name]);
      const others = ['express', 'fastify', 'hono'].filter((name) => name !== server);
      for (const name of others) expect(dependencies).not.toHaveProperty([name]);
    },
  );

  it('depends on the @flowloom packages at the given ranges, with SQLite, and no pg', async () => {
    const app = await scaffoldApp({
      directory: path.join(root, 'app'),
      server: 'hono',
      versions: VERSIONS,
    });
    const manifest = manifestOf(app.directory);
    expect(manifest.dependencies).toMatchObject({
      '@flowloom/core': '^1.2.3',
      '@flowloom/react': '^1.2.4',
      '@flowloom/server-adapter': '^1.2.5',
      'better-sqlite3': expect.any(String),
    });
    expect(manifest.dependencies).not.toHaveProperty(['pg']);
    expect(Object.keys(manifest.scripts)).toEqual(
      expect.arrayContaining(['dev', 'build', 'start']),
    );
  });

  it("defaults the @flowloom ranges to the ones in create-flowloom's package.json", async () => {
    const own = JSON.parse(read(path.resolve(import.meta.dirname, '..'), 'package.json'));
    const app = await scaffoldApp({ directory: path.join(root, 'app'), server: 'express' });
    expect(manifestOf(app.directory).dependencies['@flowloom/core']).toBe(
      own.devDependencies['@flowloom/core'],
    );
  });

  it('leaves no placeholder unfilled', async () => {
    const app = await scaffoldApp({
      directory: path.join(root, 'app'),
      server: 'fastify',
      versions: VERSIONS,
    });
    for (const file of app.files)
      expect(read(app.directory, file)).not.toMatch(/\{\{(name|server)\}\}/);
  });

  it('writes into an existing empty folder', async () => {
    const directory = path.join(root, 'empty');
    mkdirSync(directory);
    const app = await scaffoldApp({ directory, server: 'express', versions: VERSIONS });
    expect(app.files).toContain('server/main.ts');
  });

  it('refuses a folder that is not empty, and writes nothing into it', async () => {
    const directory = path.join(root, 'taken');
    mkdirSync(directory);
    writeFileSync(path.join(directory, 'notes.txt'), 'mine');
    await expect(scaffoldApp({ directory, server: 'express', versions: VERSIONS })).rejects.toThrow(
      /is not empty/,
    );
    expect(readdirSync(directory)).toEqual(['notes.txt']);
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(root, 'file');
    writeFileSync(file, '');
    await expect(
      scaffoldApp({ directory: file, server: 'express', versions: VERSIONS }),
    ).rejects.toThrow(/not a folder/);
  });
});
