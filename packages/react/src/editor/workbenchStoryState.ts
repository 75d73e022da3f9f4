import { builtinComponents, ComponentRegistry } from '@flowloom/core';
import type { EditorState } from '../store/editorTypes';

const components = Object.fromEntries(
  new ComponentRegistry({ components: builtinComponents })
    .getAllComponents()
    .map((component) => [component.type, component]),
);

/**
 * Stories' editor state: Manual Trigger → HTTP Request → Log, a Log no trigger reaches, two
 * problems from a save, and a finished run's data (for expression completion and previews).
 */
export function workbenchStoryState(overrides: Partial<EditorState> = {}): Partial<EditorState> {
  return {
    components,
    nodes: [
      { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
      {
        id: 'fetch',
        type: 'http_request',
        position: { x: 300, y: 0 },
        data: {
          parameters: { url: '' },
          settings: { retry: { max_attempts: 3, backoff_ms: 500, backoff_multiplier: 2 } },
        },
      },
      {
        id: 'say',
        type: 'log',
        position: { x: 600, y: 0 },
        data: { parameters: { message: 'Total: {{ steps.fetch.body.total }}' } },
      },
      { id: 'lonely', type: 'log', position: { x: 300, y: 250 }, data: { parameters: {} } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'output', target: 'fetch', targetHandle: 'input' },
      { id: 'e2', source: 'fetch', sourceHandle: 'success', target: 'say', targetHandle: 'input' },
    ],
    issuesByNode: {
      fetch: [
        {
          code: 'MISSING_REQUIRED_PARAMETER',
          message: 'URL is required',
          severity: 'error',
          node_id: 'fetch',
          field: 'url',
        },
      ],
      lonely: [
        {
          code: 'MISSING_REQUIRED_PARAMETER',
          message: 'Message is required',
          severity: 'error',
          node_id: 'lonely',
          field: 'message',
        },
      ],
    },
    runData: {
      instanceId: 'story-run',
      input: { order_id: 7 },
      vars: {},
      outputs: {
        start: { order_id: 7 },
        fetch: { status_code: 200, headers: {}, body: { id: 7, total: 140, priority: true } },
      },
    },
    ...overrides,
  };
}
