import { componentRegistry } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { estimateNodeLayout } from './estimateNodeLayout';

const component = (type: string) =>
  componentRegistry.getAllComponents().find((metadata) => metadata.type === type);

describe('estimateNodeLayout', () => {
  // The figures Chromium measures for the default theme (bench/editor, a probe of each type).
  it('gives a one-row node 200 × 80 with its handles mid-way down the body', () => {
    const log = estimateNodeLayout(component('log'));
    expect([log.width, log.height]).toEqual([200, 80]);
    expect(log.handles).toEqual([
      expect.objectContaining({ id: 'input', type: 'target', position: 'left', x: -4, y: 53 }),
      expect.objectContaining({ id: 'output', type: 'source', position: 'right', x: 194, y: 53 }),
    ]);
  });

  it('makes room for a bottom handle and puts it in the middle of the bottom edge', () => {
    const condition = estimateNodeLayout(component('condition'));
    expect(condition.height).toBe(102);
    expect(condition.handles.find((handle) => handle.id === 'false')).toMatchObject({
      position: 'bottom',
      x: 95,
      y: 96,
    });
  });

  it('spreads the handles of a busy side evenly', () => {
    const switchNode = estimateNodeLayout(component('switch'));
    expect(switchNode.height).toBe(168);
    const right = switchNode.handles.filter((handle) => handle.position === 'right');
    expect(right.map((handle) => handle.y)).toEqual([58, 84, 110, 136]);
  });

  it('estimates an unknown component as one input and one output', () => {
    const unknown = estimateNodeLayout(undefined);
    expect(unknown.handles.map((handle) => handle.id)).toEqual(['input', 'output']);
  });
});
