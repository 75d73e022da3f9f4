import { useContext, useMemo } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import type { ConnectFrom } from '../store/editorTypes';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { AnnounceContext } from './AnnounceContext';
import { connectionOptions } from './connectionOptions';
import { nodeNames } from './nodeNames';
import { type PickerItem, SearchPicker } from './SearchPicker';

/** Props of {@link ConnectionPicker}. */
export interface ConnectionPickerProps {
  /** The node (or handle) to connect, and which way. */
  from: ConnectFrom;
  /** Where to open it, in viewport coordinates. */
  position: { x: number; y: number };
  /** Told when it closes, after a connection or without one. */
  onClose: () => void;
}

/**
 * The keyboard's way to connect two steps: a searchable list of the steps a node (or one of its
 * handles) can connect to, or be connected from; choosing one makes the edge, and the editor's
 * live region says so (or why not).
 */
export function ConnectionPicker({ from, position, onClose }: ConnectionPickerProps) {
  const store = useEditorStoreApi();
  const announce = useContext(AnnounceContext);
  const text = useMessages('connect', enCanvas.connect);
  const canvasWords = useMessages('canvas', enCore.canvas);
  // Read once: the graph does not change while the list is open.
  const { options, names } = useMemo(() => {
    const state = store.getState();
    return {
      options: connectionOptions(state, from),
      names: nodeNames(state.nodes, state.components),
    };
  }, [store, from]);
  const items = useMemo<PickerItem[]>(
    () =>
      options.map((option) => ({
        key: option.key,
        text: text.option(names.get(option.nodeId) ?? option.nodeId, option.handle),
        search: option.nodeId,
        data: { 'data-node-id': option.nodeId },
      })),
    [options, names, text],
  );
  const name = names.get(from.nodeId) ?? from.nodeId;

  const pick = (key: string) => {
    onClose();
    const option = options.find((candidate) => candidate.key === key);
    if (!option) return;
    const result = store.getState().connect(option.connection);
    const source = names.get(option.connection.source) ?? option.connection.source;
    const target = names.get(option.connection.target) ?? option.connection.target;
    announce(
      result.ok
        ? text.connected(source, target)
        : text.refused(canvasWords.refusals[result.reason]),
    );
  };

  return (
    <SearchPicker
      label={from.handleType === 'source' ? text.to(name) : text.from(name)}
      searchLabel={text.search}
      placeholder={text.placeholder}
      items={items}
      emptyText={(query) => (query === '' ? text.none : text.noMatch(query))}
      position={position}
      onPick={pick}
      onClose={onClose}
    />
  );
}
