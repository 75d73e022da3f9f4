import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const sourceDir = fileURLToPath(new URL('.', import.meta.url));

function librarySources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return librarySources(path);
    const isTestOnly =
      /\.test(-d|-helpers)?\.ts$/.test(name) ||
      name === 'testing.ts' ||
      name === 'storeContract.ts' ||
      name === 'workflowStoreContract.ts';
    return name.endsWith('.ts') && !isTestOnly ? [path] : [];
  });
}

/** The main entry bundled for a neutral platform: no Node built-in can be resolved there. */
async function bundleMainEntry(): Promise<string> {
  const result = await build({
    entryPoints: [join(sourceDir, 'index.ts')],
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'iife',
    globalName: 'Flowloom',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('@flowloom/core is isomorphic', () => {
  it('imports no node: module and touches no Node or DOM global in its library sources', () => {
    const forbidden =
      /from ['"]node:|\brequire\(|\bprocess\.[a-z]|\bBuffer\.[a-z]|\bwindow\.[A-Za-z_]|\bdocument\.[A-Za-z_]/;
    const offenders = librarySources(sourceDir).filter((path) =>
      forbidden.test(readFileSync(path, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('bundles for a neutral platform and runs a workflow where only web-standard globals exist', async () => {
    const code = await bundleMainEntry();
    // A realm with the globals browsers, Deno, Bun and Node share — and no process, require,
    // Buffer, window or document.
    const sandbox = createContext({
      AbortController,
      AbortSignal,
      Event,
      EventTarget,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      structuredClone,
      performance,
      crypto,
      console,
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
    });
    const script = `${code}
      (async () => {
        const { ExecutionEngine } = Flowloom;
        const engine = new ExecutionEngine();
        const instance = await engine.createInstance({
          name: 'isomorphic',
          workflow_data: {
            nodes: [
              { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
              { id: 'shape', type: 'transform', position: { x: 0, y: 0 }, data: { parameters: { mapping: { greeting: 'hello {{ input.name }}' } } } },
            ],
            edges: [{ id: 'e1', source: 'start', target: 'shape' }],
          },
        });
        return engine.executeWorkflow(instance.instance_id, { name: 'world' });
      })()`;
    const status = await runInContext(script, sandbox);
    expect(status.status).toBe('completed');
    expect(status.steps.shape.output_data).toEqual({ greeting: 'hello world' });
    expect(
      runInContext('typeof process + typeof require + typeof window + typeof document', sandbox),
    ).toBe('undefinedundefinedundefinedundefined');
  });
});
