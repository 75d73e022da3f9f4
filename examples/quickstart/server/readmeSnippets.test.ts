import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

// The first code block after the file's link in the README.
function snippetAfterLink(file: string): string | undefined {
  const link = README.indexOf(`](${file})`);
  if (link === -1) return undefined;
  const match = /```\w*\n([\s\S]*?)\n```/.exec(README.slice(link));
  return match?.[1];
}

it.each([
  'examples/quickstart/server/mountWorkflowApi.ts',
  'examples/quickstart/src/EditorPage.tsx',
])('the README\'s "Embed it in your app" snippet is %s, verbatim', (file) => {
  const source = readFileSync(path.join(ROOT, file), 'utf8').trim();
  expect(snippetAfterLink(file)).toBe(source);
});
