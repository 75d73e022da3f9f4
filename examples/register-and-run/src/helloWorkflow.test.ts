import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runHelloWorkflow } from './helloWorkflow';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the README example', () => {
  it('registers the Greet component and runs trigger → greet → log to completion', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      lines.push(parts.join(' '));
    });
    const status = await runHelloWorkflow('Grace');
    expect(status.status).toBe('completed');
    expect(status.steps.greet?.output_data).toEqual({ greeting: 'Hello, Grace!' });
    expect(status.steps.say?.status).toBe('completed');
    expect(lines[0]).toBe('1 execution_started ');
    expect(lines).toContain('7 log say');
    expect(lines.at(-1)).toMatch(/execution_completed/);
  });

  it('is the code the README shows, word for word', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const source = readFileSync(new URL('./helloWorkflow.ts', import.meta.url), 'utf8');
    expect(readme).toContain(source.trim());
  });
});
