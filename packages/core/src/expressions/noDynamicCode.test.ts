import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(folder).filter(
  (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.test-d.ts'),
);

describe('expression evaluation', () => {
  it('has source files to check', () => {
    expect(sources).toEqual(
      expect.arrayContaining([
        'compileValue.ts',
        'evaluatePath.ts',
        'expressionPath.ts',
        'parseTemplate.ts',
      ]),
    );
  });

  it.each(sources)('%s uses neither eval nor new Function', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    expect(text).not.toMatch(/\beval\s*\(/);
    expect(text).not.toMatch(/\bnew\s+Function\b/);
    expect(text).not.toMatch(/\bFunction\s*\(/);
  });
});
