// The strict consumer check: installs the packed packages into a fresh project outside the
// monorepo and typechecks, with `skipLibCheck: false`, the README snippets marked
// `<!-- consumer-check: <file> -->` plus the files in files/, under `moduleResolution`
// bundler, node16 ESM and node16 CJS. Then it installs the lowest hono, express and fastify
// the adapters support (4.6, 5.0, 5.0) and typechecks the server snippets again.
// `node checks/consumer/run.mjs` after `npm run build`; KEEP_CHECK_DIRS=1 keeps the project.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmInstall, packTarballs, ROOT, step, temporaryFolder } from '../packTarballs.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();

/** What a host installs next to the packages (versions as in TOOLCHAIN.md). */
const HOST_PACKAGES = [
  'typescript@5.9.3',
  '@types/node@20.19.43',
  'react@19.3.1',
  'react-dom@19.3.1',
  '@types/react@19.3.3',
  '@types/react-dom@19.3.0',
  'msw@2.15.0',
  'vitest@4.1.12',
];
const CURRENT_SERVERS = [
  'express@5.3.0',
  '@types/express@5.0.4',
  'fastify@5.12.8',
  'hono@4.13.19',
  '@hono/node-server@2.1.9',
];
/** The lowest versions the adapters promise to typecheck with. */
const LOWEST_SERVERS = [
  'express@5.0.0',
  '@types/express@5.0.0',
  'fastify@5.0.0',
  'hono@4.6.0',
  '@hono/node-server@1.13.8',
];

/** The README code blocks marked for this check, by file name. */
function readmeSnippets() {
  const readmes = [
    'README.md',
    ...readdirSync(path.join(ROOT, 'packages')).map((name) => `packages/${name}/README.md`),
  ];
  const snippets = new Map();
  const marker = /<!-- consumer-check: ([\w.-]+\.tsx?) -->\s*```\w*\n([\s\S]*?)\n```/g;
  for (const readme of readmes) {
    let text;
    try {
      text = readFileSync(path.join(ROOT, readme), 'utf8');
    } catch {
      continue;
    }
    for (const [, file, code] of text.matchAll(marker)) {
      if (snippets.has(file)) throw new Error(`Two README snippets are named ${file}`);
      snippets.set(file, { code: `// From ${readme}\n${code}\n`, readme });
    }
  }
  if (snippets.size === 0) throw new Error('No README snippet is marked for the consumer check');
  return snippets;
}

/** The compiler options of each resolution mode; every one checks the libraries' types too. */
const MODES = [
  {
    label: 'moduleResolution bundler',
    options: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx' },
    folder: 'src',
  },
  {
    label: 'moduleResolution node16, ESM',
    options: { module: 'Node16', moduleResolution: 'Node16', jsx: 'react-jsx' },
    folder: 'src',
  },
  {
    label: 'moduleResolution node16, CJS',
    options: { module: 'Node16', moduleResolution: 'Node16' },
    folder: 'cjs',
  },
];
const STRICT = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  strict: true,
  skipLibCheck: false,
  // What TypeScript 7 does by default: `import '@flowloom/react/styles.css'` must resolve.
  noUncheckedSideEffectImports: true,
  noEmit: true,
  types: ['node'],
};

/** Typechecks `files` (or the whole folder) of `mode`, and fails the check on any error. */
function typecheck(project, mode, label, files) {
  const begun = Date.now();
  const config = path.join(project, 'tsconfig.check.json');
  const scope = files
    ? { files: files.map((file) => `${mode.folder}/${file}`) }
    : { include: [mode.folder] };
  writeFileSync(
    config,
    JSON.stringify({ compilerOptions: { ...STRICT, ...mode.options }, ...scope }, null, 2),
  );
  try {
    execFileSync('npx', ['tsc', '-p', config], { cwd: project, stdio: 'inherit' });
  } catch {
    throw new Error(`The consumer typecheck failed: ${mode.label}, ${label}`);
  }
  step(
    started,
    `typechecked: ${mode.label}, ${label} (${((Date.now() - begun) / 1000).toFixed(1)}s)`,
  );
}

const project = temporaryFolder('flowloom-consumer-');
step(started, `packing the packages into ${project}/packs`);
const tarballs = packTarballs(path.join(project, 'packs'), [
  '@flowloom/core',
  '@flowloom/server-adapter',
  '@flowloom/react',
]);

writeFileSync(
  path.join(project, 'package.json'),
  `${JSON.stringify({ name: 'flowloom-consumer', private: true, type: 'module' }, null, 2)}\n`,
);
// ESM (.ts, .tsx) for bundler and node16; CJS copies (.cts) of the files without JSX or
// top-level await for node16 CJS.
const src = path.join(project, 'src');
const cjs = path.join(project, 'cjs');
mkdirSync(src);
mkdirSync(cjs);
cpSync(path.join(HERE, 'files'), src, { recursive: true });
const snippets = readmeSnippets();
for (const [file, { code }] of snippets) writeFileSync(path.join(src, file), code);
for (const file of readdirSync(src)) {
  if (!file.endsWith('.ts')) continue;
  const code = readFileSync(path.join(src, file), 'utf8');
  // Top-level await and import.meta are ESM-only; so are vitest and msw, whose own types
  // fail when required from CommonJS (not something these packages can change).
  if (/^\s*await\s|import\.meta|from '(vitest|msw)/m.test(code)) continue;
  writeFileSync(path.join(cjs, file.replace(/\.ts$/, '.cts')), code);
}
step(
  started,
  `snippets: ${[...snippets.keys()].join(', ')}; CJS copies: ${readdirSync(cjs).join(', ')}`,
);

step(started, 'installing the tarballs and a host’s packages');
npmInstall(project, [...Object.values(tarballs), ...HOST_PACKAGES, ...CURRENT_SERVERS]);

for (const mode of MODES) typecheck(project, mode, 'current frameworks');

step(started, `installing the lowest supported frameworks: ${LOWEST_SERVERS.join(' ')}`);
npmInstall(project, LOWEST_SERVERS);
// The README's server snippets (named *Server.ts), against express 5.0, fastify 5.0, hono 4.6.
const servers = readdirSync(src).filter((file) => /Server\.ts$/.test(file));
for (const mode of MODES) {
  const files = servers.map((file) =>
    mode.folder === 'cjs' ? file.replace(/\.ts$/, '.cts') : file,
  );
  typecheck(project, mode, `lowest frameworks (${servers.join(', ')})`, files);
}

step(started, 'the packages’ public types check strictly in a fresh consumer');
