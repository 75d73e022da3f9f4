import { describe, expect, it } from 'vitest';
import { storeWithComponents } from '../store/editorStoreFixtures.test-helpers';
import { connectionOptions } from './connectionOptions';

function graph() {
  const store = storeWithComponents();
  const s = () => store.getState();
  const trigger = s().addNode('manual_trigger', { x: 0, y: 0 });
  const condition = s().addNode('condition', { x: 200, y: 0 });
  const log = s().addNode('log', { x: 400, y: 0 });
  return { store, trigger, condition, log };
}

describe('connectionOptions', () => {
  it('offers every other step with an input to a node’s output, never the node itself', () => {
    const { store, trigger, condition, log } = graph();
    const options = connectionOptions(store.getState(), {
      nodeId: trigger,
      handleId: null,
      handleType: 'source',
    });
    expect(options.map((option) => option.nodeId)).toEqual([condition, log]);
    expect(options[0]!.connection).toEqual({
      source: trigger,
      sourceHandle: 'output',
      target: condition,
      targetHandle: 'input',
    });
    expect(options.every((option) => option.handle === undefined)).toBe(true);
  });

  it('names the output used when the node has several, or only the handle asked for', () => {
    const { store, condition, log } = graph();
    const all = connectionOptions(store.getState(), {
      nodeId: condition,
      handleId: null,
      handleType: 'source',
    });
    expect(all.filter((option) => option.nodeId === log).map((option) => option.handle)).toEqual([
      'True',
      'False',
    ]);
    const onlyFalse = connectionOptions(store.getState(), {
      nodeId: condition,
      handleId: 'false',
      handleType: 'source',
    });
    expect(onlyFalse.map((option) => option.connection.sourceHandle)).toEqual(['false']);
  });

  it('leaves out a connection that exists already or would close a cycle', () => {
    const { store, trigger, condition, log } = graph();
    store.getState().connect({
      source: condition,
      sourceHandle: 'true',
      target: log,
      targetHandle: null,
    });
    const fromLog = connectionOptions(store.getState(), {
      nodeId: log,
      handleId: null,
      handleType: 'source',
    });
    // Log → Condition would close a cycle; the trigger takes no input.
    expect(fromLog).toEqual([]);
    const fromCondition = connectionOptions(store.getState(), {
      nodeId: condition,
      handleId: null,
      handleType: 'source',
    });
    expect(fromCondition.map((option) => option.connection.sourceHandle)).toEqual(['false']);
    expect(fromCondition.some((option) => option.nodeId === trigger)).toBe(false);
  });

  it('lists the steps that can feed a node’s input', () => {
    const { store, trigger, condition, log } = graph();
    const options = connectionOptions(store.getState(), {
      nodeId: log,
      handleId: 'input',
      handleType: 'target',
    });
    expect(options.map((option) => [option.nodeId, option.connection.sourceHandle])).toEqual([
      [trigger, 'output'],
      [condition, 'true'],
      [condition, 'false'],
    ]);
    expect(options.every((option) => option.connection.target === log)).toBe(true);
  });

  it('offers nothing for a node that is not there', () => {
    const { store } = graph();
    expect(
      connectionOptions(store.getState(), { nodeId: 'gone', handleId: null, handleType: 'source' }),
    ).toEqual([]);
  });
});
