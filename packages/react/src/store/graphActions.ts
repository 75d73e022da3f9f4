import { checkConnection } from './checkConnection';
import { defaultParameters } from './defaultParameters';
import { edgeForConnection } from './edgeForConnection';
import type { EditorStoreKit } from './editorStoreKit';
import type { EditorActions, EditorNode, EditorNodeData } from './editorTypes';
import { newNodeId } from './newNodeId';

type GraphActions = Pick<
  EditorActions,
  | 'addNode'
  | 'removeNodes'
  | 'checkConnection'
  | 'connect'
  | 'setParameter'
  | 'setNodeLabel'
  | 'setNodeSettings'
  | 'setPositions'
>;

/**
 * The editor store's edits of the graph itself: adding and removing nodes, connecting them,
 * their parameters, labels, settings and positions. Each is one undo step.
 */
export function graphActions({ get, commit }: EditorStoreKit): GraphActions {
  /** Edits one node's data; consecutive edits with the same `key` are one undo step. */
  const updateNodeData = (
    nodeId: string,
    update: (data: EditorNodeData) => EditorNodeData,
    key: string,
  ): void => {
    const state = get();
    let changed = false;
    const nodes = state.nodes.map((node) => {
      if (node.id !== nodeId) return node;
      const data = update(node.data);
      if (data === node.data) return node;
      changed = true;
      return { ...node, data };
    });
    if (changed) commit({ nodes }, key);
  };

  return {
    addNode(componentType, position) {
      const state = get();
      const component = state.components[componentType];
      const id = newNodeId(componentType, new Set(state.nodes.map((node) => node.id)));
      const data: EditorNodeData = { parameters: defaultParameters(component) };
      if (component) data.label = component.name;
      const node: EditorNode = { id, type: componentType, position: { ...position }, data };
      commit({ nodes: [...state.nodes, node] });
      return id;
    },

    removeNodes(nodeIds) {
      const state = get();
      const ids = new Set(nodeIds ?? state.selectedNodeIds);
      if (!state.nodes.some((node) => ids.has(node.id))) return;
      commit({
        nodes: state.nodes.filter((node) => !ids.has(node.id)),
        edges: state.edges.filter((edge) => !ids.has(edge.source) && !ids.has(edge.target)),
        selectedNodeIds: state.selectedNodeIds.filter((id) => !ids.has(id)),
      });
    },

    checkConnection(connection) {
      const check = checkConnection(get(), connection);
      return check.ok ? { ok: true } : check;
    },

    connect(connection) {
      const state = get();
      const made = edgeForConnection(state, connection);
      if (!made.ok) return made;
      commit({ edges: [...state.edges, made.edge] });
      return { ok: true };
    },

    setParameter(nodeId, name, value) {
      updateNodeData(
        nodeId,
        (data) =>
          Object.is(data.parameters[name], value) && name in data.parameters
            ? data
            : { ...data, parameters: { ...data.parameters, [name]: value } },
        `parameter:${nodeId}:${name}`,
      );
    },

    setNodeLabel(nodeId, label) {
      updateNodeData(
        nodeId,
        (data) => (data.label === label ? data : { ...data, label }),
        `label:${nodeId}`,
      );
    },

    setNodeSettings(nodeId, settings) {
      updateNodeData(
        nodeId,
        (data) => {
          if (data.settings === settings) return data;
          const { settings: _old, ...rest } = data;
          return settings === undefined ? rest : { ...rest, settings };
        },
        `settings:${nodeId}`,
      );
    },

    setPositions(positions) {
      const state = get();
      let changed = false;
      const nodes = state.nodes.map((node) => {
        const position = positions[node.id];
        if (!position || (position.x === node.position.x && position.y === node.position.y)) {
          return node;
        }
        changed = true;
        return { ...node, position: { x: position.x, y: position.y } };
      });
      if (changed) commit({ nodes });
    },
  };
}
