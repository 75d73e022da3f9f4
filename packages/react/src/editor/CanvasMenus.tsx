import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { useMessages } from '../i18n/useMessages';
import { selectCanPaste, selectComponents } from '../store/editorSelectors';
import type { EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { ComponentPicker } from './ComponentPicker';
import { ConnectionPicker } from './ConnectionPicker';
import { ContextMenu, type MenuItem } from './ContextMenu';
import type { CanvasMenu, ScreenPoint } from './canvasMenu';
import { connectionOptions } from './connectionOptions';
import { removeSelection } from './removeSelection';

/** What the canvas's menus do beyond editing the store. */
export interface CanvasMenuCommands {
  /** Runs the workflow up to a node (`until`). */
  onRunUpTo: (nodeId: string) => void;
  /** Whether a run may start now (not while a command is under way). */
  canRun: boolean;
  onAutoLayout: () => void;
  /** Adds a component with its centre at a point on screen. */
  onAddComponent: (componentType: string, screenPoint: ScreenPoint) => void;
}

/** Props of {@link CanvasMenus}. */
export interface CanvasMenusProps extends CanvasMenuCommands {
  menu: CanvasMenu | undefined;
  /** Opens another menu (the picker from "Add node…"), or closes with undefined. */
  onMenu: (menu: CanvasMenu | undefined) => void;
}

const selectSelection = (state: EditorStore) => state.selectedNodeIds;

/**
 * The canvas's open menu: a node's context menu (run up to here, connect to…, duplicate,
 * disable, copy, delete), the pane's (add node, paste, auto-layout), the component picker that
 * adds a node (connected when a connection was dropped on the pane), or the list of steps a
 * node or handle can be connected to (the keyboard's way to connect).
 */
export function CanvasMenus({
  menu,
  onMenu,
  onRunUpTo,
  canRun,
  onAutoLayout,
  onAddComponent,
}: CanvasMenusProps) {
  const store = useEditorStoreApi();
  const text = useMessages('menus', enCanvas.menus);
  const { screenToFlowPosition } = useReactFlow();
  const canPaste = useEditorStore(selectCanPaste);
  const selection = useEditorStore(selectSelection);
  const components = useEditorStore(selectComponents);
  const close = useMemo(() => () => onMenu(undefined), [onMenu]);
  const from = menu?.kind === 'picker' ? menu.from : undefined;
  const offered = useMemo(
    () =>
      Object.values(components).filter((component) =>
        from === undefined
          ? true
          : from.handleType === 'source'
            ? component.input_handles.length > 0
            : component.output_handles.length > 0,
      ),
    [components, from],
  );

  if (!menu) return null;

  if (menu.kind === 'connect') {
    return <ConnectionPicker from={menu.from} position={menu.at} onClose={close} />;
  }

  if (menu.kind === 'picker') {
    const pick = (componentType: string) => {
      onMenu(undefined);
      if (!menu.from) {
        onAddComponent(componentType, menu.at);
        return;
      }
      const flow = screenToFlowPosition(menu.at);
      // The new node's input (output) handle lands about where the connection was dropped.
      const position =
        menu.from.handleType === 'source'
          ? { x: flow.x, y: flow.y - 58 }
          : { x: flow.x - 200, y: flow.y - 58 };
      store.getState().insertConnectedNode(componentType, position, menu.from);
    };
    return (
      <ComponentPicker
        label={menu.from ? text.pickConnected : text.pickStep}
        components={offered}
        position={menu.at}
        onPick={pick}
        onClose={close}
      />
    );
  }

  if (menu.kind === 'pane') {
    const items: MenuItem[] = [
      {
        id: 'add',
        label: text.addNode,
        onSelect: () => onMenu({ kind: 'picker', at: menu.at }),
      },
      {
        id: 'paste',
        label: text.paste,
        shortcut: 'Ctrl+V',
        disabled: !canPaste,
        onSelect: () => pasteAt(menu.at),
      },
      { id: 'layout', label: text.autoLayout, onSelect: onAutoLayout },
    ];
    return <ContextMenu label={text.pane} items={items} position={menu.at} onClose={close} />;
  }

  const state = store.getState();
  const targets = selection.includes(menu.nodeId) ? selection : [menu.nodeId];
  const node = state.nodes.find((candidate) => candidate.id === menu.nodeId);
  const disabled = node?.data.disabled === true;
  const connectFrom = { nodeId: menu.nodeId, handleId: null, handleType: 'source' } as const;
  const items: MenuItem[] = [
    {
      id: 'run',
      label: text.runUpToHere,
      disabled: !canRun,
      onSelect: () => onRunUpTo(menu.nodeId),
    },
    {
      id: 'connect',
      label: text.connectTo,
      disabled: connectionOptions(state, connectFrom).length === 0,
      onSelect: () => onMenu({ kind: 'connect', at: menu.at, from: connectFrom }),
    },
    {
      id: 'duplicate',
      label: text.duplicate,
      shortcut: 'Ctrl+D',
      onSelect: () => store.getState().duplicate(targets),
    },
    {
      id: 'disable',
      label: disabled ? text.enable : text.disable,
      onSelect: () => store.getState().setNodesDisabled(targets, !disabled),
    },
    {
      id: 'copy',
      label: text.copy,
      shortcut: 'Ctrl+C',
      onSelect: () => {
        store.getState().select(targets);
        store.getState().copy();
      },
    },
    {
      id: 'delete',
      label: text.delete,
      shortcut: 'Del',
      onSelect: () => {
        store.getState().select(targets);
        removeSelection(store.getState());
      },
    },
  ];
  return <ContextMenu label={text.node} items={items} position={menu.at} onClose={close} />;

  /** Pastes the clipboard with its top-left corner at a point on screen. */
  function pasteAt(point: ScreenPoint) {
    const clipboard = store.getState().clipboard;
    if (!clipboard || clipboard.nodes.length === 0) return;
    const flow = screenToFlowPosition(point);
    const left = Math.min(...clipboard.nodes.map((n) => n.position.x));
    const top = Math.min(...clipboard.nodes.map((n) => n.position.y));
    store.getState().paste({ x: flow.x - left, y: flow.y - top });
  }
}
