import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { builtinComponents } from './builtinComponents';

describe('builtinComponents', () => {
  const registry = new ComponentRegistry({ components: builtinComponents });

  it('registers every built-in in palette order', () => {
    expect(registry.getAllComponents().map((component) => component.type)).toEqual([
      'manual_trigger',
      'webhook_trigger',
      'schedule_trigger',
      'http_request',
      'condition',
      'switch',
      'sub_workflow',
      'for_each',
      'wait',
      'transform',
      'code',
      'delay',
      'merge',
      'set_variable',
      'log',
      'respond_to_webhook',
    ]);
  });

  it('gives every component an icon, a gradient colour and a description', () => {
    for (const component of registry.getAllComponents()) {
      expect(component.icon, component.type).toMatch(/^[A-Z][A-Za-z0-9]*Icon$/);
      expect(component.color, component.type).toMatch(/^from-[a-z]+-\d+ to-[a-z]+-\d+$/);
      expect(component.description, component.type).not.toBe('');
    }
  });

  it('gives triggers no input handle and every other component one', () => {
    for (const component of registry.getAllComponents()) {
      const expected = component.category === 'triggers' ? [] : ['input'];
      expect(
        component.input_handles.map((handle) => handle.id),
        component.type,
      ).toEqual(expected);
    }
  });

  it('keeps the component sources free of node: imports and the DOM', () => {
    const folder = fileURLToPath(new URL('.', import.meta.url));
    const sources = readdirSync(folder).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    expect(sources.length).toBeGreaterThan(11);
    for (const file of sources) {
      const text = readFileSync(`${folder}/${file}`, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|import\(['"]node:|\b(document|window)\./);
    }
  });
});
