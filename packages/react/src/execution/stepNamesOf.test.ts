import { componentRegistry } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { stepNamesOf } from './stepNamesOf';

const components = Object.fromEntries(
  componentRegistry.getAllComponents().map((component) => [component.type, component]),
);

describe('stepNamesOf', () => {
  it('names a step by its label, else its component, else its id', () => {
    expect(
      stepNamesOf(
        [
          { id: 'fetch', type: 'http_request', data: { label: 'Fetch order' } },
          { id: 'say', type: 'log', data: { label: '  ' } },
          { id: 'mystery', type: 'not_registered' },
        ],
        components,
      ),
    ).toEqual({ fetch: 'Fetch order', say: 'Log', mystery: 'mystery' });
  });

  it('names nothing without nodes', () => {
    expect(stepNamesOf(undefined)).toEqual({});
  });
});
