import { componentRegistry } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import type { EditorNode } from '../store/editorTypes';
import { nodeNames } from './nodeNames';

const components = Object.fromEntries(
  componentRegistry.getAllComponents().map((component) => [component.type, component]),
);
const node = (id: string, type: string, label?: string): EditorNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { parameters: {}, ...(label === undefined ? {} : { label }) },
});

describe('nodeNames', () => {
  it('names a node by its label, else its component', () => {
    const names = nodeNames([node('a', 'log', 'Say hi'), node('b', 'delay')], components);
    expect([...names.values()]).toEqual(['Say hi', 'Delay']);
  });

  it('adds the id to names that several nodes share', () => {
    const names = nodeNames(
      [node('log_1', 'log'), node('log_2', 'log', 'Log'), node('x', 'delay')],
      components,
    );
    expect([...names.values()]).toEqual(['Log (log_1)', 'Log (log_2)', 'Delay']);
  });
});
