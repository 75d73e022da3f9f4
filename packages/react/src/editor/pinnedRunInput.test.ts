import { componentRegistry } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import type { EditorNode } from '../store/editorTypes';
import { pinnedRunInput } from './pinnedRunInput';

const components = Object.fromEntries(
  componentRegistry.getAllComponents().map((component) => [component.type, component]),
);
const node = (id: string, type: string, pinned?: Record<string, unknown>): EditorNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { parameters: {}, ...(pinned ? { pinned_input: pinned } : {}) },
});

describe('pinnedRunInput', () => {
  it('takes the pinned input of the first trigger that holds one', () => {
    const nodes = [
      node('hook', 'webhook_trigger'),
      node('start', 'manual_trigger', { id: 1 }),
      node('later', 'manual_trigger', { id: 2 }),
    ];
    expect(pinnedRunInput({ nodes, components })).toEqual({ id: 1 });
  });

  it('ignores input pinned on a node that is not a trigger', () => {
    expect(pinnedRunInput({ nodes: [node('say', 'log', { id: 1 })], components })).toBeUndefined();
  });
});
