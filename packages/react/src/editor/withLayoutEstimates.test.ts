import { componentRegistry } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import type { EditorNode } from '../store/editorTypes';
import { createLayoutEstimator } from './withLayoutEstimates';

const components = Object.fromEntries(
  componentRegistry.getAllComponents().map((component) => [component.type, component]),
);
const node = (id: string, extra: Partial<EditorNode> = {}): EditorNode => ({
  id,
  type: 'log',
  position: { x: 0, y: 0 },
  data: { parameters: {} },
  ...extra,
});

describe('createLayoutEstimator', () => {
  it('gives an unmeasured node an estimated size and handles, and keeps it the same object', () => {
    const estimate = createLayoutEstimator(components);
    const nodes = [node('a')];
    const [first] = estimate(nodes);
    expect(first).toMatchObject({ initialWidth: 200, initialHeight: 80 });
    expect(first!.handles).toHaveLength(2);
    expect(estimate(nodes)[0]).toBe(first);
  });

  it('passes a measured node through as it is, without estimated handles', () => {
    const estimate = createLayoutEstimator(components);
    const measured = node('a', { measured: { width: 210, height: 90 } });
    expect(estimate([measured])[0]).toBe(measured);
  });

  it('does not estimate a node again once it was measured (e.g. restored by undo)', () => {
    const estimate = createLayoutEstimator(components);
    estimate([node('a', { measured: { width: 200, height: 80 } })]);
    const restored = node('a');
    expect(estimate([restored])[0]).toBe(restored);
  });
});
